"""Section 4 of benchmarks/run.py: the project's other benchmarks (linking, search, re-deriving),
each run as its own script at a small size, with the figures it prints picked out for the table.

A script that is missing or fails, or a figure its output no longer holds, becomes a row that
says so; the whole output of every script goes into the report as printed.
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from measure import run_measured

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Script:
    """A benchmark script, its small-size arguments, and the figures (name, regex) it prints."""

    name: str
    small: tuple[str, ...]
    full: tuple[str, ...]
    figures: tuple[tuple[str, str], ...]


SCRIPTS = [
    Script("link_speed.py", ("--english", "100", "--chinese", "1000", "--scales", "1"),
           ("--english", "2000", "--chinese", "20000", "--scales", "1"), (
               ("link wall s", r"^link, Chinese bodies x1 .*?\s+([\d.]+)\s+[\d.]+\s+\d+\s"),
               ("link CPU s", r"^link, Chinese bodies x1 .*?\s+[\d.]+\s+([\d.]+)\s+\d+\s"),
               ("link peak RSS MB", r"^link, Chinese bodies x1 .*?\s+[\d.]+\s+[\d.]+\s+(\d+)\s"),
               ("precision / recall", r"precision ([\d.]+) recall ([\d.]+)"),
               ("tables from cache s", r"^load tables from the cache\s+([\d.]+)"))),
    Script("search_speed.py", ("--releases", "500", "--zh", "2500", "--runs", "2"),
           ("--releases", "20000", "--zh", "100000", "--runs", "5"), (
               ("index build s", r"full build: ([\d.]+) s"),
               ("database MB", r"database size: ([\d.]+) MB"),
               ("update after 10 new s", r"incremental update after 10 new releases: ([\d.]+) s"),
               ("search p50 / p95 ms", r"p50 ([\d.]+) ms, p95 ([\d.]+) ms"))),
    # Without --releases it crawls a 2,000-release replica first (minutes): the small run crawls 20.
    Script("rederive_speed.py", ("--releases", "20", "--workers", "1"), ("--releases", "2000"), (
               ("English release pages/s", r"workers=\d+: English[^:]*: \d+ in [\d.]+ s = (\d+) pages/s"),)),
]


@dataclass(frozen=True)
class Outcome:
    script: Script
    arguments: tuple[str, ...]
    figures: dict[str, str]
    output: str
    note: str


def pick(text: str, pattern: str) -> str:
    found = re.search(pattern, text, re.M)
    return " / ".join(found.groups()) if found else "not in the output"


def run_script(script: Script, full: bool, timeout: float) -> Outcome:
    """Run one script (small or full arguments) and pick its figures; absent or failed, say so."""
    path = HERE / script.name
    arguments = script.full if full else script.small
    if not path.exists():
        return Outcome(script, arguments, {}, "", f"{script.name} does not exist on this commit")
    with tempfile.TemporaryDirectory(prefix="mee-bench-") as tmp:
        log = Path(tmp) / "out.log"
        usage = run_measured([sys.executable, str(path), *arguments], log, timeout, cwd=HERE.parent)
        output = log.read_text("utf-8", "replace")
    if usage.exit_code != 0:
        return Outcome(script, arguments, {}, output, f"exit {usage.exit_code}")
    figures = {name: pick(output, pattern) for name, pattern in script.figures}
    if not figures:  # a script this table does not know yet: its last line says what it found
        figures["last line"] = (output.strip().splitlines() or [""])[-1]
    figures.setdefault("script wall s", f"{usage.wall:.1f}")
    return Outcome(script, arguments, figures, output, "")
