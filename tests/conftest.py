"""Fixtures every test directory shares: the project's spiders crawled through a live replica (as
cron or scrapyd runs them), and crawlers on the project's settings without a reactor.

Test modules cannot import conftest modules reliably under pytest's importlib mode, so the helpers
come as fixtures."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import scrapy
from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler

from mee_archive.addons import OutputLayout
from mee_archive.cli.demo import REPLICA_PACE
from mee_archive.runner import project_settings

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def linker_table_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The linker's derived tables go to a directory of this test session, not the user's cache
    (crawls the tests start inherit it): the suite starts from what a new machine has."""
    os.environ["MEE_ARCHIVE_CACHE"] = str(tmp_path_factory.mktemp("linker-tables"))


def replica_crawl_command(spider: str, proxy: str, output: Path, *settings: str) -> list[str]:
    """``scrapy crawl <spider>`` through the replica at ``proxy`` into ``output``, at the demo's pace
    (the replica is ours, on loopback); ``settings`` are NAME=VALUE and later ones win."""
    pace = [f"{name}={value}" for name, value in REPLICA_PACE.items()]
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for setting in (f"MEE_PROXY={proxy}", f"MEE_OUTPUT_DIR={output}", *pace, *settings):
        command += ["-s", setting]
    return command


def replica_crawl(spider: str, proxy: str, output: Path, *settings: str) -> subprocess.CompletedProcess:
    """The whole crawl of replica_crawl_command, run from the project directory, output captured."""
    return subprocess.run(replica_crawl_command(spider, proxy, output, *settings), cwd=REPO,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(name="repo", scope="session")
def repo_fixture() -> Path:
    """The project directory: where ``scrapy crawl`` finds scrapy.cfg."""
    return REPO


@pytest.fixture(name="replica_crawl_command", scope="session")
def replica_crawl_command_fixture() -> Callable[..., list[str]]:
    """``replica_crawl_command(spider, proxy, output, *settings)``: see replica_crawl_command."""
    return replica_crawl_command


@pytest.fixture(name="replica_crawl", scope="session")
def replica_crawl_fixture() -> Callable[..., subprocess.CompletedProcess]:
    """``replica_crawl(spider, proxy, output, *settings)``: see replica_crawl."""
    return replica_crawl


class ReleaseSpider(scrapy.Spider):
    """Stands in for news_release: components only look at its name and its callbacks."""

    name = "news_release"

    def parse_embed(self, response: Any) -> None:
        """A spider method, so requests to it can be stored and restored."""


@pytest.fixture
def make_crawler(tmp_path: Path) -> Callable[..., Crawler]:
    """Makes crawlers over the project's settings (plus overrides) writing below ``tmp_path``."""

    def crawler_for(**settings: Any) -> Crawler:
        merged = project_settings({"MEE_OUTPUT_DIR": str(tmp_path), "SPIDER_MODULES": [],
                                   "TWISTED_REACTOR_ENABLED": False, "MEE_CRAWL_ID": "run-test", **settings})
        OutputLayout().update_settings(merged)
        crawler = get_crawler(ReleaseSpider, merged.copy_to_dict())
        crawler.spider = ReleaseSpider.from_crawler(crawler)
        return crawler

    return crawler_for
