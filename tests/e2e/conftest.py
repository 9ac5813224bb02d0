"""Fixtures that crawl a live replica on loopback, the way a user would (a `scrapy crawl` process)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.model import Corpus
from mee_archive.replica.server import ReplicaServer


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
def english_crawl(replica: ReplicaServer, tmp_path_factory: pytest.TempPathFactory,
                  replica_crawl: Callable[..., CompletedProcess]) -> Path:
    """One crawl of the replica's News Release section, shared by the tests that read it."""
    output = tmp_path_factory.mktemp("archive")
    result = replica_crawl("news_release", replica.url, output)
    assert result.returncode == 0, result.stderr[-3000:]
    return output


@pytest.fixture(scope="session")
def linked_crawl(replica: ReplicaServer, english_crawl: Path,
                 replica_crawl: Callable[..., CompletedProcess]) -> Path:
    """The Chinese crawl after the English one, into the same archive: it ends by linking."""
    result = replica_crawl("zh_news", replica.url, english_crawl)
    assert result.returncode == 0, result.stderr[-3000:]
    return english_crawl
