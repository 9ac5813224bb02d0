"""Packaging errors: whatever way py-wacz refuses the input, the user gets one line and no file."""

from __future__ import annotations

from pathlib import Path

import pytest

from mee_archive.archive import package, records
from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.writer import RotatingWarcWriter
from mee_archive.cli import main


def refuses(args: list[str]) -> int:
    """py-wacz on a file it cannot read: it raises instead of returning a status."""
    raise ValueError("Unknown archive format, first line: ['not', 'a', 'warc']")


def fails_silently(args: list[str]) -> int:
    return 1


@pytest.mark.parametrize("wacz_main, message", [
    (refuses, "ValueError: Unknown archive format"),
    (fails_silently, "exit status 1"),
])
def test_py_wacz_refusing_the_input_is_a_one_line_error_and_no_package(
        tmp_path: Path, capsys, monkeypatch, wacz_main, message) -> None:
    monkeypatch.setattr(package, "wacz_main", wacz_main)
    out = RotatingWarcWriter(ArchiveLayout(tmp_path).warc_dir, "t", "c1", 10**9, lambda name: {"software": "t"})
    out.write(records.response_record("http://english.mee.gov.cn/", "2026-01-02T03:04:05Z",
                                      b"HTTP/1.1 200 OK\r\n\r\n", b"<p>x</p>", {}))
    out.close()
    target = tmp_path / "out" / "x.wacz"
    assert main(["package", "--output", str(tmp_path), "--wacz", str(target)]) == 1, "a WARC py-wacz cannot read is a failure, not a usage error"
    [error] = capsys.readouterr().err.strip().splitlines()
    assert error.startswith(f"mee-archive package: error: py-wacz failed: {message}")
    assert not any(target.parent.iterdir())
