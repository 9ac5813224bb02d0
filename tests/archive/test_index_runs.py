"""A crawl's index lines are kept in sorted runs on disk and merged when the WARC file closes:
the index is the lines sorted as a whole, whatever the run length, and the side file goes."""

from __future__ import annotations

import random
import resource
from pathlib import Path

import pytest

import mee_archive.archive.index as index
from mee_archive.archive.layout import ArchiveLayout


@pytest.mark.parametrize("run_lines", [1, 3, 64, 100_000])
def test_runs_merge_into_the_sorted_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_lines: int) -> None:
    monkeypatch.setattr(index, "RUN_LINES", run_lines)
    layout = ArchiveLayout(tmp_path)
    layout.make_dirs()
    live = index.LiveIndex(layout)
    rng = random.Random(run_lines)
    lines = {name: [f"cn,gov,mee)/{rng.choice('abcé')}{rng.randint(0, 40)} 2026120{rng.randint(0, 9)} "
                    f'{{"offset": "{i}"}}\n' for i in range(rng.randint(150, 400))]
             for name in ("a.warc.gz", "b.warc.gz")}
    for first, second in zip(lines["a.warc.gz"], lines["b.warc.gz"]):  # two files written at once
        live.add("a.warc.gz", first)
        live.add("b.warc.gz", second)
    for name, written in lines.items():
        done = min(len(lines["a.warc.gz"]), len(lines["b.warc.gz"]))
        target = live.close(layout.warc_dir / name)
        assert target.read_text("utf-8") == "".join(sorted(written[:done]))
    assert not list(layout.index_dir.glob("*.lines"))


def test_a_file_without_lines_gets_an_empty_index(tmp_path: Path) -> None:
    layout = ArchiveLayout(tmp_path)
    layout.make_dirs()
    assert index.LiveIndex(layout).close(layout.warc_dir / "empty.warc.gz").read_bytes() == b""


def test_many_runs_merge_through_one_descriptor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of more runs than the process may open files (a long crawl's big WARC file)."""
    monkeypatch.setattr(index, "RUN_LINES", 1)
    monkeypatch.setattr(index, "MERGE_BLOCK", 16)  # lines longer than a block, too
    layout = ArchiveLayout(tmp_path)
    layout.make_dirs()
    live = index.LiveIndex(layout)
    written = [f"cn,gov,mee)/{i % 97} 20261202 {{\"offset\": \"{i}\"}}\n" for i in range(300)]
    for line in written:
        live.add("big.warc.gz", line)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))
    try:
        target = live.close(layout.warc_dir / "big.warc.gz")
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert target.read_text("utf-8") == "".join(sorted(written))


def test_another_crawls_start_keeps_the_lines_of_a_file_being_closed(tmp_path: Path) -> None:
    """The writer renames a file before it indexes it: a crawl starting in between (its
    recovery drops killed crawls' side files) must not take the closing file's lines."""
    layout = ArchiveLayout(tmp_path)
    layout.make_dirs()
    live = index.LiveIndex(layout)
    live.add("c.warc.gz", "cn,gov,mee)/ 20261202 {}\n")
    (layout.warc_dir / "c.warc.gz").write_bytes(b"")  # renamed from c.warc.gz.open, not yet indexed
    index.drop_stale_lines(layout)
    assert live.close(layout.warc_dir / "c.warc.gz").read_text("utf-8") == "cn,gov,mee)/ 20261202 {}\n"
    # A repaired file's side file (a killed crawl's) goes, as does one whose file is indexed.
    (layout.index_dir / ("d.cdxj" + index.LINES_SUFFIX)).write_bytes(b"x\n")
    (layout.warc_dir / "d.warc.gz").write_bytes(b"")
    index.drop_stale_lines(layout)
    assert list(layout.index_dir.glob("*.lines")), "not indexed, not repaired: another crawl's, kept"
    index.drop_stale_lines(layout, repaired=[layout.warc_dir / "d.warc.gz"])
    assert not list(layout.index_dir.glob("*.lines"))
