"""Helpers for the operations tests: `scrapy crawl` processes against a live replica and what they
leave in the archive."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mee_archive.feeds import read_records
from mee_archive.incremental import kind_of
from mee_archive.manifest import read_manifests
from mee_archive.replica.server import ReplicaServer

# --- Crawls of a live replica, as `scrapy crawl` processes (the way cron and scrapyd run them) ---

@pytest.fixture(scope="session")
def start_crawl(replica_crawl_command: Callable[..., list[str]], repo: Path) -> Callable[..., subprocess.Popen]:
    """``start_crawl(proxy, output, *settings)``: `scrapy crawl news_release` through the replica into
    ``output``, started and left running (so tests can kill it), its stderr logged beside the archive."""

    def start(proxy: str, output: Path, *settings: str) -> subprocess.Popen:
        output.mkdir(parents=True, exist_ok=True)
        with (output / "crawl-stderr.log").open("ab") as log:
            return subprocess.Popen(replica_crawl_command("news_release", proxy, output, *settings),
                                    cwd=repo, stdout=subprocess.DEVNULL, stderr=log)

    return start


@pytest.fixture(scope="session")
def crawl(start_crawl: Callable[..., subprocess.Popen]) -> Callable[..., int]:
    """``crawl(proxy, output, *settings)``: a whole crawl of start_crawl; returns its exit code."""
    return lambda proxy, output, *settings: start_crawl(proxy, output, *settings).wait(timeout=300)


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
