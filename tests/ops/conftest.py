"""Helpers for the operations tests: crawlers built on the project's settings, without a reactor."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import scrapy
from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler

from mee_archive.addons import OutputLayout
from mee_archive.runner import project_settings


class ReleaseSpider(scrapy.Spider):
    """Stands in for news_release: components only look at its name and its callbacks."""

    name = "news_release"

    def parse_embed(self, response: Any) -> None:
        """A spider method, so requests to it can be stored and restored."""


@pytest.fixture
def make_crawler(tmp_path: Path) -> Callable[..., Crawler]:
    """Makes crawlers over the project's settings (plus overrides) writing below ``tmp_path``."""
    return lambda **settings: crawler_for(tmp_path, **settings)


def crawler_for(tmp_path: Path, **settings: Any) -> Crawler:
    merged = project_settings({"MEE_OUTPUT_DIR": str(tmp_path), "SPIDER_MODULES": [],
                               "TWISTED_REACTOR_ENABLED": False, "MEE_CRAWL_ID": "run-test", **settings})
    OutputLayout().update_settings(merged)
    crawler = get_crawler(ReleaseSpider, merged.copy_to_dict())
    crawler.spider = ReleaseSpider.from_crawler(crawler)
    return crawler
