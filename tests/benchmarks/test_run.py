"""benchmarks/run.py end to end at the smallest sizes: it runs, and its report holds every section
with figures for every fetcher over one URL list. Nothing here checks a time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "benchmarks" / "run.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=REPO, capture_output=True, text=True,
                          timeout=900)


def table_rows(report: str, title: str) -> list[list[str]]:
    """The cells of the rows of the table under the heading starting with ``title``."""
    section = report.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[1:]]


@pytest.mark.slow
def test_small_run_writes_every_section_and_the_chart(tmp_path: Path) -> None:
    report_path = tmp_path / "latest.md"
    done = run("--releases", "20", "--scale", "20", "--extract-pages", "1", "--output", str(report_path))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = report_path.read_text("utf-8")
    crawl = {row[0]: row for row in table_rows(report, "1. Crawl")}
    assert set(crawl) >= {"replica ceiling (16 keep-alive connections, read only)", "bare Scrapy spider (do nothing)",
                          "mee-archive crawl (WARC + extraction + JSON + state)"}
    urls = int(re.search(r"## 1\. Crawl and archive the same (\d+) URLs", report)[1])
    # Every fetcher present was handed the same list and the replica answered all of it.
    assert {row[5] for row in crawl.values() if row[1] != "–"} == {str(urls)}
    assert all(re.fullmatch(r"[0-9a-f]{7,}(-dirty)?", row[-4]) and row[-3] == str(os.cpu_count())
               for row in crawl.values())
    scaling = table_rows(report, "2. Scaling")
    assert [row[0] for row in scaling] == ["20"] and float(scaling[0][5]) > 0
    extraction = table_rows(report, "3. Extraction")
    groups = {row[2] for row in extraction}
    assert {"replica en A", "replica en D", "replica zh xxgk2018", "replica zh legacy", "all pages"} <= groups
    assert {row[0] for row in extraction} == {"mee-archive page objects", "trafilatura 2.3.1"}
    others = table_rows(report, "4. Linking")
    assert {"link_speed.py", "search_speed.py"} <= {row[0] for row in others}
    assert "not in the output" not in report
    assert (tmp_path / "latest.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_help_explains_the_sections() -> None:
    done = run("--help")
    assert done.returncode == 0
    assert all(word in done.stdout for word in ("crawl", "scaling", "extraction", "others", "Politeness"))


def test_a_bad_size_is_one_line_and_exit_2() -> None:
    done = run("--releases", "0")
    assert done.returncode == 2 and "must be at least 1" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("spider", ["news_release", "zh_news"])  # zh_news: pages of the real site's weight
def test_the_before_after_crawl_script_runs_both_checkouts_in_turn(spider: str) -> None:
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "crawl_ab.py"), str(REPO), str(REPO),
                           "--rounds", "1", "--releases", "20", "--spider", spider],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert int(re.search(r"^(\d+) URLs, 1 rounds", done.stdout, re.M)[1]) > 20
    runs = re.findall(r"^round 1 (bare Scrapy|old|new): wall [\d.]+ s, CPU [\d.]+ s, exit (-?\d+)$", done.stdout, re.M)
    assert runs == [("bare Scrapy", "0"), ("old", "0"), ("new", "0")]
    assert re.search(r"^best new: wall [\d.]+ s \([\d.]+x bare Scrapy\)", done.stdout, re.M)
