"""`mee-archive search`: full-text search of the archive in English, Chinese or both."""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from typing import TYPE_CHECKING, Any

from mee_archive.cli import CliError
from mee_archive.cli.research_options import add_db_options, add_filters, filters, open_db, replay_of

if TYPE_CHECKING:
    from rich.text import Text


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {text!r}")
    return int(text)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search", help="search releases and Chinese originals (English, Chinese or both)",
        description="Full-text search of the research index (run `mee-archive index` first; crawls do it). English "
        "is stemmed (inspections finds inspection); Chinese is searched by words of two or more characters kept "
        "together, traditional characters find simplified text. Query syntax: words (all must match), "
        "\"phrases\", prefix*, OR, NOT, parentheses, title:word. Results come by relevance (bm25, titles "
        "weigh more; a pair matched in both languages first) or with --order date, newest first.",
        epilog="examples: mee-archive search 'PM2.5' --since 2018 --until 2018 ;  mee-archive search 臭氧 --lang zh")
    parser.add_argument("query", metavar="QUERY", help="what to look for")
    add_filters(parser)
    parser.add_argument("--limit", type=positive, default=20, metavar="N", help="at most N results (default: %(default)s)")
    parser.add_argument("--order", choices=("relevance", "date"), default="relevance",
                        help="relevance (bm25) or date, newest first (default: %(default)s)")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output (default: %(default)s)")
    add_db_options(parser)
    parser.set_defaults(func=run)


CSV_COLUMNS = ("kind", "published", "title", "counterpart_title", "matched", "snippet", "url", "captured",
               "warc_file", "warc_offset", "record_id", "replay", "counterpart_url", "counterpart_replay")


def flat(hit: dict[str, Any]) -> dict[str, Any]:
    """One result as a CSV row."""
    c, other, other_c = hit["citation"], hit["counterpart"] or {}, hit["counterpart_citation"] or {}
    return {"kind": hit["kind"], "published": hit["published"], "title": hit["title"],
            "counterpart_title": other.get("title"), "matched": "+".join(hit["matched"]),
            "snippet": " ".join(hit["snippet"].split()), "url": hit["url"], "captured": c["captured"],
            "warc_file": c["warc_file"], "warc_offset": c["warc_offset"], "record_id": c["record_id"],
            "replay": c["replay"], "counterpart_url": other.get("url"), "counterpart_replay": other_c.get("replay")}


def run(args: argparse.Namespace) -> int:
    from mee_archive.research.ftsquery import QueryError
    from mee_archive.research.search import search

    if not args.query.strip():
        raise CliError("empty query: give at least one word")
    db = open_db(args)
    try:
        hits = [h.as_dict() for h in search(db, args.query, lang=args.lang, filters=filters(args), limit=args.limit,
                                            order=args.order, replay=replay_of(args))]
    except QueryError as exc:
        raise CliError(str(exc)) from None
    if args.format == "json":
        json.dump(hits, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(flat(h) for h in hits)
    else:
        print_table(hits, args.query)
    return 0


def highlighted(snippet: str) -> Text:
    """The snippet with its [marked] words in bold."""
    from rich.text import Text

    text = Text()
    for i, piece in enumerate(re.split(r"\[([^\]]*)\]", snippet)):
        text.append(piece, style="bold yellow" if i % 2 else "")
    return text


def print_table(hits: list[dict[str, Any]], query: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not hits:
        console.print(f"no results for {query!r}", markup=False)
        return
    table = Table(title=Text(f"{len(hits)} result(s) for {query!r}"), show_lines=True)
    for column in ("date", "title / counterpart", "snippet", "citation"):
        table.add_column(column, no_wrap=column == "date")
    for h in hits:
        row = flat(h)
        other = f"\n↔ {row['counterpart_title']}" if row["counterpart_title"] else ""
        table.add_row(Text((h["published"] or "")[:10]), Text(h["title"] + other), highlighted(row["snippet"]),
                      Text(f"{row['url']}\ncaptured {row['captured']}\n{row['warc_file']} @ {row['warc_offset']}\n"
                           f"{row['record_id']}\nreplay: {row['replay']}"))
    console.print(table)
