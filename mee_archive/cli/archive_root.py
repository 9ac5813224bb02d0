"""The archive-directory option every command shares (`--output/-o DIR`, MEE_OUTPUT_DIR)."""

from __future__ import annotations

import argparse
from pathlib import Path

from mee_archive.archive.layout import ArchiveLayout
from mee_archive.cli import CliError


def add_archive_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", "-o", default=Path("output"), type=Path, metavar="DIR",
                        help="archive directory (setting MEE_OUTPUT_DIR): items/, warc/, index/, state/, "
                        "runs/, logs/ (default: %(default)s)")


def archive_layout(args: argparse.Namespace) -> ArchiveLayout:
    """The archive named by ``--output``; a one-line error if it holds no WARC directory."""
    layout = ArchiveLayout(args.output)
    if not layout.warc_dir.is_dir():
        raise CliError(f"no archive at {args.output} (no warc/ directory)")
    return layout
