"""`mee-archive link`: relink existing English and Chinese items without crawling."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from mee_archive.cli import CliError
from mee_archive.link.config import LinkConfig


def register(subparsers: argparse._SubParsersAction) -> None:
    defaults = LinkConfig()
    parser = subparsers.add_parser(
        "link", help="link English releases to their Chinese originals (JSONL in, JSONL out)",
        description="Read English items (url, title, published, body) and Chinese items from "
        "JSON Lines files, from any site, and write one record per English item: url, zh_url "
        "(or null), zh_status, score, evidence.")
    parser.add_argument("--english", required=True, type=Path, help="English items, JSONL")
    parser.add_argument("--chinese", required=True, type=Path, action="append",
                        help="Chinese items, JSONL (repeat to read several files)")
    parser.add_argument("--output", required=True, type=Path, help="where to write the links, JSONL")
    parser.add_argument("--threshold", type=float, default=defaults.threshold,
                        help=f"lowest calibrated score that links (default {defaults.threshold})")
    parser.add_argument("--margin", type=float, default=defaults.margin,
                        help=f"least log-odds lead over the runner-up (default {defaults.margin})")
    parser.set_defaults(func=run)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file (blank lines skipped); a bad line is a user error."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from exc
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CliError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not record.get("url"):
            raise CliError(f"{path}:{number}: a record needs at least a url")
        records.append(record)
    return records


def run(args: argparse.Namespace) -> int:
    english = read_jsonl(args.english)
    chinese = [record for path in args.chinese for record in read_jsonl(path)]
    from mee_archive.link.linker import link_items  # numpy and the dictionary code: only when linking

    started = time.monotonic()
    config = LinkConfig(threshold=args.threshold, margin=args.margin)

    def progress(step: str) -> None:
        print(f"  {time.monotonic() - started:5.1f} s  {step}", file=sys.stderr, flush=True)

    results = link_items(english, chinese, config, progress)
    elapsed = time.monotonic() - started
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for result in results:
            out.write(json.dumps(result.record(), ensure_ascii=False) + "\n")
    statuses = Counter(result.zh_status for result in results)
    print(f"linked {len(english)} English items against {len(chinese)} Chinese in {elapsed:.1f}s: "
          + ", ".join(f"{status} {count}" for status, count in sorted(statuses.items())))
    print(f"wrote {args.output}")
    return 0
