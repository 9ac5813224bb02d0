"""`mee-archive browse`: Datasette over the research database, with the pair and chart pages."""

from __future__ import annotations

import argparse
import json
import sys

from mee_archive.cli.research_options import add_db_options, open_db, replay_of
from mee_archive.cli.serve_options import add_serve_options, announce, serve

DEFAULT_PORT = 8001  # Datasette's own default


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "browse", help="browse and search the archive in Datasette (loopback)",
        description="Start Datasette on the research database (run `mee-archive index` first; crawls do it): every "
        "table and column described, facets by year, section and link status, search in both languages "
        "(/-/mee/search), a release beside its Chinese original (/-/mee/release/DOCID) with links to both replays, "
        "charts (/-/mee/charts) and canned queries. Replay links point at `mee-archive replay` on --replay-port.",
        epilog="example: mee-archive browse --output /srv/mee & mee-archive replay --output /srv/mee")
    add_serve_options(parser, DEFAULT_PORT)
    add_db_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.research.datasette import PLUGINS_DIR, TEMPLATES_DIR
    from mee_archive.research.datasette.metadata import metadata
    from mee_archive.research.schema import db_path

    open_db(args).close()  # a one-line error when there is no index yet
    path = db_path(args.output)
    meta = args.output / "browse" / "metadata.json"
    meta.parent.mkdir(parents=True, exist_ok=True)
    meta.write_text(json.dumps(metadata(path.stem, replay_of(args)), ensure_ascii=False, indent=2), encoding="utf-8")
    announce(args, "Datasette", "/-/mee/search")
    return serve([sys.executable, "-m", "datasette", "serve", str(path), "--metadata", str(meta),
                  "--plugins-dir", str(PLUGINS_DIR), "--template-dir", str(TEMPLATES_DIR),
                  "--host", args.host, "--port", str(args.port)])
