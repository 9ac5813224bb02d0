"""A crawl's index lines are kept in sorted runs on disk and merged when the WARC file closes:
the index is the lines sorted as a whole, whatever the run length, and the side file goes."""

from __future__ import annotations

import random
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
