"""A small crawl of a live replica (both spiders, linked) and its research index, shared by the
tests of this directory; plus helpers to run `mee-archive` and read items."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def research_archive(tmp_path_factory: pytest.TempPathFactory,
                     replica_crawl: Callable[..., subprocess.CompletedProcess]) -> Path:
    """An archive of a 60-release replica, English and Chinese crawled and linked, then indexed."""
    output = tmp_path_factory.mktemp("research-archive")
    with ReplicaServer(build_corpus(seed=7, releases=60)).start() as server:
        for spider in ("news_release", "zh_news"):
            result = replica_crawl(spider, server.url, output)
            assert result.returncode == 0, result.stderr[-3000:]
    result = run_cli("index", "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mee_archive", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(name="cli", scope="session")
def cli_fixture() -> Callable[..., subprocess.CompletedProcess]:
    """``cli(*args)``: `mee-archive ARGS` as a user runs it, output captured."""
    return run_cli


@pytest.fixture(name="items", scope="session")
def items_fixture(research_archive: Path) -> Callable[[str], list[dict]]:
    """``items("news_release")``: the records of one feed of the shared archive."""
    return lambda name: read_jsonl(research_archive / "items" / f"{name}.jsonl")
