"""How fast the linker links 2,000 English releases against 20,000 Chinese items, and how
well against the replica's truth; prints figures side by side (not a test).

    .venv/bin/python benchmarks/link_speed.py [--english 2000] [--chinese 20000] [--scales 1 10]

The replica is built big enough to have CHINESE Chinese items; the first ENGLISH releases
are linked against all of them. Each run is a fresh forked process, so its peak memory is
its own:

- loading the dictionary tables with an empty cache (they are built) and from the cache,
  as every later process does;
- ``link_items`` with the Chinese bodies as the replica writes them (real lengths: about
  1,150 characters on average, as real MEE articles), and with each body repeated SCALE
  times. Each link run loads the tables from the cache first, as a ``mee-archive link``
  process does.

CPU is the run's own plus that of the worker processes it forks; RSS is the run's peak,
which includes the replica the benchmark holds when it forks the run (printed as "base"),
and "workers MB" the largest peak of the worker processes it forked (which share the
run's pages they do not write).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import tempfile
import time
from collections.abc import Callable
from typing import Any

from mee_archive.link import link_items
from mee_archive.link.evaluate import evaluate
from mee_archive.link.features import load_tables
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.truth import export_truth, export_zh


def _load_tables() -> str:
    load_tables()
    return ""


def _measured(work: Callable[[], str]) -> Callable[[Any], None]:
    """``work`` run in the child: sends back (wall s, CPU s, peak RSS MB, what it says)."""

    def child(pipe: Any) -> None:
        wall = time.perf_counter()
        said = work()
        wall = time.perf_counter() - wall
        own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
        pipe.send((wall, cpu, own.ru_maxrss / 1024, workers.ru_maxrss / 1024, said))

    return child


def _run(label: str, work: Callable[[], str], rows: list[tuple]) -> None:
    """Run ``work`` in a forked process and add its figures to ``rows``."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_measured(work), args=(send,))
    process.start()
    wall, cpu, rss, workers_rss, said = receive.recv()
    process.join()
    rows.append((label, wall, cpu, rss, workers_rss, said))
    print(f"  done: {label} in {wall:.1f} s", flush=True)


def _corpus(english: int, chinese: int):
    """A replica with at least ``chinese`` Chinese items and ``english`` releases."""
    releases = english
    while True:
        corpus = build_corpus(seed=1, releases=releases)
        if len(corpus.zh) >= chinese:
            return corpus
        releases = int(releases * chinese / max(len(corpus.zh), 1)) + 1


def _present(truth: list[dict], zh_items: list[dict]) -> list[dict]:
    """The truth of releases linked against ``zh_items`` only: an original cut off with the
    Chinese items past the first CHINESE is not there to be found (it would count as missed)."""
    kept = {item["url"] for item in zh_items}
    present = []
    for record in truth:
        urls = [url for url in record["zh_urls"] if url in kept]
        present.append({**record, "zh_urls": urls, "zh_url": urls[0] if urls else None})
    return present


def _link(en_items: list[dict], zh_items: list[dict], truth: list[dict], scale: int) -> Callable[[], str]:
    def work() -> str:
        chinese = [{**item, "body": "\n".join([item["body"]] * scale)} for item in zh_items] if scale > 1 else zh_items
        results = link_items(en_items, chinese)
        scores = evaluate([r.record() for r in results], truth)
        return f"precision {scores.precision:.4f} recall {scores.recall:.4f}"

    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--english", type=int, default=2_000, help="English releases linked (default 2000)")
    parser.add_argument("--chinese", type=int, default=20_000, help="Chinese items linked against (default 20000)")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10],
                        help="Chinese body lengths to run, as multiples of the replica's (default 1 10)")
    args = parser.parse_args()
    print(f"link speed, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    started = time.perf_counter()
    corpus = _corpus(args.english, args.chinese)
    zh_items = list(export_zh(corpus))[: args.chinese]
    truth = _present(list(export_truth(corpus))[: args.english], zh_items)
    en_items = [{k: r[k] for k in ("url", "title", "published", "body")} for r in truth]
    chars = sum(len(z["body"]) for z in zh_items)
    print(f"replica built in {time.perf_counter() - started:.1f} s: {len(en_items)} English releases, "
          f"{len(zh_items)} Chinese items ({chars / len(zh_items):.0f} characters a body); "
          f"base RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory() as empty:
        os.environ["MEE_ARCHIVE_CACHE"] = empty
        _run("load tables, empty cache (build)", _load_tables, rows)
        _run("load tables from the cache", _load_tables, rows)
        for scale in args.scales:
            label = f"link, Chinese bodies x{scale} ({chars * scale / 1e6:.1f} M chars)"
            _run(label, _link(en_items, zh_items, truth, scale), rows)
    print(f"\n{'run':<44} {'wall s':>7} {'CPU s':>7} {'RSS MB':>7} {'workers MB':>10}  result")
    for label, wall, cpu, rss, workers_rss, said in rows:
        print(f"{label:<44} {wall:7.2f} {cpu:7.2f} {rss:7.0f} {workers_rss:10.0f}  {said}")
    print(f"load average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
