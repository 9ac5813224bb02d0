"""Fixtures that crawl a live replica on loopback, the way a user would (a `scrapy crawl` process)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.model import Corpus
from mee_archive.replica.server import ReplicaServer

REPO = Path(__file__).resolve().parents[2]

# The replica is ours and on loopback: crawl it at full speed.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16"]


def scrapy_crawl(spider: str, proxy: str, output: Path, *extra: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``scrapy crawl`` from the project directory, as a user or scrapyd would."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-s", f"MEE_PROXY={proxy}",
               "-s", f"MEE_OUTPUT_DIR={output}", *FAST, *extra]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=timeout)


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return build_corpus(seed=7, releases=60)


@pytest.fixture(scope="session")
def replica(corpus: Corpus) -> Iterator[ReplicaServer]:
    with ReplicaServer(corpus).start() as server:
        yield server


@pytest.fixture(scope="session")
def english_crawl(replica: ReplicaServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One crawl of the replica's News Release section, shared by the tests that read it."""
    output = tmp_path_factory.mktemp("archive")
    result = scrapy_crawl("news_release", replica.url, output)
    assert result.returncode == 0, result.stderr[-3000:]
    return output


@pytest.fixture(scope="session")
def linked_crawl(replica: ReplicaServer, english_crawl: Path) -> Path:
    """The Chinese crawl after the English one, into the same archive: it ends by linking."""
    result = scrapy_crawl("zh_news", replica.url, english_crawl)
    assert result.returncode == 0, result.stderr[-3000:]
    return english_crawl
