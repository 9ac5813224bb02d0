"""`mee-archive show`: a release beside its Chinese original, paragraphs aligned, with the link's
score and evidence and the citations of both."""

from __future__ import annotations

import argparse
import json
import sys

from mee_archive.cli import CliError
from mee_archive.cli.research_options import add_db_options, open_db, replay_of


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show", help="a release and its Chinese original side by side",
        description="Show a release (or a Chinese article) by URL or docid beside its counterpart, paragraphs "
        "aligned (a monotone alignment by length and shared figures), with the link's score and evidence and "
        "both WARC citations and replay URLs.",
        epilog="example: mee-archive show 308785")
    parser.add_argument("key", metavar="URL|DOCID", help="a release's or a Chinese article's URL or docid")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output (default: %(default)s)")
    add_db_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.research.view import pair_view

    db = open_db(args)
    view = pair_view(db, args.key, replay_of(args))
    if view is None:
        raise CliError(f"nothing in the index with URL or docid {args.key!r}", exit_code=1)
    if args.format == "json":
        json.dump(view, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_view(view)
    return 0


def print_view(view: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(show_lines=True, expand=True)
    for side in ("en", "zh"):
        doc = view[side]
        table.add_column(f"{doc['title']}\n{doc['published']}" if doc else "(no counterpart)", ratio=1)
    for row in view["rows"]:
        table.add_row(row["en"], row["zh"])
    console.print(table, markup=False)
    link = view["link"]
    if link:
        console.print(f"link: {link['zh_status']}, score {link['score']}, evidence "
                      + json.dumps(link["evidence"], ensure_ascii=False), markup=False, highlight=False)
    for side in ("en", "zh"):
        if view[side]:
            c = view[side]["citation"]
            console.print(f"{side}: {c['url']} captured {c['captured']}, {c['warc_file']} @ {c['warc_offset']}, "
                          f"{c['record_id']}\n    replay: {c['replay']}", markup=False, highlight=False)
