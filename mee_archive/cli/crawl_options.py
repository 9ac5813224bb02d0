"""Options and the closing report shared by the commands that crawl (`crawl`, `demo`).

Command modules import Scrapy, py-wacz and the linker's tables only when they run, so that
`mee-archive --help` answers at once."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from mee_archive.cli import CliError
from mee_archive.cli.archive_root import add_archive_root

if TYPE_CHECKING:  # the runner imports Scrapy: too slow for `--help`
    from mee_archive.runner import CrawlResult

# The spiders a full run starts, in this order: zh_news derives its date window from the English
# items and links them when it closes.
SPIDERS = ["news_release", "zh_news"]


def add_crawl_options(parser: argparse.ArgumentParser) -> None:
    """--output, --refresh, --full-list and --set, as every crawling command takes them."""
    add_archive_root(parser)
    parser.add_argument("--refresh", action="store_true",
                        help="fetch everything again, even what is archived (changed releases become new "
                        "revisions; identical ones are archived as WARC revisits); default: only what is new")
    parser.add_argument("--full-list", action="store_true",
                        help="walk every list page (setting MEE_FULL_LIST), e.g. weekly; default: stop after "
                        "the first page listing nothing new, plus MEE_LIST_OVERLAP_PAGES")
    parser.add_argument("--set", "-s", metavar="NAME=VALUE", action="append", default=[],
                        help="override a Scrapy/mee-archive setting (repeatable), e.g. -s DOWNLOAD_DELAY=5")


def settings_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The settings a crawl command line asks for."""
    overrides: dict[str, Any] = {"MEE_OUTPUT_DIR": str(Path(args.output).resolve()), "MEE_PROGRESS": True}
    if args.refresh:
        overrides["MEE_REFRESH"] = True
    if args.full_list:
        overrides["MEE_FULL_LIST"] = True
    for pair in args.set:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--set takes NAME=VALUE, got {pair!r}")
        overrides[name.strip()] = value
    from scrapy.settings import BaseSettings

    from mee_archive.spiders.zh_news import DATE_SETTINGS, setting_date

    try:  # checked before crawling, so that a typo is one line now rather than a failed crawl later
        for name in DATE_SETTINGS:
            setting_date(BaseSettings(overrides), name)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    return overrides


def report(results: list[CrawlResult], output: str) -> int:
    """Print the closing summary; return the exit code (1 when anything failed for good)."""
    console = Console()
    table = Table(title="mee-archive crawl summary")
    for column in ("spider", "items", "listed", "list pages", "pages fetched", "errors", "finish reason"):
        table.add_column(column, justify="left" if column in ("spider", "finish reason") else "right",
                         no_wrap=column == "spider")
    for r in results:
        table.add_row(
            r.spider, str(r.get("mee/summary/items")), str(r.get("mee/summary/listed")),
            f"{r.get('mee/list_pages')}/{r.get('mee/list_pages_declared', '?')}",
            str(r.get("mee/summary/pages_fetched")), str(r.errors), str(r.get("finish_reason", "?")),
        )
    console.print(table)
    for r in results:
        if not r.reached_site:
            raise CliError(f"could not reach the site: {r.get('mee/first_error', 'no response at all')}", exit_code=1)
        if r.errors:
            console.print(f"[yellow]{r.spider}: {r.errors} error(s); first: {r.get('mee/first_error', '?')}[/]")
    for r in results:
        links = {k.rsplit("/", 1)[1]: v for k, v in r.stats.items() if k.startswith("mee/links/")}
        if links:
            console.print("links to Chinese originals: " + " · ".join(f"{n} {k}" for k, n in sorted(links.items())))
    console.print(f"items: {Path(output, 'items').resolve()}/")
    if results and results[0].log_file:
        console.print(f"log:   {results[0].log_file}")
    return 1 if any(r.errors for r in results) else 0


def update_research_index(output: str | Path) -> None:
    """The crawl ends by bringing the research index up to date, so `search` never meets a stale one."""
    import sqlite3

    from mee_archive.research.index import update
    from mee_archive.research.schema import DamagedIndex

    try:
        report = update(Path(output))
    except (OSError, sqlite3.Error, DamagedIndex) as exc:
        Console(stderr=True).print(f"[yellow]research index not updated: {exc}[/] (run `mee-archive index`)")
        return
    changed = sum(feed.upserted + feed.removed for feed in report.feeds)
    Console().print(f"research index: {report.path} ({changed} record(s) updated; "
                    + ", ".join(f"{n} {t}" for t, n in report.counts.items()) + ")")
