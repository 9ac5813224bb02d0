"""The archive-root option shared by the commands that work on an existing archive."""

from __future__ import annotations

import argparse
from pathlib import Path

from mee_archive.archive.layout import ArchiveLayout
from mee_archive.cli import CliError


def add_archive_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", default="output", type=Path, metavar="DIR",
                        help="archive root, as MEE_OUTPUT_DIR of the crawl (default: %(default)s)")


def archive_layout(args: argparse.Namespace) -> ArchiveLayout:
    """The archive named by ``--output``; a one-line error if it holds no WARC directory."""
    layout = ArchiveLayout(args.output)
    if not layout.warc_dir.is_dir():
        raise CliError(f"no archive at {args.output} (no warc/ directory)")
    return layout
