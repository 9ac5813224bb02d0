"""Derived tables are built once and then loaded, and a bad cache never changes a result."""

import os
import time

from mee_archive.link.tablecache import STALE_DAYS, fingerprint, load_or_build


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_a_table_is_built_once_then_loaded(tmp_path):
    build, calls = counting({"词": frozenset({"word"})})
    assert load_or_build("words", build, tmp_path) == {"词": frozenset({"word"})}
    assert load_or_build("words", build, tmp_path) == {"词": frozenset({"word"})}
    assert len(calls) == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"words-{fingerprint()}.pickle"]


def test_a_damaged_file_is_rebuilt_whatever_byte_is_wrong(tmp_path):
    build, calls = counting(list(range(100)))
    load_or_build("words", build, tmp_path)
    path = tmp_path / f"words-{fingerprint()}.pickle"
    intact = path.read_bytes()
    for at in (0, 40, len(intact) // 2, len(intact) - 1):
        damaged = bytearray(intact)
        damaged[at] ^= 0xFF
        path.write_bytes(bytes(damaged))
        assert load_or_build("words", build, tmp_path) == list(range(100))
    path.write_bytes(intact[:10])  # cut short
    assert load_or_build("words", build, tmp_path) == list(range(100))
    assert len(calls) == 6


def test_other_fingerprints_files_are_removed_only_when_long_unused(tmp_path):
    old, recent = tmp_path / "words-0000000000000000.pickle", tmp_path / "words-1111111111111111.pickle"
    half_written = tmp_path / ".words-abc123"
    for stale in (old, recent, half_written):
        stale.write_bytes(b"another installation's table")
    month_ago = time.time() - (STALE_DAYS + 1) * 86_400
    os.utime(old, (month_ago, month_ago))
    os.utime(half_written, (month_ago, month_ago))
    load_or_build("words", counting("table")[0], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([recent.name, f"words-{fingerprint()}.pickle"])


def test_a_cache_that_cannot_be_written_means_no_cache_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    build, calls = counting("table")
    assert load_or_build("words", build, blocker) == "table"
    assert load_or_build("words", build, blocker) == "table" and len(calls) == 2
