"""Section 1 and 2 of benchmarks/run.py: the same URL list fetched by mee-archive and by what
people would use instead, on one loopback replica; and mee-archive's crawl at several sizes.

mee-archive's crawl runs first, untimed: it both warms the replica's caches and decides the URL
list (every URL it asked the replica for). Then each fetcher gets that list, in a fresh process,
``repeat`` times; the fastest run of each is kept (on a shared machine noise only adds time).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from measure import Usage, run_measured

from mee_archive.cli.demo import REPLICA_PACE
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TIMEOUT = 1800.0  # seconds a child process may run unless the caller says otherwise


@dataclass(frozen=True)
class Row:
    """One fetcher's best run over the URL list."""

    fetcher: str
    usage: Usage | None  # None: the fetcher is absent (``note`` says why)
    pages: int  # requests the replica answered during the run
    note: str = ""

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.usage.wall if self.usage and self.usage.wall else 0.0

    @property
    def cpu_per_1000(self) -> float:
        return 1000 * self.usage.cpu / self.pages if self.usage and self.pages else 0.0


# The spiders a benchmark may crawl, with the settings each needs beyond the proxy and pace:
# the Chinese channels' whole history (the replica's pages carry the real site's ~40 KB chrome).
SPIDERS: dict[str, dict[str, str]] = {"news_release": {}, "zh_news": {"MEE_ZH_SINCE": "1990-01-01"}}


def mee_command(proxy: str, archive: Path, spider: str = "news_release") -> list[str]:
    """`scrapy crawl SPIDER` as a user or scrapyd runs it, politeness lifted for loopback."""
    settings = {"MEE_PROXY": proxy, "MEE_OUTPUT_DIR": str(archive), **REPLICA_PACE, **SPIDERS[spider]}
    return [sys.executable, "-m", "scrapy", "crawl", spider,
            *(a for name, value in settings.items() for a in ("-s", f"{name}={value}"))]


def wget_command(urls: Path, proxy: str, workdir: Path) -> list[str] | None:
    """Debian's wget writing a WARC of the list (its default: gzip per record), or None if absent."""
    wget = shutil.which("wget")
    if wget is None:
        return None
    return [wget, "--quiet", "--input-file", str(urls), "--warc-file", str(workdir / "wget"),
            "--no-warc-keep-log", "--delete-after", "--directory-prefix", str(workdir / "wget-files"),
            "-e", "use_proxy=on", "-e", f"http_proxy={proxy}", "--tries", "1"]


WGET_ABSENT = "wget not installed (apt-get install wget) and not on PATH"
def served(server: ReplicaServer, run: Callable[[], Usage]) -> tuple[Usage, int]:
    """Run a fetcher; how many requests the replica answered meanwhile."""
    before = len(server.requests)
    usage = run()
    return usage, len(server.requests) - before


def best(fetcher: str, server: ReplicaServer, repeat: int, run: Callable[[int], Usage]) -> Row:
    """The fastest of ``repeat`` runs (``run(attempt)``); a failed run is reported, not hidden."""
    rows = []
    for attempt in range(repeat):
        usage, pages = served(server, lambda: run(attempt))
        rows.append(Row(fetcher, usage, pages, "" if usage.exit_code == 0 else f"exit {usage.exit_code}"))
        print(f"  {fetcher}: {usage.wall:.1f} s, {pages} pages (exit {usage.exit_code})", flush=True)
    return min(rows, key=lambda r: (r.note != "", r.usage.wall if r.usage else 0))


def url_list(server: ReplicaServer, workdir: Path) -> Path:
    """The URLs mee-archive's warm-up crawl asked for, each once, in order."""
    urls = list(dict.fromkeys(r.url for r in server.requests if r.method == "GET"))
    path = workdir / "urls.txt"
    path.write_text("\n".join(urls) + "\n", "utf-8")
    return path


def side_by_side(releases: int, repeat: int, code: Path = REPO, timeout: float = TIMEOUT,
                 seed: int = 1) -> tuple[list[Row], int]:
    """Section 1: the rows in table order, and the URL count. ``code``: the checkout whose
    mee_archive crawls (``python -m scrapy`` puts its working directory first on sys.path)."""
    corpus = build_corpus(seed, releases)
    with ReplicaServer(corpus) as server, tempfile.TemporaryDirectory(prefix="mee-bench-") as tmp:
        workdir = Path(tmp)
        proxy = server.url

        def mee(attempt: int) -> Usage:
            return run_measured(mee_command(proxy, workdir / f"mee-{attempt}"), workdir / f"mee-{attempt}.log",
                                timeout, cwd=code)

        warm = run_measured(mee_command(proxy, workdir / "warm"), workdir / "warm.log", timeout, cwd=code)
        if warm.exit_code != 0:
            raise RuntimeError(f"the warm-up crawl failed (exit {warm.exit_code}): "
                               + (workdir / "warm.log").read_text("utf-8", "replace")[-1500:])
        urls = url_list(server, workdir)
        count = len(urls.read_text("utf-8").split())
        print(f"  warm-up crawl: {warm.wall:.1f} s, {count} URLs", flush=True)
        rows = [best("replica ceiling (16 keep-alive connections, read only)", server, repeat, lambda a: run_measured(
            [sys.executable, str(HERE / "ceiling.py"), str(urls), proxy], workdir / "ceiling.log", timeout))]
        command = wget_command(urls, proxy, workdir)
        rows.append(best("wget --warc-file (1 connection)", server, repeat, lambda a: run_measured(
            command, workdir / "wget.log", timeout, cwd=workdir)) if command else Row("wget", None, 0, WGET_ABSENT))
        rows.append(best("bare Scrapy spider (do nothing)", server, repeat, lambda a: run_measured(
            [sys.executable, str(HERE / "bare_spider.py"), str(urls), proxy], workdir / "bare.log", timeout,
            cwd=workdir)))
        rows.append(best("mee-archive crawl (WARC + extraction + JSON + state)", server, repeat, mee))
    return rows, count


def scaling(sizes: list[int], code: Path = REPO, timeout: float = TIMEOUT, seed: int = 1
            ) -> list[tuple[int, int, Usage]]:
    """Section 2: (releases, pages, usage) of one mee-archive crawl per replica size (``code``: as
    in side_by_side)."""
    results = []
    for releases in sizes:
        corpus = build_corpus(seed, releases)
        with ReplicaServer(corpus) as server, tempfile.TemporaryDirectory(prefix="mee-scale-") as tmp:
            usage, pages = served(server, lambda: run_measured(
                mee_command(server.url, Path(tmp) / "archive"), Path(tmp) / "crawl.log", timeout, cwd=code))
        print(f"  {releases} releases: {usage.wall:.1f} s, {pages} pages, {usage.peak_rss_mb:.0f} MB", flush=True)
        results.append((releases, pages, usage))
    return results
