"""`mee-archive cite`: a citation of one archived page to paste (plain text, BibTeX, CSL-JSON)."""

from __future__ import annotations

import argparse

from mee_archive.cli import CliError
from mee_archive.cli.research_options import add_db_options, open_db, replay_of


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cite", help="print a citation of a release or Chinese article (plain, BibTeX, CSL-JSON)",
        description="Cite an archived release or Chinese article: title, ministry, date, original URL, archive "
        "capture time, WARC record id and replay URL, as plain text, BibTeX and CSL-JSON (default: all three).",
        epilog="example: mee-archive cite http://english.mee.gov.cn/News_service/news_release/201701/t20170126_308785.shtml")
    parser.add_argument("key", metavar="URL|DOCID", help="the page's URL (or docid)")
    parser.add_argument("--format", choices=("all", "plain", "bibtex", "csl"), default="all",
                        help="which form (default: %(default)s)")
    add_db_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.research import cite
    from mee_archive.research.documents import find

    pair = find(open_db(args), args.key)
    if pair is None:
        raise CliError(f"nothing in the index with URL or docid {args.key!r}", exit_code=1)
    key = args.key.strip()
    row = pair.zh if pair.zh is not None and key in (pair.zh["url"], str(pair.zh["docid"])) else pair.en or pair.zh
    base = replay_of(args)
    forms = {"plain": cite.plain(row, base), "bibtex": cite.bibtex(row, base), "csl": cite.csl_json([row], base)}
    for name, text in forms.items():
        if args.format in ("all", name):
            print(text + ("\n" if args.format == "all" else ""))
    return 0
