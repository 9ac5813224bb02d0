"""A Scrapy extension that shows crawl progress on the console (used by the CLI).

Off by default (scrapyd and ``scrapy crawl`` have their logs); ``MEE_PROGRESS = True`` turns it
on. On a terminal one line is redrawn in place; elsewhere (CI, cron) a line is printed per tick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

if TYPE_CHECKING:  # rich is imported only when the line is shown: every crawl loads this module
    from rich.live import Live
    from rich.text import Text


def progress_line(spider: str, stats: dict[str, Any]) -> str:
    """One line of the figures that tell whether a crawl is getting on."""
    return (
        f"{spider}: list pages {stats.get('mee/list_pages', 0)}/{stats.get('mee/list_pages_declared', '?')}"
        f" · items {stats.get('item_scraped_count', 0)}/{stats.get('mee/listed', 0)} listed"
        f" · embeds {stats.get('mee/embeds', 0)}"
        f" · responses {stats.get('response_received_count', 0)}"
        f" · errors {stats.get('mee/errors', 0)}"
    )


class Progress:
    def __init__(self, crawler: Crawler, interval: float) -> None:
        from rich.console import Console

        self.crawler = crawler
        self.console = Console(stderr=True)
        self.live: Live | None = None
        self.loop = task.LoopingCall(self.tick)
        self.interval = interval if self.console.is_terminal else max(interval, 10.0)
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "Progress":
        if not crawler.settings.getbool("MEE_PROGRESS"):
            raise NotConfigured
        return cls(crawler, crawler.settings.getfloat("MEE_PROGRESS_INTERVAL"))

    def line(self) -> str:
        name = self.crawler.spider.name if self.crawler.spider else "crawl"
        return progress_line(name, self.crawler.stats.get_stats())

    def text(self) -> Text:
        from rich.text import Text

        return Text(self.line())

    def opened(self, spider: Any) -> None:
        if self.console.is_terminal:
            from rich.live import Live

            self.live = Live(self.text(), console=self.console, transient=True)
            self.live.start()
        self.loop.start(self.interval, now=False)

    def tick(self) -> None:
        if self.live:
            self.live.update(self.text())
        else:
            self.console.print(self.line(), highlight=False)

    def closed(self, spider: Any, reason: str) -> None:
        if self.loop.running:
            self.loop.stop()
        if self.live:
            self.live.stop()
