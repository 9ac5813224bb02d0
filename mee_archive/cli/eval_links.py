"""`mee-archive eval-links`: precision, recall, F1 and confusions of links against a truth file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from mee_archive.cli.argtypes import integer
from mee_archive.cli.link import read_jsonl


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval-links", help="score links against a truth file (precision, recall, F1, confusions)",
        description="Compare the records of `mee-archive link` (url, zh_url) with a truth file: JSON "
        "Lines records (url, zh_url or null, or zh_urls: the original and its copies; optionally "
        "related: pages about the same event that are not originals), such as the replica's truth "
        "export, or one JSON object {\"gold\": {en_url: [zh_url...]}, \"related\": {...}} as in "
        "shared/real-pairs/truth.json (an English URL in neither has no original). A link to a "
        "related page counts as wrong. Prints precision, recall, F1, a reliability table (score "
        "band: links made, right, share right) and the confusions. JSON Lines inputs must be "
        "non-empty UTF-8 with a string url a line (zh_url a string or null, score a number or null).")
    parser.add_argument("--links", required=True, type=Path, help="links, JSONL")
    parser.add_argument("--truth", required=True, type=Path, help="truth, JSONL or a real-pairs JSON object")
    parser.add_argument("--show", type=integer(0), default=20, help="confusions listed (default 20)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.link.evaluate import evaluate, format_evaluation, truth_from_pairs  # the linker's features

    links = read_jsonl(args.links)
    pairs = _pairs(args.truth)
    truth = truth_from_pairs(pairs, [r["url"] for r in links]) if pairs is not None else read_jsonl(args.truth)
    print(format_evaluation(evaluate(links, truth), args.show))
    return 0


def _pairs(path: Path) -> dict | None:
    """The truth file as a real-pairs object ({"gold": ..., "related": ...}), or None when it
    is JSON Lines."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None  # read_jsonl names the problem
    return document if isinstance(document, dict) and "gold" in document else None
