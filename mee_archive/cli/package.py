"""`mee-archive package`: build a WACZ of one crawl, or of the whole archive."""

from __future__ import annotations

import argparse
from pathlib import Path

from mee_archive.cli import CliError
from mee_archive.cli.archive_root import add_archive_root, archive_layout
from mee_archive.cli.paths import output_file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "package", help="build a WACZ (web archive collection zip) of a crawl or the whole archive",
        description="Package closed WARC files with their index and a pages.jsonl listing the "
        "releases into a WACZ that ReplayWeb.page and pywb open; `wacz validate` accepts it.")
    add_archive_root(parser)
    parser.add_argument("--crawl", metavar="CRAWL_ID",
                        help="only the WARC files of this crawl (default: the whole archive)")
    parser.add_argument("--pages-of", metavar="SPIDER", action="append",
                        help="list the items of this spider as the WACZ's pages; repeatable "
                        "(default: news_release, the releases)")
    parser.add_argument("--wacz", type=Path, metavar="FILE",
                        help="file to write (default: <output>/wacz/<crawl id or 'archive'>.wacz)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.archive.index import UnreadableWarc
    from mee_archive.archive.package import PackageError, build_wacz
    from mee_archive.archive.rawrecord import starts_as_warc
    from mee_archive.archive.repair import recover

    layout = archive_layout(args)
    foreign = [warc for warc in layout.closed_warcs(args.crawl) if not starts_as_warc(warc)]
    if foreign:  # before anything indexes it: cdxj-indexer and py-wacz take it for an empty WARC
        raise CliError(f"{foreign[0]}: not a WARC file that can be read (no WARC record at its start)"
                       + (f"; {len(foreign) - 1} more like it" if len(foreign) > 1 else ""), exit_code=1)
    try:
        recover(layout)  # a killed crawl's last file belongs in the package too
    except UnreadableWarc as exc:
        raise CliError(str(exc), exit_code=1) from None
    warcs = layout.closed_warcs(args.crawl)
    if not warcs:
        raise CliError(f"no WARC files{f' of crawl {args.crawl}' if args.crawl else ''} in {layout.warc_dir}")
    target = output_file(args.wacz or layout.root / "wacz" / f"{args.crawl or 'archive'}.wacz", "--wacz")
    title = f"MEE news releases, crawl {args.crawl}" if args.crawl else "MEE news releases"
    try:
        pages = build_wacz(warcs, target, title, set(args.pages_of or ["news_release"]))
    except PackageError as exc:
        raise CliError(f"py-wacz failed: {exc}", exit_code=1) from None
    except ValueError as exc:  # a record the page list could not read
        raise CliError(f"cannot read the WARC files: {exc}", exit_code=1) from None
    print(f"{target}: {len(warcs)} WARC file(s), {pages} page(s)")
    return 0
