"""The figures a crawl reports: the end-of-crawl summary (which decides exit codes) and the progress line."""

from __future__ import annotations

from scrapy.utils.test import get_crawler

from mee_archive.extensions import CrawlSummary
from mee_archive.progress import progress_line


def test_summary_counts_failed_requests_and_broken_callbacks_as_errors() -> None:
    crawler = get_crawler(settings_dict={"TWISTED_REACTOR_ENABLED": False})
    summary = CrawlSummary.from_crawler(crawler)
    for key, value in {"mee/listed": 12, "item_scraped_count": 11, "response_received_count": 40,
                       "mee/errors": 2, "spider_exceptions/count": 1}.items():
        crawler.stats.set_value(key, value)
    summary.spider_closed(None, "finished")
    stats = crawler.stats.get_stats()
    assert {key.removeprefix("mee/summary/"): value for key, value in stats.items()
            if key.startswith("mee/summary/")} == {"listed": 12, "items": 11, "pages_fetched": 40, "errors": 3}


def test_a_clean_crawl_has_zero_errors_and_progress_reads_its_figures() -> None:
    crawler = get_crawler(settings_dict={"TWISTED_REACTOR_ENABLED": False})
    CrawlSummary.from_crawler(crawler).spider_closed(None, "finished")
    assert crawler.stats.get_value("mee/summary/errors") == 0
    line = progress_line("news_release", {"mee/list_pages": 3, "mee/list_pages_declared": 15,
                                          "item_scraped_count": 40, "mee/listed": 60, "mee/embeds": 7})
    assert line == ("news_release: list pages 3/15 · items 40/60 listed · embeds 7 · responses 0 · errors 0")


def test_the_progress_line_is_shown_by_rich_which_an_unshown_one_never_imports() -> None:
    """Every crawl loads the extension; rich (~30 ms) is imported only when the line is on. In
    a process of its own: the extension's LoopingCall installs Twisted's reactor."""
    import subprocess
    import sys
    from pathlib import Path

    probe = """
import sys
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler
from mee_archive.progress import Progress
try:
    Progress.from_crawler(get_crawler())
except NotConfigured:
    print(sorted(m for m in sys.modules if m.split(".")[0] == "rich"))
crawler = get_crawler(settings_dict={"MEE_PROGRESS": True})
crawler.stats.set_value("mee/list_pages", 2)
progress = Progress.from_crawler(crawler)
print(type(progress.text()).__module__, progress.text().plain == progress.line())
progress.tick()  # not a terminal: printed to stderr
"""
    out = subprocess.run([sys.executable, "-c", probe], cwd=Path(__file__).resolve().parents[2],
                         capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "rich.text True"]
    assert "list pages 2/?" in out.stderr
