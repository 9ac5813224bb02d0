"""End to end: a replica answering 429 with Retry-After to some requests still yields every
release, and each pause asked for was honoured by holding the host's slot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.faults import FaultConfig
from mee_archive.replica.server import ReplicaServer

from .conftest import items, manifests

pytestmark = pytest.mark.slow


def test_retry_after_pauses_the_host_and_the_crawl_still_gets_everything(
        tmp_path: Path, crawl: Callable[..., int]) -> None:
    corpus = build_corpus(seed=7, releases=12)
    faults = FaultConfig(modes=frozenset({"429"}), rate=0.25, seed=2, retry_after=1)
    with ReplicaServer(corpus, faults=faults).start() as replica:
        assert crawl(replica.url, tmp_path) == 0
        throttled = [r.url for r in replica.requests if r.status == 429]
        answered_later = {r.url for r in replica.requests if r.status == 200}  # asked again and answered
    assert throttled and set(throttled) <= answered_later
    assert sorted(i["url"] for i in items(tmp_path)) == sorted(r.url for r in corpus.releases())
    run = manifests(tmp_path)[-1]
    assert run["counts"]["responses_by_status"]["429"] == len(throttled)
    assert 1 <= run["counts"]["retry_after_holds"] <= len(throttled)
    assert run["error_count"] == 0
