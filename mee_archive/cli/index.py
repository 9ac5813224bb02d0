"""`mee-archive index`: build or update the research database from the archive's items."""

from __future__ import annotations

import argparse

from mee_archive.cli import CliError
from mee_archive.cli.archive_root import add_archive_root


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "index", help="build or update the searchable research database (research.sqlite)",
        description="Read items/*.jsonl into <output>/research.sqlite: English releases (latest revision; earlier "
        "ones in `revisions`), Chinese articles, links, WARC citations, and full-text indexes in both languages. "
        "Later runs read only what changed (appended lines; a rewritten feed is compared line by line). "
        "`crawl` and `demo` run this at their end.",
        epilog="example: mee-archive index --output /srv/mee")
    add_archive_root(parser)
    parser.add_argument("--rebuild", action="store_true", help="delete the database and build it anew")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.research.index import update

    if not (args.output / "items").is_dir():
        raise CliError(f"no items at {args.output}/items: crawl first (`mee-archive demo` or `crawl`)")
    report = update(args.output, rebuild=args.rebuild)
    for feed in report.feeds:
        print(f"{feed.name:>20}: {feed.mode}, {feed.upserted} record(s) indexed, {feed.removed} removed")
    print(f"{report.path}: " + ", ".join(f"{n} {table}" for table, n in report.counts.items()))
    return 0
