"""A crawl killed with SIGKILL while its WARC file is open: the next start repairs the file
(cut back to its last complete record, closed, indexed, never appended to) and verify passes."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.rawrecord import iter_members, iter_records
from mee_archive.archive.repair import complete_length
from mee_archive.cli import main

pytestmark = pytest.mark.slow
SITE = "http://english.mee.gov.cn"


def test_sigkill_then_repair_on_next_start(site, crawl, crawl_args, repo: Path, tmp_path: Path) -> None:
    layout = ArchiveLayout(tmp_path)
    site.release.clear()
    site.slow_reached.clear()
    killed = subprocess.Popen(crawl_args(tmp_path, f"{SITE}/list-slow.html", f"MEE_PROXY={site.url}"),
                              cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert site.slow_reached.wait(60), "the crawl never reached the page that holds it"
        # warcinfo + robots, list, two releases, image (request and response each) + 2 metadata
        for _ in range(400):  # bounded: the pages before the held one get archived
            opened = layout.open_warcs()
            if opened and sum(1 for _ in iter_records(opened[0])) >= 13:
                break
            time.sleep(0.05)
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(10)
    finally:
        site.release.set()
    [left] = layout.open_warcs()
    complete = left.stat().st_size
    assert complete_length(left) == complete  # every record flushed whole before the kill
    # The kill can land inside a write; make this one do so: the first part of a further record.
    with left.open("rb") as fh:
        offset, length, _ = list(iter_members(fh))[-1]
    with left.open("ab") as out:
        out.write(left.read_bytes()[offset:offset + length // 2])
    assert main(["verify", "--output", str(tmp_path)]) == 1  # an open file and no closed one
    assert list(layout.index_dir.glob("*.cdxj.lines"))  # the killed crawl's unsorted index lines

    crawl(tmp_path, f"{SITE}/list-slow.html", f"MEE_PROXY={site.url}")

    repaired = left.with_name(left.name.removesuffix(".open"))
    assert not layout.open_warcs() and repaired.stat().st_size == complete
    assert layout.index_for(repaired).exists()
    assert not list(layout.index_dir.glob("*.lines"))  # the repaired file indexed anew, lines dropped
    assert len(layout.closed_warcs()) == 2  # the next crawl wrote a file of its own
    assert main(["verify", "--output", str(tmp_path)]) == 0
