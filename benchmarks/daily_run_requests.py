"""Requests a daily run costs the site: 0, 1 and 25 new releases at a given section size (prints
figures; not a test).

    .venv/bin/python benchmarks/daily_run_requests.py [--releases N ...] [--seeded]

For each size, a replica of N releases is crawled in full once (`scrapy crawl news_release`, as
cron runs it), then grown to N+1 and N+26 releases (the corpus is append-stable: the newest
releases are added on top, shifting every list page), with a daily run after each step. The
replica's request log gives the requests each run made, by kind. With ``--seeded`` the first
crawl is replaced by an archive whose feed lists the N releases and whose state records a
finished walk (what a full crawl leaves for the daily run's decisions), then one daily run to
fetch the requisites; for sizes whose full crawl takes too long on this machine.

With ``--zh``, the same for the Chinese channels (zh_news): after the English crawl, the channels
are crawled once for the section's newest year (MEE_ZH_SINCE; a daily run's window is the newest
English releases' dates, widened by MEE_ZH_MARGIN_DAYS), then a zh_news daily run with nothing
new, and one after the newest article of each of 1 or 4 channels was taken out of the feed: to
the crawler, an article published since the last run (growing the replica does not model that:
the Chinese originals of an added release are back-dated, deep in the lists).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

from mee_archive.cli.demo import REPLICA_PACE
from mee_archive.incremental import kind_of
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer
from mee_archive.state import CrawlState

REPO = Path(__file__).resolve().parents[1]
START = "http://english.mee.gov.cn/News_service/news_release/"


def crawl(proxy: str, output: Path, spider: str = "news_release", **extra: str) -> float:
    # Runs minutes apart stand for runs a day apart: requisites are due for revalidation at once.
    settings = {**REPLICA_PACE, "MEE_PROXY": proxy, "MEE_OUTPUT_DIR": str(output), "MEE_REVALIDATE_AFTER_HOURS": 0,
                **extra}
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def kinds(server: ReplicaServer, start: int) -> Counter[str]:
    """The requests since ``start``: list pages, release pages, robots.txt, other resources."""
    out: Counter[str] = Counter()
    for request in server.requests[start:]:
        kind = kind_of(request.url)
        out["robots" if request.url.endswith("/robots.txt") else kind] += 1
    return out


def seed(output: Path, releases: list) -> None:
    items = output / "items"
    items.mkdir(parents=True, exist_ok=True)
    with (items / "news_release.jsonl").open("w") as feed:
        for r in releases:
            feed.write(json.dumps({"url": r.url, "published": str(r.url_date)}) + "\n")
    state = CrawlState(output / "state" / "crawl.sqlite")
    state.walked(START, "seeded")
    state.close()


def measure(size: int, seeded: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="mee-daily-") as tmp:
        output = Path(tmp)
        corpus = build_corpus(1, size)
        with ReplicaServer(corpus).start() as server:
            if seeded:
                seed(output, corpus.releases())
            took = crawl(server.url, output)
            print(f"{size:>6} releases: {'seeded archive + warm-up run' if seeded else 'first full crawl'} "
                  f"{len(server.requests)} requests, {took:.0f} s")
            start = len(server.requests)
            crawl(server.url, output)
            report(size, 0, kinds(server, start))
        for new in (1, 25):
            with ReplicaServer(build_corpus(1, size + (1 if new == 1 else 26))).start() as server:
                crawl(server.url, output)
                report(size, new, kinds(server, 0))


def report(size: int, new: int, counts: Counter[str], what: str = "releases") -> None:
    site = counts["robots"] + counts["list"]
    print(f"{size:>6} releases, {new:>2} new: {sum(counts.values()):>4} requests = {counts['robots']} robots.txt"
          f" + {counts['list']} list pages + {counts['page']} {what} + {counts['resource']} embeds/requisites"
          f"  (beyond the new {what} and their embeds/requisites: {site})")


def measure_zh(size: int) -> None:
    """zh_news daily runs at a section of ``size`` releases (see the module docstring)."""
    with tempfile.TemporaryDirectory(prefix="mee-daily-zh-") as tmp:
        output = Path(tmp)
        corpus = build_corpus(1, size)
        since = max(r.url_date for r in corpus.releases()) - timedelta(days=365)
        with ReplicaServer(corpus).start() as server:
            crawl(server.url, output)
            start = len(server.requests)
            took = crawl(server.url, output, "zh_news", MEE_ZH_SINCE=since.isoformat())
            print(f"{size:>6} releases: zh_news first crawl since {since}: {len(server.requests) - start} requests, "
                  f"{took:.0f} s")
            start = len(server.requests)
            crawl(server.url, output, "zh_news")
            report(size, 0, kinds(server, start), "Chinese articles")
            for channels in (1, 4):
                forget_newest(output / "items" / "zh_news.jsonl", ZH_CHANNELS[:channels])
                start = len(server.requests)
                crawl(server.url, output, "zh_news")
                counts = kinds(server, start)
                report(size, counts["page"], counts, "Chinese articles")


ZH_CHANNELS = ("/ywdt/hjywnews/", "/ywdt/xwfb/", "/ywdt/zbft/", "/ywdt/szyw/")


def forget_newest(feed: Path, channels: tuple[str, ...]) -> None:
    """Take the newest article of each channel out of the zh feed, as if published since."""
    records = [json.loads(line) for line in feed.read_text("utf-8").splitlines() if line.strip()]
    newest = {max((r for r in records if c in r["url"]), key=lambda r: r["published"])["url"] for c in channels}
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records if r["url"] not in newest),
                    "utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, nargs="*", default=[2_000, 20_000])
    parser.add_argument("--seeded", action="store_true", help="seed the archive instead of a first full crawl")
    parser.add_argument("--zh", action="store_true", help="the Chinese channels' daily runs instead")
    args = parser.parse_args()
    for n in args.releases:
        if args.zh:
            measure_zh(n)
        else:
            measure(n, args.seeded)
