"""`mee-archive verify`: check an archive and say clearly what, if anything, is wrong."""

from __future__ import annotations

import argparse

from mee_archive.cli.archive_root import add_archive_root, archive_layout

SHOWN = 50  # faults listed one per line; the rest are counted


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify", help="check WARC digests, item citations and the index of an archive",
        description="Recompute every WARC record's digests, resolve every JSON item's WARC "
        "pointer, and check that the CDXJ index and the WARC files agree. Exits 1 on any fault.")
    add_archive_root(parser)
    parser.add_argument("--repair", action="store_true",
                        help="first close WARC files a killed crawl left open (truncating them "
                        "to their last complete record), as the next crawl would")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mee_archive.archive.repair import recover  # warcio, Scrapy: only when verifying
    from mee_archive.archive.verify import verify_archive

    layout = archive_layout(args)
    if args.repair:
        for path in recover(layout):
            print(f"repaired {path.name}")
    report = verify_archive(layout.root)
    for name, count in report.counts.items():
        print(f"{name:>26}: {count}")
    _print_some("warning", report.warnings)
    _print_some("FAULT", report.faults)
    print(f"archive {layout.root}: " + ("OK" if report.ok else f"{len(report.faults)} fault(s)"))
    return 0 if report.ok else 1


def _print_some(label: str, messages: list[str]) -> None:
    """The first SHOWN messages one per line, then how many more there are (an archive with a
    systematic fault has thousands of the same)."""
    for message in messages[:SHOWN]:
        print(f"{label}: {message}")
    if len(messages) > SHOWN:
        print(f"... and {len(messages) - SHOWN} more {label.lower()}s")
