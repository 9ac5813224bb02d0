"""`mee-archive rederive`: the item set again, from the archive's WARC files alone (no network)."""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from mee_archive.cli import CliError
from mee_archive.cli.archive_root import add_archive_root, archive_layout

SHOWN = 20  # URLs listed per kind of difference; the rest are counted


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rederive", help="re-derive the items from the archive's WARC files, without the network",
        description="Read every article page's WARC response (and revisit) record through the CDXJ index, "
        "run today's page objects, boilerplate, schema and revision rules and the linker, and write a fresh "
        "item set: items/*.jsonl replaced atomically, or into --into DIR. Prints what changed: items "
        "unchanged, changed (which fields), new, lost. The files replaced are kept as *.jsonl.prev. Uses every core.",
        epilog="example: mee-archive rederive --output /srv/mee --into /tmp/items-new")
    add_archive_root(parser)
    parser.add_argument("--into", type=Path, metavar="DIR",
                        help="write the item files into DIR instead of replacing <output>/items/")
    parser.add_argument("--workers", type=int, default=0, metavar="N",
                        help="processes reading pages (default: one per core)")
    parser.add_argument("--report", type=Path, metavar="FILE", help="also write the report as JSON to FILE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.feeds import read_records, write_records_atomically
    from mee_archive.rederive import FEEDS, compare, link, rederive_items
    from mee_archive.runner import project_settings

    layout = archive_layout(args)
    if args.workers < 0:
        raise CliError(f"--workers must be 0 (one per core) or more, got {args.workers}")
    target = args.into or layout.items_dir
    if target.exists() and not target.is_dir():
        raise CliError(f"--into {target} is not a directory")
    from mee_archive.archive.index import index_warc, missing_indexes

    for warc in missing_indexes(layout):  # a crawl killed before indexing: index, as the next crawl would
        print(f"indexed {index_warc(layout, warc).name} (its WARC file had no index)")
    if layout.open_warcs():
        print(f"note: {len(layout.open_warcs())} open WARC file(s) not read (a crawl running, or killed: "
              f"`mee-archive verify --repair` closes them)")
    started = time.perf_counter()
    max_text = project_settings({}).getint("MEE_MAX_TEXT_CHARS")
    feeds, reports = rederive_items(layout, max_text, args.workers or None)
    pages = sum(len(feed) for feed in feeds.values())
    read_seconds = time.perf_counter() - started
    links = link(feeds)
    target.mkdir(parents=True, exist_ok=True)
    for name in FEEDS:
        compare(read_records(layout.items_dir / f"{name}.jsonl"), feeds[name], reports[name])
    for name, records in [*((name, feeds[name]) for name in FEEDS), *([("links", links)] if links else [])]:
        path = target / f"{name}.jsonl"
        if path.exists():  # the set it replaces stays beside it, one generation back
            shutil.copyfile(path, path.with_name(path.name + ".prev"))
        write_records_atomically(path, records)
    for name in FEEDS:
        print(reports[name].line(name))
        changed = [f"{url} ({', '.join(fields)})" for url, fields in reports[name].changed_items.items()]
        for label, urls in (("changed", changed), ("new", reports[name].new),
                            ("lost", reports[name].lost), ("invalid", reports[name].invalid),
                            ("unreadable", reports[name].unreadable)):
            for url in urls[:SHOWN]:
                print(f"  {label}: {url}")
            if len(urls) > SHOWN:
                print(f"  ... and {len(urls) - SHOWN} more {label}")
    print(f"{pages} item(s) from the archive in {read_seconds:.1f} s; "
          f"{time.perf_counter() - started:.1f} s with linking; written to {target}/")
    if args.report:
        args.report.write_text(json.dumps({name: vars(r) for name, r in reports.items()}, indent=1) + "\n")
    if args.into is None:
        from mee_archive.cli.crawl_options import update_research_index

        update_research_index(layout.root)
    return 0
