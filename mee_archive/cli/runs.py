"""`mee-archive runs`: the archive's run manifests as a table, newest last."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from mee_archive.cli import CliError
from mee_archive.cli.archive_root import add_archive_root
from mee_archive.cli.argtypes import integer

COLUMNS = ("crawl id", "spider", "started (UTC)", "took", "end", "new", "changed", "skipped",
           "304s", "requests", "MB", "retries", "errors", "WARCs")
# Wide enough for every column when the output is a file or a pipe (cron mails, logs).
PLAIN_WIDTH = 160


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "runs",
        help="list the archive's runs (from output/runs/*.json)",
        description="List the runs recorded in the archive's manifests: when each ran, what it added "
        "or found changed, what it skipped as already archived, what it fetched, and its errors. "
        "A run still marked running was killed or is in progress. A manifest that cannot be read "
        "is named on stderr after the table (exit 1); the others are still listed.",
        epilog="example: mee-archive runs --output /srv/mee --last 10",
    )
    add_archive_root(parser)
    parser.add_argument("--last", type=integer(0), default=0, metavar="N", help="only the N most recent runs")
    parser.set_defaults(func=run)


def took(manifest: dict[str, Any]) -> str:
    start, end = manifest.get("started_at"), manifest.get("finished_at")
    if not (start and end):
        return "-"
    seconds = int((datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds())
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def row(manifest: dict[str, Any]) -> list[str]:
    counts = manifest.get("counts", {})
    from mee_archive.manifest import ITEMS_OF_SPIDER

    items = counts.get(ITEMS_OF_SPIDER.get(manifest.get("spider", ""), "items"), {})
    status = manifest.get("finish_reason") or manifest.get("status", "?")
    return [
        str(manifest.get("crawl_id", "?")), str(manifest.get("spider", "?")),
        str(manifest.get("started_at", "?"))[:19].replace("T", " "), took(manifest), status,
        str(items.get("new", "-")), str(items.get("changed", "-")), str(items.get("not_fetched_archived", "-")),
        str(counts.get("list_pages_not_modified", "-")), str(counts.get("requests", "-")),
        f"{counts['bytes_received'] / 1e6:.1f}" if "bytes_received" in counts else "-",
        str(counts.get("retries", "-")), str(manifest.get("error_count", "-")),
        str(len(manifest.get("warc_files", []))) if "warc_files" in manifest else "-",
    ]


def run(args: argparse.Namespace) -> int:
    directory = Path(args.output, "runs")
    if not directory.is_dir():
        raise CliError(f"no runs recorded in {directory.resolve()} (is --output the archive directory?)")
    from mee_archive.manifest import read_manifests  # Scrapy: only when listing

    unreadable: list[tuple[Path, str]] = []
    manifests = read_manifests(directory, unreadable)
    if args.last > 0:
        manifests = manifests[-args.last:]
    table = Table(title=f"mee-archive runs in {Path(args.output).resolve()}")
    for column in COLUMNS:
        table.add_column(column, justify="left" if column in COLUMNS[:5] else "right", no_wrap=True)
    for manifest in manifests:
        try:
            table.add_row(*row(manifest))
        except (TypeError, ValueError, KeyError, AttributeError) as exc:  # a field of the wrong kind
            unreadable.append((directory / f"{manifest.get('crawl_id')}.json", f"malformed ({exc})"))
    console = Console()
    if not console.is_terminal:
        console.width = PLAIN_WIDTH
    console.print(table)
    print("skipped: releases (or Chinese pages) not fetched because already archived; "
          "304s: list pages not modified")
    for path, reason in unreadable:
        print(f"mee-archive runs: error: {path}: {reason}", file=sys.stderr)
    return 1 if unreadable else 0
