"""`scrapy crawl` (and so a scrapyd job) exits 1 when the run had errors, 0 when it had none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer

from .conftest import free_port, manifests

pytestmark = pytest.mark.slow


def test_scrapy_crawl_exit_status_says_whether_the_run_had_errors(
        tmp_path: Path, crawl: Callable[..., int]) -> None:
    dead = f"http://127.0.0.1:{free_port()}"  # a proxy nobody answers at
    assert crawl(dead, tmp_path / "down", "RETRY_TIMES=0") == 1
    assert manifests(tmp_path / "down")[-1]["error_count"] >= 1
    with ReplicaServer(build_corpus(seed=3, releases=3)).start() as replica:
        assert crawl(replica.url, tmp_path / "up") == 0
