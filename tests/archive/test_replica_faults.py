"""A crawl of a replica with faults on (5xx, 429, resets, truncated bodies, 404s for listed
articles, redirects and loops, wrong charsets, duplicate entries, malformed HTML): the archive
holds exactly the answers the crawler received, stays valid, and every item cites its record."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.rawrecord import iter_records
from mee_archive.cli import main
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.faults import FaultConfig
from mee_archive.replica.server import ReplicaServer

pytestmark = pytest.mark.slow
FAULTS = "5xx,429,reset,truncate,notfound,redirect_loop,redirect,charset,duplicates,malformed"


def test_archive_of_a_faulty_crawl_holds_every_answer_received(tmp_path: Path, replica_crawl,
                                                              same_index_as_cdxj_indexer) -> None:
    with ReplicaServer(build_corpus(seed=3, releases=30),
                       faults=FaultConfig.parse(FAULTS, rate=0.2)).start() as replica:
        replica_crawl("news_release", replica.url, tmp_path, "MEE_RETRY_AFTER_MAX=1")  # exits 1: pages lost
        faults = Counter(r.fault for r in replica.requests if r.fault)
    assert faults.keys() >= {"5xx", "429", "reset", "truncate"}
    layout = ArchiveLayout(tmp_path)
    archived = Counter(
        str(int(rec.http[0].split(b" ", 2)[1]))
        for warc in layout.closed_warcs() for rec in iter_records(warc) if rec.type in ("response", "revisit"))
    [manifest] = [json.loads(path.read_text()) for path in (tmp_path / "runs").glob("*.json")]
    assert archived == Counter(manifest["counts"]["responses_by_status"])
    assert {"301", "404", "429"} <= archived.keys()
    assert main(["verify", "--output", str(tmp_path)]) == 0
    same_index_as_cdxj_indexer(layout, tmp_path / "theirs")  # 301s, 404s, 429s, truncated bodies
