"""`mee-archive link`: relink existing English and Chinese items without crawling."""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from mee_archive.cli import CliError
from mee_archive.cli.argtypes import number
from mee_archive.cli.paths import output_file
from mee_archive.link.config import LinkConfig


def register(subparsers: argparse._SubParsersAction) -> None:
    defaults = LinkConfig()
    parser = subparsers.add_parser(
        "link", help="link English releases to their Chinese originals (JSONL in, JSONL out)",
        description="Read English items (url, title, published, body) and Chinese items from "
        "JSON Lines files, from any site, and write one record per English item: url, zh_url "
        "(or null), zh_status, score, evidence. Inputs must be UTF-8, one JSON object a line "
        "(at most 64 MiB) with a string url; title, published, body strings, docid an integer; "
        "an empty file is refused.")
    parser.add_argument("--english", required=True, type=Path, help="English items, JSONL")
    parser.add_argument("--chinese", required=True, type=Path, action="append",
                        help="Chinese items, JSONL (repeat to read several files)")
    parser.add_argument("--output", required=True, type=Path, help="where to write the links, JSONL")
    parser.add_argument("--threshold", type=number(0.0, 1.0), default=defaults.threshold,
                        help=f"lowest calibrated score that links, 0 to 1 (default {defaults.threshold})")
    parser.add_argument("--margin", type=number(0.0, 100.0), default=defaults.margin,
                        help=f"least log-odds lead over the runner-up, 0 to 100 (default {defaults.margin})")
    parser.set_defaults(func=run)


# The fields the linker and eval-links read, with the JSON types each may have (absent is fine,
# except for url). A record with another type is refused with its file, line and field, rather
# than failing deep in the linker.
FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "url": (str,),
    "title": (str, type(None)),
    "published": (str, type(None)),
    "body": (str, type(None)),
    "paragraphs": (list, type(None)),
    "docid": (int, type(None)),
    "zh_url": (str, type(None)),
    "score": (int, float, type(None)),
}
TYPE_NAMES = {str: "a string", list: "a list", int: "an integer", float: "a number", type(None): "null"}
# Lines longer than this (64 MiB) are refused: one record is a news item, not a corpus.
MAX_LINE_BYTES = 64 * 1024**2


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file (blank lines skipped). Anything else — a file that cannot
    be read, bytes that are not UTF-8, a line that is not a JSON object, nested too deeply, or a
    field of the wrong type (FIELD_TYPES), or no record at all — is a CliError naming the line."""
    try:
        with path.open("rb") as lines:
            records = [record for number, line in enumerate(lines, start=1)
                       if (record := parse_line(path, number, line)) is not None]
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not records:
        raise CliError(f"{path}: no records (an empty file)")
    return records


def parse_line(path: Path, number: int, line: bytes) -> dict[str, Any] | None:
    """One record of read_jsonl, or None for a blank line."""
    where = f"{path}:{number}"
    if len(line) > MAX_LINE_BYTES:
        raise CliError(f"{where}: line longer than {MAX_LINE_BYTES // 1024**2} MiB")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CliError(f"{where}: not UTF-8 (byte {exc.start + 1} of the line)") from None
    if not text.strip():
        return None
    try:
        record = json.loads(text)
    except ValueError as exc:  # JSONDecodeError, or an integer of more digits than Python reads
        raise CliError(f"{where}: not JSON ({getattr(exc, 'msg', exc)})") from None
    except RecursionError:
        raise CliError(f"{where}: JSON nested too deeply") from None
    if not isinstance(record, dict) or not record.get("url"):
        raise CliError(f"{where}: a record needs at least a url")
    for name, types in FIELD_TYPES.items():
        value = record.get(name)
        if name in record and not (isinstance(value, types) and not isinstance(value, bool)):
            wanted = " or ".join(TYPE_NAMES[t] for t in types if not (t is int and float in types))
            raise CliError(f"{where}: field {name!r} must be {wanted}, not {json.dumps(value)[:40]}")
    if isinstance(record.get("score"), float) and not math.isfinite(record["score"]):
        raise CliError(f"{where}: field 'score' must be a finite number")
    return record


def run(args: argparse.Namespace) -> int:
    output_file(args.output)  # before the linking, not after it
    english = read_jsonl(args.english)
    chinese = [record for path in args.chinese for record in read_jsonl(path)]
    from mee_archive.link.linker import link_items  # numpy and the dictionary code: only when linking

    started = time.monotonic()
    config = LinkConfig(threshold=args.threshold, margin=args.margin)

    def progress(step: str) -> None:
        print(f"  {time.monotonic() - started:5.1f} s  {step}", file=sys.stderr, flush=True)

    results = link_items(english, chinese, config, progress)
    elapsed = time.monotonic() - started
    with args.output.open("w", encoding="utf-8") as out:
        for result in results:
            out.write(json.dumps(result.record(), ensure_ascii=False) + "\n")
    statuses = Counter(result.zh_status for result in results)
    print(f"linked {len(english)} English items against {len(chinese)} Chinese in {elapsed:.1f}s: "
          + ", ".join(f"{status} {count}" for status, count in sorted(statuses.items())))
    print(f"wrote {args.output}")
    return 0
