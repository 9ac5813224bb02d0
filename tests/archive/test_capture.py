"""A crawl through an HTTP proxy (the test site) leaves a faithful archive of every exchange."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.rawrecord import RawRecord, iter_records, read_record

pytestmark = pytest.mark.slow
SITE = "http://english.mee.gov.cn"


def sha1(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


@pytest.fixture(scope="module")
def archive(site, crawl, tmp_path_factory: pytest.TempPathFactory) -> ArchiveLayout:
    out = tmp_path_factory.mktemp("capture")
    crawl(out, f"{SITE}/list.html", f"MEE_PROXY={site.url}")
    return ArchiveLayout(out)


@pytest.fixture(scope="module")
def stored(archive: ArchiveLayout) -> list[RawRecord]:
    return [rec for warc in archive.closed_warcs() for rec in iter_records(warc)]


def responses(stored: list[RawRecord]) -> dict[str, RawRecord]:
    return {rec.header("WARC-Target-URI"): rec for rec in stored if rec.type == "response"}


def test_warcio_check_passes_on_every_file(archive: ArchiveLayout) -> None:
    warcs = archive.closed_warcs()
    assert warcs and not archive.open_warcs()
    check = [str(Path(sys.executable).with_name("warcio")), "check", *map(str, warcs)]
    assert subprocess.run(check, capture_output=True).returncode == 0


def test_digests_recomputed_independently(stored: list[RawRecord]) -> None:
    for rec in stored:
        assert rec.whole
        assert rec.header("WARC-Block-Digest") == sha1(rec.block)
        if rec.type in ("response", "request"):
            assert rec.header("WARC-Payload-Digest") == sha1(rec.http[1])


def test_every_exchange_is_archived_with_real_urls(stored: list[RawRecord], site) -> None:
    expected = {f"{SITE}{path}" for path in
                ["/robots.txt", "/list.html", "/release/1.html", "/release/2.html", "/gzip.html",
                 "/chunked.html", "/gb2312.html", "/image.png", "/redirect", "/missing.html",
                 "/multi.html?a=1&b=2"]}
    found = responses(stored)
    assert set(found) == expected
    assert all(rec.header("WARC-IP-Address") == "127.0.0.1" for rec in found.values())
    assert found[f"{SITE}/redirect"].http[0].startswith(b"HTTP/1.1 301 Moved Permanently\r\n")
    assert b"\r\nLocation: /release/1.html\r\n" in found[f"{SITE}/redirect"].http[0]
    assert found[f"{SITE}/missing.html"].http[0].startswith(b"HTTP/1.1 404 Not Found\r\n")


@pytest.mark.parametrize("path", ["/gzip.html", "/chunked.html", "/gb2312.html", "/image.png"])
def test_payload_is_the_bytes_the_server_sent(stored: list[RawRecord], site, path: str) -> None:
    head, payload = responses(stored)[SITE + path].http
    assert payload == site.sent[path]
    assert b"Transfer-Encoding" not in head


def test_response_heads_are_what_the_server_sent(stored: list[RawRecord], site) -> None:
    """Line for line, apart from what Twisted takes away: Transfer-Encoding, and the place of
    Content-Length (Scrapy puts it first)."""
    for uri, rec in responses(stored).items():
        lines = rec.http[0].decode("latin-1").split("\r\n")[:-2]
        sent = [line for line in site.heads[uri.removeprefix(SITE)] if not line.startswith("Transfer-Encoding")]
        assert lines[0] == sent[0] and sorted(lines[1:]) == sorted(sent[1:])


def test_content_coding_is_kept_and_charset_untouched(stored: list[RawRecord]) -> None:
    found = responses(stored)
    gzip_head, gzip_body = found[f"{SITE}/gzip.html"].http
    assert b"\r\nContent-Encoding: gzip\r\n" in gzip_head and gzip_body[:2] == b"\x1f\x8b"
    assert b"charset=gb2312" in found[f"{SITE}/gb2312.html"].http[0]


def test_multi_valued_and_latin1_headers(stored: list[RawRecord]) -> None:
    head = responses(stored)[f"{SITE}/multi.html?a=1&b=2"].http[0]
    assert b"\r\nSet-Cookie: a=1; Path=/\r\nSet-Cookie: b=2; Path=/\r\n" in head
    assert b"\r\nX-Note: caf\xe9\r\n" in head


def test_requests_as_sent_through_the_proxy(stored: list[RawRecord], site) -> None:
    ids = {rec.header("WARC-Record-ID") for rec in stored if rec.type == "response"}
    sent = {rec.header("WARC-Target-URI"): rec for rec in stored if rec.type == "request"}
    assert set(sent) == set(responses(stored))
    for uri, rec in sent.items():
        head = rec.http[0]
        assert head.startswith(f"GET {uri} HTTP/1.1\r\n".encode())
        assert b"\r\nHost: english.mee.gov.cn\r\n" in head
        assert b"\r\nAccept-Encoding: gzip, deflate\r\n" in head
        assert rec.header("WARC-Concurrent-To") in ids
    # the proxy received exactly the lines each record states, in the same order
    received = {path: head for path, _, head in site.requests}
    for uri, rec in sent.items():
        assert rec.http[0].decode("latin-1").split("\r\n")[:-2] == received[uri]


def test_warcinfo_states_how_the_archive_was_made(stored: list[RawRecord], site) -> None:
    info = next(rec for rec in stored if rec.type == "warcinfo").block.decode()
    for line in ["http-header-accept-encoding: gzip, deflate", "robots: obey",
                 f"via-proxy: {site.url}", "software: mee-archive/"]:
        assert line in info


def test_items_cite_their_response_record(archive: ArchiveLayout, stored: list[RawRecord]) -> None:
    items = [json.loads(line) for line in (archive.items_dir / "tiny.jsonl").read_text().splitlines()]
    assert sorted(item["url"] for item in items) == [f"{SITE}/release/1.html", f"{SITE}/release/2.html"]
    metadata = [rec for rec in stored if rec.type == "metadata"]
    for item in items:
        cite = item["warc"]
        rec = read_record(archive.warc_dir / cite["file"], cite["offset"], cite["length"])
        assert rec.type == "response" and rec.header("WARC-Target-URI") == item["url"]
        assert rec.header("WARC-Record-ID") == cite["record_id"]
        assert sha1(rec.http[1]) == cite["payload_digest"]
        about = [m for m in metadata if m.header("WARC-Refers-To") == cite["record_id"]]
        assert len(about) == 1 and f"item-url: {item['url']}" in about[0].block.decode()


def test_index_lists_every_response(archive: ArchiveLayout, stored: list[RawRecord]) -> None:
    lines = [line for warc in archive.closed_warcs()
             for line in archive.index_for(warc).read_text().splitlines()]
    urls = {json.loads(line.split(" ", 2)[2])["url"] for line in lines}
    assert urls == set(responses(stored))


def test_index_is_the_one_cdxj_indexer_makes(archive: ArchiveLayout, tmp_path: Path, same_index_as_cdxj_indexer) -> None:
    same_index_as_cdxj_indexer(archive, tmp_path)


def test_a_crawl_held_back_by_its_recorder_archives_every_exchange_all_the_same(
        site, crawl, stored: list[RawRecord], tmp_path: Path) -> None:
    """MEE_WARC_BACKLOG=0: every download waits for its own record (mee_archive.archive.backlog)."""
    result = crawl(tmp_path, f"{SITE}/list.html", f"MEE_PROXY={site.url}", "MEE_WARC_BACKLOG=0")
    held = [rec for warc in ArchiveLayout(tmp_path).closed_warcs() for rec in iter_records(warc)]
    assert set(responses(held)) == set(responses(stored))
    assert "'mee/warc/backlog_waits': " in result.stderr and "'item_scraped_count': " in result.stderr
