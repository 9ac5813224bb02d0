"""End to end under fault modes: a crawl loses only what the replica makes impossible to get."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from urllib.parse import urlsplit

import pytest

from mee_archive.replica.faults import FAULT_MODES, FaultConfig, permanent_losses
from mee_archive.replica.model import Corpus
from mee_archive.replica.server import ReplicaServer
from mee_archive.replica.truth import export_truth

from .conftest import read_jsonl

pytestmark = pytest.mark.slow

FAULTS = FaultConfig(modes=frozenset(FAULT_MODES), rate=0.15, seed=3, stall_seconds=8.0)


@pytest.fixture(scope="module")
def faulty_crawl(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory,
                 replica_crawl: Callable[..., CompletedProcess]) -> tuple[Path, int]:
    output = tmp_path_factory.mktemp("faulty")
    with ReplicaServer(corpus, faults=FAULTS).start() as server:
        result = replica_crawl("news_release", server.url, output, "DOWNLOAD_TIMEOUT=4", "RETRY_TIMES=3")
    return output, result.returncode


def test_every_release_but_the_permanently_lost_is_found_with_its_gold_text(
    faulty_crawl: tuple[Path, int], corpus: Corpus
) -> None:
    output, _ = faulty_crawl
    lost = permanent_losses(corpus, FAULTS)
    truth = {r["url"]: r for r in export_truth(corpus) if r["url"] not in lost}
    items = read_jsonl(output / "items" / "news_release.jsonl")
    assert sorted(i["url"] for i in items) == sorted(truth)
    for item in items:
        assert item["body"] == truth[item["url"]]["body"], item["url"]
        assert item["title"] == truth[item["url"]]["title"]


def test_the_run_says_what_was_lost_and_exits_non_zero(faulty_crawl: tuple[Path, int], corpus: Corpus) -> None:
    output, returncode = faulty_crawl
    lost = {urlsplit(url).path for url in permanent_losses(corpus, FAULTS) if "/news_release/" in url}
    assert lost, "the fault seed must make some releases unreachable for this test to mean anything"
    assert returncode == 1
    (manifest,) = (output / "runs").glob("*.json")
    errors = json.loads(manifest.read_text())["errors"]
    # Lists may name a page under an old host name (english.mep.gov.cn): the path is the page.
    assert lost <= {urlsplit(e["url"]).path for e in errors}
    assert {e["reason"].split(":")[0] for e in errors} == {"HTTP 404", "RedirectLoop"}
