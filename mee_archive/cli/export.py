"""`mee-archive export`: the index as files for pandas and R, or the linked pairs as a parallel corpus."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from mee_archive.cli import CliError
from mee_archive.cli.research_options import add_db_options, add_filters, filters, open_db, replay_of

FORMATS = ("jsonl", "csv", "parquet", "parallel", "tmx")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="export releases/articles (JSONL, CSV, Parquet) or the linked pairs (parallel JSONL, TMX)",
        description="Export the research index. jsonl/csv/parquet: one row per release with its Chinese original's "
        "columns (--lang zh: one per Chinese article). parallel: one JSON line per linked pair with both texts and "
        "the paragraph alignment; tmx: those pairs as TMX 1.4 (titles, and paragraphs where the alignment is "
        "confident). Rows come oldest first.",
        epilog="example: mee-archive export --format parquet --since 2018 --file releases.parquet")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="(default: %(default)s)")
    parser.add_argument("--file", type=Path, metavar="PATH", help="write here (default: standard output; "
                        "parquet needs a file)")
    parser.add_argument("--query", metavar="QUERY", help="only the documents this search finds")
    add_filters(parser)
    add_db_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.research import export, parallel, tmx
    from mee_archive.research.ftsquery import QueryError
    from mee_archive.research.search import search

    if args.format == "parquet" and args.file is None:
        raise CliError("--format parquet needs --file PATH")
    db, chosen, base = open_db(args), filters(args), replay_of(args)
    only = None
    if args.query is not None:
        try:
            only = {h.url for h in search(db, args.query, lang=args.lang, filters=chosen, limit=10**9, replay=base)}
        except QueryError as exc:
            raise CliError(str(exc)) from None
    if args.format == "parquet":
        count = export.write_parquet(export.rows(db, args.lang, chosen, base, only), args.file)
    else:
        try:
            out = args.file.open("w", encoding="utf-8", newline="") if args.file else sys.stdout
        except OSError as exc:
            raise CliError(f"cannot write {args.file}: {exc.strerror}") from None
        with out if args.file else contextlib.nullcontext():
            if args.format in ("parallel", "tmx"):
                records = parallel.pairs(db, chosen, base, only)
                count = export.write_jsonl(records, out) if args.format == "parallel" else tmx.write_tmx(records, out)[0]
            else:
                writer = export.write_jsonl if args.format == "jsonl" else export.write_csv
                count = writer(export.rows(db, args.lang, chosen, base, only), out)
    print(f"exported {count} record(s)" + (f" to {args.file}" if args.file else ""), file=sys.stderr)
    return 0

