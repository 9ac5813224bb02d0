"""Options shared by the researchers' commands (`search`, `show`, `export`, `cite`, `browse`):
the archive, the replay port their links point at, and the filters."""

from __future__ import annotations

import argparse
import calendar
import os
import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mee_archive.cli import CliError
from mee_archive.cli.archive_root import add_archive_root
from mee_archive.research.replay import DEFAULT_PORT, replay_base
from mee_archive.research.schema import connect, db_path

if TYPE_CHECKING:  # the search module loads OpenCC and the linker's resources: not for --help
    from mee_archive.research.search import Filters

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _date(text: str, *, last: bool) -> str:
    match = _DATE.match(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    year, month, day = match.groups()
    month = month or ("12" if last else "01")
    if day is None:
        day = str(calendar.monthrange(int(year), int(month))[1]) if last and 1 <= int(month) <= 12 else "01"
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r}") from None


def since_date(text: str) -> str:
    return _date(text, last=False)


def until_date(text: str) -> str:
    return _date(text, last=True)


def port(text: str) -> int:
    value = int(text) if text.isdigit() else -1
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"not a TCP port: {text!r}")
    return value


def add_db_options(parser: argparse.ArgumentParser) -> None:
    add_archive_root(parser)
    parser.add_argument("--replay-port", type=port, default=int(os.environ.get("MEE_REPLAY_PORT", DEFAULT_PORT)),
                        metavar="PORT", help="port of `mee-archive replay` that replay links point at "
                        "(env MEE_REPLAY_PORT; default: %(default)s)")


def add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("en", "zh", "both"), default="both",
                        help="search the English releases, the Chinese articles, or both, where a release is "
                        "also found through its Chinese original's text and the reverse (default: %(default)s)")
    parser.add_argument("--since", type=since_date, metavar="DATE", help="published on or after (YYYY[-MM[-DD]])")
    parser.add_argument("--until", type=until_date, metavar="DATE", help="published on or before (YYYY[-MM[-DD]])")
    parser.add_argument("--section", metavar="S", help="English section (news_release) or Chinese channel "
                        "(e.g. hjywnews) of the documents reported")
    linked = parser.add_mutually_exclusive_group()
    linked.add_argument("--linked", dest="linked", action="store_const", const=True,
                        help="only releases linked to a Chinese original (and originals linked to a release)")
    linked.add_argument("--unlinked", dest="linked", action="store_const", const=False, help="only unlinked ones")


def filters(args: argparse.Namespace) -> Filters:
    from mee_archive.research.search import Filters

    return Filters(since=args.since, until=args.until, section=args.section, linked=args.linked)


def replay_of(args: argparse.Namespace) -> str:
    return replay_base(args.replay_port)


def open_db(args: argparse.Namespace) -> sqlite3.Connection:
    """The archive's research database; a one-line error if `mee-archive index` never ran."""
    path = db_path(Path(args.output))
    try:
        return connect(path)
    except FileNotFoundError:
        raise CliError(f"no research index at {path}: run `mee-archive index --output {args.output}` first") from None
