"""`mee-archive replay`: pywb over the archive's WARC files and CDXJ index, in place."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mee_archive.cli import CliError
from mee_archive.cli.archive_root import add_archive_root, archive_layout
from mee_archive.cli.serve_options import add_serve_options, announce, serve


def register(subparsers: argparse._SubParsersAction) -> None:
    from mee_archive.research.replay import COLLECTION, DEFAULT_PORT

    parser = subparsers.add_parser(
        "replay", help="replay the archived pages with pywb (loopback)",
        description="Serve the archive with pywb straight from <output>/warc/ and <output>/index/ (a generated "
        f"config in <output>/replay/; no WARC is copied). Pages replay at http://HOST:PORT/{COLLECTION}/<timestamp>/<url>, "
        "the addresses search results, `show` and `browse` link to.",
        epilog="example: mee-archive replay --output /srv/mee --port 8090")
    add_serve_options(parser, DEFAULT_PORT)
    add_archive_root(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.research.replay import COLLECTION, write_config

    layout = archive_layout(args)
    if not any(layout.index_dir.glob("*.cdxj")):
        raise CliError(f"no CDXJ index in {layout.index_dir}: nothing to replay yet", exit_code=1)
    wayback = Path(sys.executable).with_name("wayback")
    if not wayback.exists():
        raise CliError("pywb is not installed in this environment (pip install -e .)", exit_code=1)
    config = write_config(layout.root)
    announce(args, "pywb replay", f"/{COLLECTION}/")
    return serve([str(wayback), "-b", args.host, "-p", str(args.port)], cwd=str(config.parent))
