"""`verify` passes a sound archive and names each kind of fault it is built to catch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mee_archive.archive import records
from mee_archive.archive.index import index_warc
from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.verify import verify_archive
from mee_archive.archive.writer import RotatingWarcWriter
from mee_archive.cli import main

URL = "http://english.mee.gov.cn/News_service/news_release/202001/t20200102_1.shtml"
DATE = "2026-01-02T03:04:05.000006Z"
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"


def writer(layout: ArchiveLayout, crawl_id: str) -> RotatingWarcWriter:
    """A writer that indexes each file it closes, as a crawl does."""
    layout.make_dirs()
    return RotatingWarcWriter(layout.warc_dir, "t", crawl_id, 10**9, lambda name: {"software": "t"},
                              on_close=lambda warc: index_warc(layout, warc))


def build(root: Path, tamper: bool = False) -> dict:
    """An archive of one response, its request, one item citing it; the response's stored
    payload differs from its digest when ``tamper``."""
    layout = ArchiveLayout(root)
    out = writer(layout, "c1")
    response = records.response_record(URL, DATE, HEAD, b"<p>release</p>", {})
    if tamper:
        response.block = HEAD + b"<p>RELEASE</p>"
    request = records.request_record(URL, DATE, b"GET / HTTP/1.1\r\n\r\n", b"",
                                     response.id, {})
    location, _ = out.write(response, request)
    out.close()
    cite = {**location.as_dict(), "payload_digest": records.sha1_digest(b"<p>release</p>")}
    layout.items_dir.mkdir()
    (layout.items_dir / "news_release.jsonl").write_text(json.dumps({"url": URL, "warc": cite}) + "\n")
    return cite


def test_sound_archive_passes(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    build(tmp_path)
    report = verify_archive(tmp_path)
    assert report.ok and report.counts["item citations resolved"] == 1
    assert main(["verify", "--output", str(tmp_path)]) == 0
    assert "OK" in capsys.readouterr().out


def test_digest_mismatch_is_a_fault(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    build(tmp_path, tamper=True)
    assert main(["verify", "--output", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "block digest mismatch" in out and "payload digest mismatch" in out


def test_pointer_to_wrong_place_is_a_fault(tmp_path: Path) -> None:
    cite = build(tmp_path)
    items = tmp_path / "items" / "news_release.jsonl"
    items.write_text(json.dumps({"url": URL, "warc": {**cite, "offset": 0}}) + "\n")
    assert any("is not a response record" in f for f in verify_archive(tmp_path).faults)


def test_index_disagreeing_with_warc_is_a_fault(tmp_path: Path) -> None:
    build(tmp_path)
    index = next((tmp_path / "index").glob("*.cdxj"))
    index.write_text(index.read_text().replace('"offset": "', '"offset": "1'))
    faults = verify_archive(tmp_path).faults
    assert any("does not match" in f for f in faults) and any("is not indexed" in f for f in faults)


def test_trailing_partial_record_and_missing_index_are_faults(tmp_path: Path) -> None:
    build(tmp_path)
    warc = next((tmp_path / "warc").glob("*.warc.gz"))
    with warc.open("ab") as out:
        out.write(b"\x1f\x8b\x08\x00garbage")
    next((tmp_path / "index").glob("*.cdxj")).unlink()
    faults = verify_archive(tmp_path).faults
    assert any("are not a complete record" in f for f in faults)
    assert any("no index" in f for f in faults)


def test_repair_option_closes_and_indexes_an_abandoned_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    layout = ArchiveLayout(tmp_path)
    out = writer(layout, "c2")
    out.write(records.response_record(URL, DATE, HEAD, b"<p>release</p>", {}))
    out._fh.close()  # killed: never closed, never renamed, lock gone with the process
    assert main(["verify", "--output", str(tmp_path)]) == 1
    assert main(["verify", "--output", str(tmp_path), "--repair"]) == 0
    out = capsys.readouterr().out
    assert "repaired t-" in out and not layout.open_warcs()
    assert [layout.index_for(warc).exists() for warc in layout.closed_warcs()] == [True]


def test_request_about_no_archived_response_is_a_fault(tmp_path: Path) -> None:
    build(tmp_path)
    out = writer(ArchiveLayout(tmp_path), "c3")
    out.write(records.request_record(URL, DATE, b"GET / HTTP/1.1\r\n\r\n", b"", "<urn:uuid:x>", {}))
    out.close()
    assert any("request record is about no archived response" in f for f in verify_archive(tmp_path).faults)


def test_missing_archive_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["verify", "--output", str(tmp_path / "nowhere")]) == 2
    assert "no archive at" in capsys.readouterr().err


def test_revisit_without_its_original_and_an_index_of_no_warc_are_faults(tmp_path: Path) -> None:
    build(tmp_path)
    out = writer(ArchiveLayout(tmp_path), "c4")
    elsewhere = records.Original(URL, DATE, "<urn:uuid:not-archived>")
    out.write(records.revisit_record(URL, DATE, HEAD, records.sha1_digest(b"<p>release</p>"), elsewhere, {}))
    out.close()
    (tmp_path / "index" / "t-gone.cdxj").write_text("")
    faults = verify_archive(tmp_path).faults
    assert any("revisit refers to no archived record with its payload" in f for f in faults)
    assert any("t-gone.cdxj: index of a WARC file that is not in the archive" in f for f in faults)


def test_warcio_reads_every_file_too_and_its_faults_count(tmp_path: Path) -> None:
    """A record rawrecord accepts (digests right) but warcio cannot read: an unknown WARC version.
    Before warcio's reader was added, verify called this archive sound."""
    import gzip

    from mee_archive.archive.rawrecord import iter_records

    build(tmp_path)
    [warc] = ArchiveLayout(tmp_path).closed_warcs()
    members = [gzip.decompress(warc.read_bytes()[r.offset:r.offset + r.length]) for r in iter_records(warc)]
    members[1] = members[1].replace(b"WARC/1.1\r\n", b"WARC/9.9\r\n", 1)
    assert members[1].startswith(b"WARC/9.9")
    warc.write_bytes(b"".join(gzip.compress(member) for member in members))
    faults = verify_archive(tmp_path).faults
    assert any("warcio" in fault for fault in faults), faults


def test_a_digest_only_warcio_checks_differently_is_reported_by_both(tmp_path: Path) -> None:
    build(tmp_path, tamper=True)
    faults = verify_archive(tmp_path).faults
    assert any("block digest mismatch" in fault for fault in faults)
    assert any("warcio" in fault and "digest" in fault for fault in faults), faults
