"""Helpers for the operations tests: crawlers on the project's settings without a reactor, and
`scrapy crawl` processes against a live replica."""

from __future__ import annotations

import socket
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
from mee_archive.feeds import read_records
from mee_archive.incremental import kind_of
from mee_archive.manifest import read_manifests
from mee_archive.replica.server import ReplicaServer
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


# --- Crawls of a live replica, as `scrapy crawl` processes (the way cron and scrapyd run them) ---

REPO = Path(__file__).resolve().parents[2]
# The replica is ours and on loopback: no politeness needed.
REPLICA_PACE = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
                "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=INFO"]


def start_crawl(proxy: str, output: Path, *settings: str) -> subprocess.Popen:
    """`scrapy crawl news_release` through the replica into ``output``; later ``-s`` pairs win."""
    command = [sys.executable, "-m", "scrapy", "crawl", "news_release", "-s", f"MEE_PROXY={proxy}",
               "-s", f"MEE_OUTPUT_DIR={output}", *REPLICA_PACE, *settings]
    output.mkdir(parents=True, exist_ok=True)
    with (output / "crawl-stderr.log").open("ab") as log:
        return subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=log)


def crawl(proxy: str, output: Path, *settings: str) -> int:
    """A whole crawl; returns its exit code."""
    return start_crawl(proxy, output, *settings).wait(timeout=300)


def items(output: Path) -> list[dict[str, Any]]:
    return list(read_records(output / "items" / "news_release.jsonl"))


def manifests(output: Path) -> list[dict[str, Any]]:
    return read_manifests(output / "runs")


def free_port() -> int:
    """A loopback port nothing listens on (now): for servers to start, or as a dead proxy."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetched_since(server: ReplicaServer, start: int, kind: str) -> list[str]:
    """URLs of ``kind`` (list, page, resource) the replica answered since request number ``start``."""
    return [r.url for r in server.requests[start:] if kind_of(r.url) == kind]
