"""A crawl SIGKILLed at any point and started again ends with what an uninterrupted crawl has,
fetching nothing again that was archived before the kill."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import Popen
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from mee_archive.feeds import read_records
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer
from mee_archive.runner import project_settings
from mee_archive.state import CrawlState, state_path

from .conftest import fetched_since, items, manifests

pytestmark = pytest.mark.slow

# Slow enough that a kill lands mid-crawl, not after it.
PACED = ["CONCURRENT_REQUESTS=2", "DOWNLOAD_DELAY=0.05"]


@pytest.fixture(scope="module")
def replica() -> Iterator[ReplicaServer]:
    with ReplicaServer(build_corpus(seed=11, releases=24)).start() as server:
        yield server


@pytest.fixture(scope="module")
def uninterrupted(replica: ReplicaServer, tmp_path_factory: pytest.TempPathFactory,
                  crawl: Callable[..., int]) -> Path:
    output = tmp_path_factory.mktemp("uninterrupted")
    assert crawl(replica.url, output) == 0
    return output


def content(output: Path) -> dict[str, str]:
    """Each release's content digest, asserting one record per release."""
    records = items(output)
    assert len({r["url"] for r in records}) == len(records)
    return {r["url"]: r["content_digest"] for r in records}


def archived_uris(output: Path) -> set[str]:
    """URLs with a response or revisit record in the archive's closed WARC files."""
    uris = set()
    for warc in (output / "warc").glob("*.warc.gz"):
        with warc.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type in ("response", "revisit"):
                    uris.add(record.rec_headers.get_header("WARC-Target-URI"))
    return uris


def answered_embeds(output: Path) -> set[str]:
    state = CrawlState(state_path(project_settings({"MEE_OUTPUT_DIR": str(output)})))
    try:
        return {row[0] for row in state.db.execute("SELECT url FROM resources WHERE status IS NOT NULL")}
    finally:
        state.close()


def kill_after(start_crawl: Callable[..., Popen], replica: ReplicaServer, output: Path, responses: int) -> None:
    """Start a crawl and SIGKILL it once the replica has answered it ``responses`` times."""
    start = len(replica.requests)
    process = start_crawl(replica.url, output, *PACED)
    for _ in range(6000):  # bounded: 60 s at most
        if process.poll() is not None or len(replica.requests) - start >= responses:
            break
        time.sleep(0.01)
    assert process.poll() is None, "the crawl ended before the kill: slow it down"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


@pytest.mark.parametrize("responses", [3, 12, 28])
def test_a_killed_crawl_resumes_to_the_same_items_and_records(
        replica: ReplicaServer, uninterrupted: Path, tmp_path: Path, responses: int, crawl: Callable[..., int],
        start_crawl: Callable[..., Popen]) -> None:
    output = tmp_path / "archive"
    kill_after(start_crawl, replica, output, responses)
    assert manifests(output)[-1]["status"] == "running"  # the killed run says it never finished
    items_before = {r["url"] for r in read_records(output / "items" / "news_release.jsonl")}
    embeds_before = answered_embeds(output)

    start = len(replica.requests)
    assert crawl(replica.url, output) == 0
    assert content(output) == content(uninterrupted)
    assert archived_uris(output) >= archived_uris(uninterrupted)
    fetched_again = set(fetched_since(replica, start, "page")) & items_before
    assert fetched_again == set(), "releases archived before the kill were fetched again"
    assert set(fetched_since(replica, start, "resource")) & embeds_before == set()
    final: dict[str, Any] = manifests(output)[-1]
    assert final["status"] == "finished" and final["error_count"] == 0
