"""Rotation, `.open` naming, record locations, and repair of a file cut off mid-record."""

from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mee_archive.archive import records
from mee_archive.archive.layout import parse_name
from mee_archive.archive.rawrecord import iter_records, read_record
from mee_archive.archive.repair import complete_length, repair_open_file, repair_open_files
from mee_archive.archive.writer import RotatingWarcWriter, gzip_member

DATE = "2026-01-02T03:04:05.000006Z"


def response(n: int, size: int = 2000) -> records.WarcRecord:
    body = os.urandom(size)  # incompressible, so file sizes are predictable
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n"
    return records.response_record(f"http://example.org/{n}", DATE, head, body, {})


def writer(directory: Path, max_size: int = 10**9, closed: list[Path] | None = None) -> RotatingWarcWriter:
    return RotatingWarcWriter(directory, "test", "crawl1", max_size,
                              warcinfo=lambda name: {"software": "tests", "name": name},
                              on_close=(closed.append if closed is not None else None))


def test_rotation_by_size_gives_several_files_each_opened_by_warcinfo(tmp_path: Path) -> None:
    closed: list[Path] = []
    out = writer(tmp_path, max_size=5000, closed=closed)
    for n in range(10):
        out.write(response(n))
    out.close()
    assert len(closed) >= 4 and sorted(tmp_path.iterdir()) == sorted(closed)
    assert [int(parse_name(p.name)["serial"]) for p in sorted(closed)] == list(range(1, len(closed) + 1))
    uris = []
    for path in closed:
        found = list(iter_records(path))
        assert found[0].type == "warcinfo" and found[0].header("WARC-Filename") == path.name
        assert all(rec.whole for rec in found)
        uris += [rec.header("WARC-Target-URI") for rec in found[1:]]
    assert uris == [f"http://example.org/{n}" for n in range(10)]


def test_file_is_open_until_closed_and_locations_point_at_the_records(tmp_path: Path) -> None:
    out = writer(tmp_path)
    first, second = out.write(response(1), response(2))
    assert [p.name for p in tmp_path.iterdir()] == [first.file + ".open"]
    out.close()
    assert [p.name for p in tmp_path.iterdir()] == [first.file]
    rec = read_record(tmp_path / second.file, second.offset, second.length)
    assert rec.header("WARC-Record-ID") == second.record_id
    assert rec.header("WARC-Target-URI") == "http://example.org/2"


def test_serials_continue_after_an_earlier_file_of_the_same_crawl(tmp_path: Path) -> None:
    for _ in range(2):
        out = writer(tmp_path)
        out.write(response(1))
        out.close()
    assert sorted(parse_name(p.name)["serial"] for p in tmp_path.iterdir()) == ["00001", "00002"]


@pytest.fixture
def cut_file(tmp_path: Path) -> tuple[Path, list[int]]:
    """An abandoned `.open` file of 5 records and the end offset of each record."""
    out = writer(tmp_path)
    locations = out.write(*(response(n) for n in range(5)))
    out._fh.close()  # simulate a kill: no close(), no rename, lock released by the dead process
    path = next(tmp_path.iterdir())
    return path, [loc.offset + loc.length for loc in locations]


def test_repair_truncates_to_last_complete_record_at_any_cut(cut_file: tuple[Path, list[int]]) -> None:
    path, ends = cut_file
    data = path.read_bytes()
    for cut in (ends[2] + 1, ends[3] - 1, ends[3] - 30, len(data)):
        path.write_bytes(data[:cut])
        assert complete_length(path) == max(end for end in ends if end <= cut)
    path.write_bytes(data[: ends[3] - 7])
    final = repair_open_file(path)
    assert final is not None and final.name == path.name.removesuffix(".open") and not path.exists()
    assert final.stat().st_size == ends[2]
    assert [rec.header("WARC-Target-URI") for rec in iter_records(final)][-1] == "http://example.org/2"


def test_repair_removes_a_file_without_any_complete_record(cut_file: tuple[Path, list[int]]) -> None:
    path, ends = cut_file
    path.write_bytes(path.read_bytes()[:40])
    assert repair_open_files([path]) == [] and not path.exists()


def test_repair_leaves_a_file_a_live_writer_holds(tmp_path: Path) -> None:
    out = writer(tmp_path)
    out.write(response(1))
    live = next(tmp_path.iterdir())
    assert repair_open_file(live) is None and live.exists()
    out.close()


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_warc_files_get_the_mode_every_other_file_gets(tmp_path: Path, umask: int, mode: int) -> None:
    """Not mkstemp's 0600: a replay server running as another user must be able to read them."""
    before = os.umask(umask)
    try:
        out = writer(tmp_path)
        out.write(response(1))
        [open_file] = tmp_path.glob("*.open")
        assert open_file.stat().st_mode & 0o777 == mode
        out.close()
    finally:
        os.umask(before)
    [closed] = tmp_path.glob("*.warc.gz")
    assert closed.stat().st_mode & 0o777 == mode


def test_a_location_as_a_dict_is_every_field_of_it(tmp_path: Path) -> None:
    """A citation's fields (as_dict builds them by hand, dataclasses.asdict being slow)."""
    from dataclasses import asdict

    writer = RotatingWarcWriter(tmp_path, prefix="t", crawl_id="c", max_size=1 << 20, warcinfo=lambda name: {})
    [location] = writer.write(records.metadata_record("http://example.com/", "2026-12-03T10:00:00Z", {"a": 1}, "<urn:x>"))
    writer.close()
    assert location.as_dict() == asdict(location) and list(location.as_dict()) == list(asdict(location))


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=5000), st.text(max_size=3000).map(lambda t: (t * 40).encode("utf-8"))))
def test_a_record_is_one_standard_gzip_member(data: bytes) -> None:
    """ISA-L writes the members: zlib (hence gzip, warcio, pywb) reads each back whole, alone."""
    member = gzip_member(data)
    inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
    assert inflate.decompress(member) == data and inflate.eof and inflate.unused_data == b""
    assert gzip.decompress(member + gzip_member(b"next")) == data + b"next"
