"""One benchmark of the whole system, side by side with what people would use instead.

    .venv/bin/python benchmarks/run.py            # small sizes: about a minute
    .venv/bin/python benchmarks/run.py --full     # the figures in README.md (about 15 minutes)

Prints the tables and writes them, with every script's output, to benchmarks/results/latest.md,
and a chart to benchmarks/results/latest.png (see --help for what is measured and how).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from measure import load_average

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"

HELP = """\
Runs against a replica of both MEE sites served on 127.0.0.1 by this process. Politeness is off
for the benchmark only (no download delay, no AutoThrottle, 16 requests in flight): the replica
is our own loopback server; the real sites are crawled with the polite defaults of settings.py.

Sections (--skip to leave some out):
  crawl       the same URL list (what mee-archive's news_release crawl fetches from a replica
              of --releases releases) fetched by: the replica's own serving ceiling (a client
              that only reads), wget --warc-file, a do-nothing Scrapy spider, and mee-archive's
              crawl (WARC + extraction + JSON + state). Each a fresh process, best of --repeat;
              wall s, CPU s per 1,000 pages, pages/s, peak RSS, ratios to bare Scrapy and wget.
  scaling     mee-archive's crawl of replicas of --scale sizes: time per page and peak RSS.
  extraction  the page objects against trafilatura on the same saved pages (every replica
              template, the real sample of shared/samples): pages/s (CPU) and body F1.
  others      benchmarks/link_speed.py, search_speed.py and rederive_speed.py (if present)
              at a small size (--full: their own sizes), figures picked from their output.

CPU and peak RSS are the child process's own, from GNU time (Debian package `time`). The machine
may be shared: every row states the load average before and after it; compare CPU seconds
rather than wall seconds across runs. Figures only: nothing here asserts a time.
"""


@dataclass
class Table:
    """One section's table: a title, column names, rows of cells, notes printed under it."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    appendix: list[tuple[str, str]] = field(default_factory=list)  # (heading, verbatim output)


