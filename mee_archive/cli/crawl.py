"""`mee-archive crawl`: crawl the real sites (or any proxy answering for them) into the archive."""

from __future__ import annotations

import argparse

from mee_archive.cli import CliError
from mee_archive.cli.crawl_options import (SPIDERS, add_crawl_options, report, settings_overrides,
                                           update_research_index)
from mee_archive.cli.paths import output_directory


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "crawl",
        help="crawl the News Release section into the archive",
        description="Crawl english.mee.gov.cn's News Release section (every list page, release, image "
        "and attachment) into the archive directory. Exits 1 if any request failed for good.",
        epilog="example: mee-archive crawl --output /srv/mee --proxy http://127.0.0.1:8080",
    )
    parser.add_argument("spiders", nargs="*", metavar="SPIDER", default=SPIDERS,
                        help=f"spiders to run (default: {' '.join(SPIDERS)}; choices: {', '.join(SPIDERS)})")
    parser.add_argument("--proxy", metavar="URL", default="",
                        help="HTTP proxy answering for the sites, e.g. a replica from `mee-archive replica serve`")
    add_crawl_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    unknown = sorted(set(args.spiders) - set(SPIDERS))
    if unknown:
        raise CliError(f"unknown spider(s): {', '.join(unknown)} (choose from {', '.join(SPIDERS)})")
    output_directory(args.output)
    overrides = settings_overrides(args)
    if args.proxy:
        overrides["MEE_PROXY"] = args.proxy
    from mee_archive.runner import crawl

    code = report(crawl(args.spiders, overrides), args.output)
    update_research_index(args.output)
    return code
