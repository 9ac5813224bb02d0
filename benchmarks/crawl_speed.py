"""How fast the spiders crawl a replica on loopback, with and without the archive (prints figures; not a test).

    .venv/bin/python benchmarks/crawl_speed.py [--releases N] [--seed S] [--timeout SECONDS]

One replica serves every crawl; each crawl is a fresh `scrapy crawl` process (as a user, cron or
scrapyd runs it) at the replica's full pace, so the figures include interpreter start-up.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from measure import run_measured

from mee_archive.cli.demo import REPLICA_PACE, positive
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer

REPO = Path(__file__).resolve().parents[1]
# Milliseconds in every log line, so the phases of a crawl can be timed from its log.
LOG_FORMAT = "%(asctime)s.%(msecs)03d [%(name)s] %(levelname)s: %(message)s"
PHASES = "Spider opened|Closing spider|Spider closed"  # the engine's lines that bound a crawl's phases
STAMP = re.compile(rf"^(\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{{3}}) \[scrapy\.core\.engine\] INFO: ({PHASES})", re.M)
STAT = re.compile(r"'([^']+)': (\d+(?:\.\d+)?)[,}]")


@dataclass(frozen=True)
class Run:
    """One crawl of the comparison: a label, a spider, its archive directory and extra settings."""

    label: str
    spider: str
    archive: str
    settings: tuple[str, ...] = ()


# The order matters: (c) and (d) continue the archive that (a) wrote.
RUNS = [
    Run("a news_release, WARC on", "news_release", "a"),
    Run("b news_release, WARC off", "news_release", "b", ("MEE_WARC_ENABLED=False",)),
    Run("c news_release again (incremental)", "news_release", "a"),
    Run("d zh_news after a (fetch + link)", "zh_news", "a"),
]


@dataclass
class Figures:
    """What one crawl process did and cost."""

    run: Run
    exit_code: int
    wall: float
    cpu: float
    replica_cpu: float
    peak_rss_mb: float
    load_at_start: float
    stats: dict[str, float]
    phases: dict[str, float]
    warc_bytes: int

    def stat(self, key: str) -> float:
        return self.stats.get(key, 0)

    def span(self, start: str, end: str) -> float:
        """Seconds between two of the engine's log lines; 0 when either is missing (a killed crawl)."""
        if start not in self.phases or end not in self.phases:
            return 0.0
        return self.phases[end] - self.phases[start]

    @property
    def start_seconds(self) -> float:
        """Process start to 'Spider opened': interpreter, imports, settings, components."""
        return self.span("process start", "Spider opened")

    @property
    def fetch_seconds(self) -> float:
        """The crawl itself."""
        return self.span("Spider opened", "Closing spider")

    @property
    def close_seconds(self) -> float:
        """Pipelines and extensions closing (zh_news links here)."""
        return self.span("Closing spider", "Spider closed")

    @property
    def pages_per_second(self) -> float:
        return self.stat("response_received_count") / self.fetch_seconds if self.fetch_seconds > 0 else 0.0


def warc_bytes(archive: Path) -> int:
    return sum(path.stat().st_size for path in (archive / "warc").glob("*") if path.is_file())


