"""The real spiders crawling the replica through its proxy (news_release, zh_news, then
news_release again): the archive holds every exchange the replica saw, byte for byte (gzip-coded,
chunked and GB2312 pages among them), and the second, incremental news_release run archives the
replica's 304s as server-not-modified revisits. Then verify, package and pywb accept it."""

from __future__ import annotations

import html
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.rawrecord import RawRecord, iter_records
from mee_archive.archive.records import NOT_MODIFIED
from mee_archive.cli import main
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer
from mee_archive.replica.site import host_kind

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def replica() -> Iterator[ReplicaServer]:
    with ReplicaServer(build_corpus(seed=11, releases=8)).start() as server:
        yield server


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("replica-archive")


@pytest.fixture(scope="module")
def runs(replica: ReplicaServer, output: Path, replica_crawl) -> list[list[tuple[str, int]]]:
    """Three crawls into one archive; the (url, status) exchanges the replica logged in each."""
    seen = []
    for spider in ("news_release", "zh_news", "news_release"):
        before = len(replica.requests)
        result = replica_crawl(spider, replica.url, output, "MEE_ZH_MARGIN_DAYS=3")
        assert result.returncode == 0, result.stderr[-3000:]
        seen.append([(r.url, r.status) for r in replica.requests[before:]])
    return seen


@pytest.fixture(scope="module")
def archive(runs, output: Path) -> ArchiveLayout:
    return ArchiveLayout(output)


def crawls(archive: ArchiveLayout) -> list[list[RawRecord]]:
    return [[rec for warc in archive.closed_warcs(crawl_id) for rec in iter_records(warc)]
            for crawl_id in archive.crawl_ids()]


def status(rec: RawRecord) -> int:
    return int(rec.http[0].split(b" ", 2)[1])


def test_warcio_check_passes(archive: ArchiveLayout) -> None:
    check = [str(BIN / "warcio"), "check", *map(str, archive.closed_warcs())]
    assert subprocess.run(check, capture_output=True).returncode == 0


def test_every_exchange_the_replica_saw_is_archived(runs, archive: ArchiveLayout) -> None:
    for logged, stored in zip(runs, crawls(archive)):
        archived = [(rec.header("WARC-Target-URI"), status(rec)) for rec in stored
                    if rec.type in ("response", "revisit")]
        assert Counter(archived) == Counter(logged)
        assert len([rec for rec in stored if rec.type == "request"]) == len(logged)


def test_payloads_are_the_bytes_the_replica_sent(replica: ReplicaServer, archive: ArchiveLayout) -> None:
    coded = chunked = gb2312 = 0
    for rec in [*crawls(archive)[0], *crawls(archive)[1]]:
        if rec.type != "response" or status(rec) != 200:
            continue
        url = urlsplit(rec.header("WARC-Target-URI"))
        resource = replica.site.resolve(host_kind(url.hostname), url.path)
        head, payload = rec.http
        expected = resource.body
        if b"\r\nContent-Encoding: gzip\r\n" in head:
            expected, coded = replica.gzipped(resource.body), coded + 1
        if b"\r\nContent-Length:" not in head:
            chunked += 1  # sent chunked: stored de-chunked, without Transfer-Encoding
        gb2312 += b"charset=gb2312" in head
        assert payload == expected and b"Transfer-Encoding" not in head
    assert coded and chunked and gb2312


def test_second_run_archives_304s_as_not_modified_revisits(runs, archive: ArchiveLayout) -> None:
    first, _, second = crawls(archive)
    assert any(code == 304 for _, code in runs[2])
    by_id = {rec.header("WARC-Record-ID"): rec for rec in first}
    not_modified = [rec for rec in second if rec.type == "revisit" and status(rec) == 304]
    assert len(not_modified) == sum(code == 304 for _, code in runs[2])
    for rec in not_modified:
        original = by_id[rec.header("WARC-Refers-To")]
        assert rec.header("WARC-Profile") == NOT_MODIFIED
        assert b"Content-Length" not in rec.http[0]  # the replica sends none with a 304
        assert original.header("WARC-Target-URI") == rec.header("WARC-Target-URI")
        assert original.header("WARC-Payload-Digest") == rec.header("WARC-Payload-Digest")


def test_index_is_the_one_cdxj_indexer_makes(archive: ArchiveLayout, tmp_path: Path, same_index_as_cdxj_indexer) -> None:
    """Revisits (identical payload and not modified), gzip-coded, chunked and GB2312 answers."""
    same_index_as_cdxj_indexer(archive, tmp_path)


def test_every_release_cites_its_record_and_verify_passes(archive: ArchiveLayout) -> None:
    items = [json.loads(line) for line in (archive.items_dir / "news_release.jsonl").read_text().splitlines()]
    assert len(items) == 8 and all(item["warc"]["file"].endswith(".warc.gz") for item in items)
    assert main(["verify", "--output", str(archive.root)]) == 0


def test_wacz_validates_and_lists_the_releases(archive: ArchiveLayout, tmp_path: Path) -> None:
    wacz = tmp_path / "releases.wacz"
    assert main(["package", "--output", str(archive.root), "--wacz", str(wacz)]) == 0
    check = subprocess.run([str(BIN / "wacz"), "validate", "-f", str(wacz)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    listed = subprocess.run(["unzip", "-p", str(wacz), "pages/pages.jsonl"], capture_output=True, text=True)
    items = [json.loads(line) for line in (archive.items_dir / "news_release.jsonl").read_text().splitlines()]
    assert sorted(json.loads(line)["url"] for line in listed.stdout.splitlines()[1:]) == sorted(
        item["url"] for item in items)


def test_pywb_replays_a_release(replica: ReplicaServer, archive: ArchiveLayout, pywb) -> None:
    release = replica.corpus.releases()[0]
    status, page = pywb(archive, f"2000mp_/{release.url}")
    assert status == 200
    text = html.unescape(page)
    assert release.title in text and release.paragraphs[0][:60] in text