def commit(checkout: Path) -> str:
    """The commit measured, ``-dirty`` when the tracked code differs from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=checkout, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!benchmarks/results")
    return head + ("-dirty" if changed else "")


class Stamp:
    """The trailing cells every row carries: commit, cores, load before and after, date."""

    def __init__(self, checkout: Path) -> None:
        self.commit = commit(checkout)

    def around(self, work: Callable[[], object]) -> tuple[object, list[str]]:
        before = os.getloadavg()[0]
        result = work()
        when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        return result, [self.commit, str(os.cpu_count()), f"{before:.2f} → {os.getloadavg()[0]:.2f}", when]


STAMP_COLUMNS = ["commit", "cores", "load 1-min before → after", "date"]


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}×" if base else "–"


def crawl_section(args: argparse.Namespace, stamp: Stamp) -> Table:
    from crawlbench import side_by_side

    (rows, urls), cells = stamp.around(lambda: side_by_side(args.releases, args.repeat, args.code, args.timeout))
    bare = next((r for r in rows if r.fetcher.startswith("bare Scrapy")), None)
    wget = next((r for r in rows if r.fetcher.startswith("wget") and r.usage), None)
    table = Table(f"1. Crawl and archive the same {urls} URLs ({args.releases}-release replica, best of {args.repeat})",
                  ["fetcher", "wall s", "CPU s / 1,000 pages", "pages/s", "peak RSS MB", "pages", "× bare Scrapy (wall)",
                   "× wget (wall)", "note", *STAMP_COLUMNS])
    for row in rows:
        if row.usage is None:
            table.rows.append([row.fetcher, "–", "–", "–", "–", "0", "–", "–", row.note, *cells])
            continue
        table.rows.append([
            row.fetcher, f"{row.usage.wall:.2f}", f"{row.cpu_per_1000:.2f}", f"{row.pages_per_s:.0f}",
            f"{row.usage.peak_rss_mb:.0f}", str(row.pages),
            ratio(row.usage.wall, bare.usage.wall) if bare and bare.usage else "–",
            ratio(row.usage.wall, wget.usage.wall) if wget and wget.usage else "–", row.note, *cells])
    table.notes.append("Politeness off for the benchmark only (no delay, no AutoThrottle, 16 in flight); "
                       "each fetcher a fresh process after an untimed warm-up crawl that decided the URL list.")
    table.notes.append("Target: mee-archive ≤ 1.3× bare Scrapy's wall time.")
    return table


def scaling_section(args: argparse.Namespace, stamp: Stamp) -> Table:
    from crawlbench import scaling

    table = Table("2. Scaling: mee-archive's crawl at several replica sizes",
                  ["releases", "pages", "wall s", "ms / page", "CPU ms / page", "peak RSS MB", "× RSS of the smallest",
                   *STAMP_COLUMNS])
    smallest = None
    for size in args.scale:
        ((releases, pages, usage),), cells = stamp.around(lambda: scaling([size], args.code, args.timeout))
        smallest = smallest or usage.peak_rss_mb
        table.rows.append([str(releases), str(pages), f"{usage.wall:.1f}", f"{1000 * usage.wall / pages:.2f}",
                           f"{1000 * usage.cpu / pages:.2f}", f"{usage.peak_rss_mb:.0f}",
                           ratio(usage.peak_rss_mb, smallest), *cells])
    table.notes.append("Target: peak RSS at 20,000 releases ≤ 1.2× that at 1,000.")
    return table


def extraction_section(args: argparse.Namespace, stamp: Stamp) -> Table:
    from extractbench import default_samples, extraction

    (scores, note), cells = stamp.around(lambda: extraction(args.extract_pages, args.repeat, args.samples or default_samples()))
    table = Table("3. Extraction: page objects against trafilatura on the same saved pages",
                  ["extractor", "pages", "group", "pages/s (CPU)", "mean body F1", "min body F1", *STAMP_COLUMNS])
    for s in scores:
        table.rows.append([s.extractor, str(s.pages), s.group, f"{s.pages_per_s:.0f}", f"{s.mean_f1:.4f}",
                           f"{s.min_f1:.4f}", *cells])
    ours = next(s for s in scores if s.group == "all pages" and s.extractor.startswith("mee"))
    theirs = next(s for s in scores if s.group == "all pages" and s.extractor.startswith("trafilatura"))
    table.notes.append(f"All pages: the page objects are {ours.pages_per_s / theirs.pages_per_s:.1f}× trafilatura's "
                       "pages/s. Targets: F1 ≥ 0.99 on every template and the real sample, ≥ 10× trafilatura's pages/s.")
    table.notes.append("Gold: the replica's own paragraphs; for the real Chinese article, its div.Custom_UnionStyle "
                       "lines read by regular expressions (extractbench.real_gold). F1 over tokens (CJK characters, "
                       "other words). trafilatura.extract with its defaults. readability-lxml is not compared: "
                       "0.9 requires chardet<6, which wacz's frictionless forbids.")
    if note:
        table.notes.append(note)
    return table


def others_section(args: argparse.Namespace, stamp: Stamp) -> Table:
    from systembench import SCRIPTS, run_script

    table = Table("4. Linking, search, re-deriving: the project's own benchmarks",
                  ["script", "arguments", "figure", "value", *STAMP_COLUMNS])
    for script in SCRIPTS:
        outcome, cells = stamp.around(lambda: run_script(script, args.full, args.timeout))
        print(f"  {script.name}: {outcome.note or 'done'}", flush=True)
        if outcome.note:
            table.rows.append([script.name, " ".join(outcome.arguments), "–", outcome.note, *cells])
        for name, value in outcome.figures.items():
            table.rows.append([script.name, " ".join(outcome.arguments), name, value, *cells])
        if outcome.output:
            table.appendix.append((f"{script.name} {' '.join(outcome.arguments)}", outcome.output))
    return table


SECTIONS: dict[str, Callable[[argparse.Namespace, Stamp], Table]] = {
    "crawl": crawl_section, "scaling": scaling_section, "extraction": extraction_section, "others": others_section,
}


def markdown(tables: list[Table], header: list[str]) -> str:
    lines = ["# Benchmark results (benchmarks/run.py)", "", *header, ""]
    for table in tables:
        lines += [f"## {table.title}", "", "| " + " | ".join(table.columns) + " |",
                  "|" + "---|" * len(table.columns)]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in table.rows]
        lines += [""] + [f"- {note}" for note in table.notes] + [""]
    for table in tables:
        for heading, output in table.appendix:
            lines += [f"### Output of {heading}", "", "```", output.rstrip(), "```", ""]
    return "\n".join(lines)


def plain(table: Table) -> str:
    """The table for the terminal, without the stamp columns (stated once in the header)."""
    width = len(table.columns) - len(STAMP_COLUMNS)
    rows = [table.columns[:width]] + [row[:width] for row in table.rows]
    sizes = [max(len(row[i]) for row in rows) for i in range(width)]
    text = [table.title] + ["  ".join(cell.ljust(size) for cell, size in zip(row, sizes)).rstrip() for row in rows]
    return "\n".join(text + [f"  {note}" for note in table.notes])


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example: .venv/bin/python benchmarks/run.py --full")
    parser.add_argument("--full", action="store_true",
                        help="the README's sizes: --releases 2000 --scale 1000 5000 20000 --extract-pages 30 "
                             "--repeat 3, and the other benchmarks at their own sizes")
    parser.add_argument("--releases", type=positive, help="replica size of the crawl section (default 300)")
    parser.add_argument("--scale", type=positive, nargs="+", metavar="N", help="replica sizes of the scaling "
                        "section (default 200 1000)")
    parser.add_argument("--extract-pages", type=positive, metavar="N", help="pages per template (default 10)")
    parser.add_argument("--repeat", type=positive, help="runs of each fetcher, the fastest kept (default 1)")
    parser.add_argument("--skip", nargs="+", choices=list(SECTIONS), default=[], help="sections to leave out")
    parser.add_argument("--samples", type=Path, help="the real samples' directory (default ../shared/samples)")
    parser.add_argument("--code", type=Path, default=HERE.parent, metavar="CHECKOUT",
                        help="crawl with the mee_archive of another checkout (e.g. `git worktree add /tmp/old "
                             "COMMIT`), for before/after figures (default: this one)")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.md",
                        help="report file; the chart is written beside it as .png (default %(default)s)")
    parser.add_argument("--timeout", type=float, default=1800, metavar="SECONDS",
                        help="a child process still running after this long is killed (default %(default)s)")
    args = parser.parse_args(argv)
    full = {"releases": 2000, "scale": [1000, 5000, 20000], "extract_pages": 30, "repeat": 3}
    small = {"releases": 300, "scale": [200, 1000], "extract_pages": 10, "repeat": 1}
    for name, value in (full if args.full else small).items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.samples is not None and not args.samples.is_dir():
        parser.error(f"--samples {args.samples}: not a directory")
    if not (args.code / "mee_archive" / "settings.py").is_file():
        parser.error(f"--code {args.code}: not a mee-archive checkout (no mee_archive/settings.py)")
    args.code = args.code.resolve()
    return args


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    stamp = Stamp(args.code)
    machine = (f"{platform.node()}: {os.cpu_count()} cores, {platform.machine()}, Linux {platform.release()}, "
               f"Python {platform.python_version()}")
    header = [f"- commit {stamp.commit}, {datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC}", f"- machine {machine}",
              f"- load average at start {load_average()}",
              *([f"- crawls with the mee_archive of {args.code} (extraction and the other benchmarks: this "
                 "checkout's)"] if args.code != HERE.parent else []),
              f"- command: `benchmarks/run.py {' '.join(sys.argv[1:] if argv is None else argv)}`".replace("  ", " ")]
    print("\n".join(header), flush=True)
    tables = []
    for name, section in SECTIONS.items():
        if name not in args.skip:
            print(f"{name} …", flush=True)
            tables.append(section(args, stamp))
            print(plain(tables[-1]) + "\n", flush=True)
    header.append(f"- load average at end {load_average()}; the run took {time.perf_counter() - started:.0f} s")
    print(header[-1])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(markdown(tables, header), "utf-8")
    from chart import draw

    chart = args.output.with_suffix(".png")
    draw(tables, chart, f"mee-archive benchmark, {stamp.commit}, {os.cpu_count()} cores")
    print(f"wrote {args.output} and {chart}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
