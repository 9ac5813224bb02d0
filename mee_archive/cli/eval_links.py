"""`mee-archive eval-links`: precision, recall, F1 and confusions of links against a truth file."""

from __future__ import annotations

import argparse
from pathlib import Path

from mee_archive.cli.argtypes import integer
from mee_archive.cli.link import read_jsonl


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval-links", help="score links against a truth file (precision, recall, F1, confusions)",
        description="Compare the records of `mee-archive link` (url, zh_url) with truth records "
        "(url, zh_url or null), such as the replica's truth export. Both must be non-empty UTF-8 "
        "JSON Lines with a string url a line (zh_url a string or null, score a number or null).")
    parser.add_argument("--links", required=True, type=Path, help="links, JSONL")
    parser.add_argument("--truth", required=True, type=Path, help="truth, JSONL")
    parser.add_argument("--show", type=integer(0), default=20, help="confusions listed (default 20)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.link.evaluate import evaluate, format_evaluation  # the linker's features

    result = evaluate(read_jsonl(args.links), read_jsonl(args.truth))
    print(format_evaluation(result, args.show))
    return 0
