"""Before/after of the crawl's cost: two checkouts' `scrapy crawl news_release` (or `--spider zh_news`) and a bare Scrapy
spider, taken in turn on one loopback replica (the order reversed every other round), so that
the machine's changing speed (it is shared) falls on every side alike. Prints each run and the
best run that ended well of each, with its ratio to bare Scrapy. Figures only; nothing here
asserts a time.

example: .venv/bin/python benchmarks/crawl_ab.py /tmp/old . --rounds 4
(`git worktree add /tmp/old COMMIT` makes the older checkout)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from crawlbench import HERE, SPIDERS, mee_command, url_list
from measure import Usage, run_measured

from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer

TIMEOUT = 900.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", type=Path, help="the checkout measured first in each round")
    parser.add_argument("new", type=Path, help="the checkout measured second")
    parser.add_argument("--rounds", type=int, default=4, help="rounds of the three runs (default 4)")
    parser.add_argument("--releases", type=int, default=2000, help="replica size (default 2000)")
    parser.add_argument("--spider", choices=sorted(SPIDERS), default="news_release",
                        help="what mee-archive crawls (default news_release; zh_news: the Chinese channels, "
                             "pages of the real site's weight)")
    args = parser.parse_args()
    checkouts = {"old": args.old.resolve(), "new": args.new.resolve()}
    for name, path in checkouts.items():
        if not (path / "mee_archive").is_dir():
            parser.error(f"{name}: {path} holds no mee_archive package")
    best: dict[str, Usage] = {}
    with ReplicaServer(build_corpus(1, args.releases)) as server, tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        warm = run_measured(mee_command(server.url, work / "warm", args.spider), work / "warm.log", TIMEOUT,
                            cwd=checkouts["new"])
        if warm.exit_code != 0:  # it decides the URL list: without it nothing below means anything
            sys.exit(f"the warm-up crawl failed (exit {warm.exit_code}): "
                     + (work / "warm.log").read_text("utf-8", "replace")[-1500:])
        urls = url_list(server, work)
        print(f"{len(urls.read_text('utf-8').split())} URLs, {args.rounds} rounds; load {os.getloadavg()[0]:.2f}")
        for round_ in range(args.rounds):
            runs = {"bare Scrapy": ([sys.executable, str(HERE / "bare_spider.py"), str(urls), server.url], work)}
            runs |= {name: (mee_command(server.url, work / f"{name}-{round_}", args.spider), path)
                     for name, path in checkouts.items()}
            order = list(runs) if round_ % 2 == 0 else list(reversed(runs))  # no fixed place in the round
            for name in order:
                command, cwd = runs[name]
                usage = run_measured(command, work / f"{name}.log", TIMEOUT, cwd=cwd)
                print(f"round {round_ + 1} {name}: wall {usage.wall:.2f} s, CPU {usage.cpu:.2f} s, exit {usage.exit_code}",
                      flush=True)
                if usage.exit_code == 0 and (name not in best or usage.wall < best[name].wall):
                    best[name] = usage
    failed = sorted(set(["bare Scrapy", *checkouts]) - set(best))
    if failed:
        sys.exit(f"no run of {', '.join(failed)} ended well: see the logs above")
    bare = best["bare Scrapy"].wall
    for name, usage in best.items():
        print(f"best {name}: wall {usage.wall:.2f} s ({usage.wall / bare:.2f}x bare Scrapy), CPU {usage.cpu:.2f} s")
    print(f"load average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
