"""The index lines a crawl writes itself are, byte for byte, the ones cdxj-indexer writes."""

from __future__ import annotations

from pathlib import Path

from mee_archive.archive import records
from mee_archive.archive.index import IndexLines, cdxj_line
from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.writer import RotatingWarcWriter

DATE = "2026-01-02T03:04:05.123456Z"
HTML = b"HTTP/1.1 200 OK\r\ncontent-type: Text/HTML ; charset=GB2312\r\nX-A: b\r\n\r\n"
MISSING = b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\n"
EMPTY_TYPE = b"HTTP/1.1 301 Moved\r\nContent-Type:\r\nLocation: http://example.org/b\r\n\r\n"
NOT_MODIFIED = b"HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n"


def exchanges() -> list[records.WarcRecord]:
    """Every kind of record a crawl writes, with the heads that make index fields differ."""
    page = records.response_record("http://Example.org/A/Page.shtml?b=2&a=1", DATE, HTML, "环境".encode("gb2312"), {})
    gone = records.response_record("http://example.org/gone", DATE, MISSING, b"not found", {})
    moved = records.response_record("http://example.org/a", DATE, EMPTY_TYPE, b"", {})
    original = records.Original(page.headers.get_header("WARC-Target-URI"), DATE, page.id)
    again = records.revisit_record(original.uri, DATE, HTML, page.headers.get_header("WARC-Payload-Digest"),
                                   original, {})
    confirmed = records.revisit_record(original.uri, DATE, NOT_MODIFIED, page.headers.get_header("WARC-Payload-Digest"),
                                       original, {}, records.NOT_MODIFIED)
    asked = records.request_record(original.uri, DATE, b"GET /A/Page.shtml HTTP/1.1\r\n\r\n", b"", page.id, {})
    about = records.metadata_record(original.uri, DATE, {"item-url": original.uri}, page.id)
    return [page, asked, gone, moved, again, confirmed, about]


def test_lines_equal_cdxj_indexers_for_every_kind_of_record(tmp_path: Path, cdxj_indexer) -> None:
    closed: list[Path] = []
    writer = RotatingWarcWriter(tmp_path, "t", "c1", 10**9, warcinfo=lambda name: {"software": "tests"},
                                on_close=closed.append)
    written = [(rec, writer.write(rec)[0]) for rec in exchanges()]
    writer.close()
    ours = sorted(line for rec, at in written if (line := cdxj_line(rec, at)))
    assert len(ours) == 5  # responses and revisits; not the request, the metadata or the warcinfo
    assert "".join(ours) == cdxj_indexer(closed[0])


def test_index_of_a_closed_file_holds_its_own_lines_only(tmp_path: Path) -> None:
    layout, lines, closed = ArchiveLayout(tmp_path), IndexLines(), []
    writer = RotatingWarcWriter(layout.warc_dir, "t", "c1", 10**9, warcinfo=lambda name: {"software": "tests"},
                                on_close=closed.append)
    for rec in exchanges()[:3]:
        lines.add(rec, writer.write(rec)[0])
    writer.close()
    lines.add(exchanges()[0], writer.write(exchanges()[0])[0])  # a second file, still open
    index = lines.write(layout, closed[0]).read_text("utf-8")
    keys = [line.split(" ", 1)[0] for line in index.splitlines()]
    assert keys == ["org,example)/a/page.shtml?a=1&b=2", "org,example)/gone"]
    assert layout.index_for(closed[0]).name.endswith(".cdxj") and not list(layout.index_dir.glob("*.part"))