def read_log(text: str) -> tuple[dict[str, float], dict[str, float]]:
    """(the final stats dump's numbers, the engine's phase timestamps in epoch seconds)."""
    _, _, dump = text.rpartition("Dumping Scrapy stats:")
    stats = {key: float(value) for key, value in STAT.findall(dump)}
    phases = {name: datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S.%f").timestamp() for stamp, name in STAMP.findall(text)}
    return stats, phases


def crawl(run: Run, proxy: str, workdir: Path, timeout: float) -> Figures:
    """Run one `scrapy crawl` process, measured by measure.run_measured (its own CPU and RSS)."""
    archive = workdir / run.archive
    log = workdir / f"{run.label.split()[0]}.log"
    pace = [f"{name}={value}" for name, value in REPLICA_PACE.items()]
    options = [f"MEE_PROXY={proxy}", f"MEE_OUTPUT_DIR={archive}", f"LOG_FORMAT={LOG_FORMAT}", *pace, *run.settings]
    command = [sys.executable, "-m", "scrapy", "crawl", run.spider, *(a for o in options for a in ("-s", o))]
    warc_before, load = warc_bytes(archive), os.getloadavg()[0]
    replica_cpu = time.process_time()
    usage = run_measured(command, log, timeout, cwd=REPO)
    replica_cpu = time.process_time() - replica_cpu
    text = log.read_text("utf-8", errors="replace")
    if usage.exit_code != 0:
        print(f"  {run.label}: exit {usage.exit_code} (-9: killed after {timeout:.0f} s); log tail:")
        print(text[-2000:])
    stats, phases = read_log(text)
    phases["process start"] = usage.started_at
    return Figures(run, usage.exit_code, usage.wall, usage.cpu, replica_cpu, usage.peak_rss_mb, load, stats,
                   phases, warc_bytes(archive) - warc_before)


COLUMNS = [  # header, width, value
    ("wall s", 7, lambda f: f"{f.wall:.1f}"),
    ("start s", 7, lambda f: f"{f.start_seconds:.1f}"),
    ("fetch s", 7, lambda f: f"{f.fetch_seconds:.1f}"),
    ("close s", 7, lambda f: f"{f.close_seconds:.1f}"),
    ("CPU s", 6, lambda f: f"{f.cpu:.1f}"),
    ("repl CPU", 8, lambda f: f"{f.replica_cpu:.1f}"),
    ("requests", 8, lambda f: f"{f.stat('downloader/request_count'):.0f}"),
    ("pages/s", 7, lambda f: f"{f.pages_per_second:.1f}"),
    ("items", 6, lambda f: f"{f.stat('item_scraped_count'):.0f}"),
    ("MB recv", 7, lambda f: f"{f.stat('downloader/response_bytes') / 1e6:.1f}"),
    ("WARC MB", 7, lambda f: f"{f.warc_bytes / 1e6:.1f}"),
    ("RSS MB", 6, lambda f: f"{f.peak_rss_mb:.0f}"),
    ("load1", 5, lambda f: f"{f.load_at_start:.2f}"),
    ("exit", 4, lambda f: str(f.exit_code)),
]


def table(figures: list[Figures]) -> str:
    label_width = max(len(f.run.label) for f in figures)
    lines = ["run".ljust(label_width) + "".join(f" {name:>{width}}" for name, width, _ in COLUMNS)]
    for f in figures:
        lines.append(f.run.label.ljust(label_width) + "".join(f" {value(f):>{width}}" for _, width, value in COLUMNS))
    return "\n".join(lines)


def load_line(when: str) -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {when}: {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} CPUs)"


HELP = """\
Start one replica of N releases on 127.0.0.1 (ephemeral port) and crawl it in four ways, each a fresh
`scrapy crawl` process at the replica's full pace (no delay, no autothrottle, 16 per domain):

  a  news_release with the WARC archive on (the default), into a new archive
  b  news_release with MEE_WARC_ENABLED=False, into another new archive
  c  news_release again into a's archive (incremental: only what is new is fetched)
  d  zh_news into a's archive (the Chinese channels, then linking when the spider closes)

Columns: wall = whole process; start = process start to 'Spider opened' (interpreter, imports);
fetch = 'Spider opened' to 'Closing spider'; close = 'Closing spider' to 'Spider closed' (for
zh_news: linking); CPU and RSS = user+system seconds and peak resident memory of the crawl process
(GNU time, see measure.py); repl CPU = the replica server's CPU seconds meanwhile (it runs in this process);
requests; pages/s = responses per fetch second; items; MB recv = response bytes as received;
WARC MB = WARC bytes the run added; load1 = 1-minute load average when it started.

The machine may be shared: wall times move with its load, CPU seconds less so. Prints figures
only, asserts nothing; every crawl is killed after --timeout; the temporary archives are removed.
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: .venv/bin/python benchmarks/crawl_speed.py --releases 100",
    )
    parser.add_argument("--releases", type=positive, default=300, metavar="N",
                        help="releases in the replica (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=1, help="replica seed (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=900, metavar="SECONDS",
                        help="a crawl still running after this long is killed (default: %(default)s)")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    print(f"crawl speed, {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, Python {sys.version.split()[0]}")
    print(load_line("at start") + " — the machine may be shared: wall times move with its load")
    started = time.perf_counter()
    corpus = build_corpus(args.seed, args.releases)
    print(f"replica: {len(corpus.releases())} releases, {len(corpus.en)} English pages, {len(corpus.zh)} Chinese "
          f"articles (seed {args.seed}), built in {time.perf_counter() - started:.1f} s")
    with ReplicaServer(corpus) as server, tempfile.TemporaryDirectory(prefix="mee-crawl-speed-") as workdir:
        figures = []
        for run in RUNS:
            figures.append(crawl(run, server.url, Path(workdir), args.timeout))
            print(f"  done: {run.label} in {figures[-1].wall:.1f} s", flush=True)
    print()
    print(table(figures))
    print()
    print(load_line("at end"))
    return int(any(f.exit_code != 0 for f in figures))


if __name__ == "__main__":
    sys.exit(main())
