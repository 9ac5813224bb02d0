"""`mee-archive demo`: the main job — start a replica, crawl it into the archive, summarise."""

from __future__ import annotations

import argparse
from pathlib import Path

from mee_archive.cli import CliError
from mee_archive.cli.argtypes import integer
from mee_archive.cli.crawl_options import (SPIDERS, add_crawl_options, report, settings_overrides,
                                           update_research_index)
from mee_archive.cli.paths import output_directory
from mee_archive.cli.replica import MAX_RELEASES, RELEASES_HELP
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.model import Corpus
from mee_archive.replica.server import ReplicaServer
from mee_archive.replica.truth import export_truth

# The replica is our own server on loopback: no need for the politeness the real site deserves.
REPLICA_PACE = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="start a replica of the sites and crawl it into the archive (the main job)",
        description="Start a local replica of english.mee.gov.cn and www.mee.gov.cn, crawl it through "
        "the replica's proxy exactly as the real sites would be crawled, and print a summary.",
        epilog="example: mee-archive demo --releases 500 --output /tmp/mee",
    )
    # A replica needs at least one release to be crawled.
    parser.add_argument("--releases", type=integer(1, MAX_RELEASES), default=300, metavar="N",
                        help=RELEASES_HELP)
    parser.add_argument("--seed", type=int, default=1, help="replica seed (default: %(default)s)")
    add_crawl_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.runner import crawl

    output_directory(args.output)
    overrides = settings_overrides(args)
    corpus = build_corpus(args.seed, args.releases)
    try:
        server = ReplicaServer(corpus).start()
    except OSError as exc:
        raise CliError(f"cannot start the replica: {exc}") from exc
    with server:
        print(f"replica of {len(corpus.releases())} releases serving at {server.url}")
        results = crawl(SPIDERS, {**REPLICA_PACE, **overrides, "MEE_PROXY": server.url})
    code = report(results, args.output)
    print_link_quality(corpus, Path(args.output))
    update_research_index(args.output)
    return code


def print_link_quality(corpus: Corpus, output: Path) -> None:
    """The demo knows the replica's truth, so it can say how good the links it made are."""
    from mee_archive.feeds import read_records
    from mee_archive.link.evaluate import evaluate

    links = output / "items" / "links.jsonl"
    if links.exists():
        scores = evaluate(read_records(links), export_truth(corpus))
        print(f"links vs. the replica's truth: precision {scores.precision:.3f}, recall {scores.recall:.3f} "
              f"({scores.right} right of {scores.linked} linked; {scores.with_original} releases have an original)")
