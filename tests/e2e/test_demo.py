"""The README's main command, as a user runs it: a replica crawled into an archive, summarised."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.truth import export_truth

from .conftest import read_jsonl

pytestmark = pytest.mark.slow


def test_demo_archives_every_release_links_them_and_says_so(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mee_archive", "demo", "--releases", "20", "--seed", "2", "--output", str(tmp_path)],
        capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    truth = {r["url"]: r for r in export_truth(build_corpus(2, 20))}
    releases = read_jsonl(tmp_path / "items" / "news_release.jsonl")
    assert sorted(r["url"] for r in releases) == sorted(truth)
    assert all(r["body"] == truth[r["url"]]["body"] and "zh_status" in r and "warc" in r for r in releases)
    assert list((tmp_path / "warc").glob("*.warc.gz")) and list((tmp_path / "runs").glob("*.json"))
    for line in ("news_release │    20 │     20", "links to Chinese originals:", "links vs. the replica's truth: precision",
                 f"items: {tmp_path.resolve()}/items/"):
        assert line in result.stdout, line
