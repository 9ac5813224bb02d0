"""Crawl-wide extensions: the end-of-crawl summary (archiving lives in mee_archive.archive)."""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler


class CrawlSummary:
    """Put the figures an archivist checks first into the stats, under ``mee/summary/``.

    Listed pages come from the spider's ``mee/listed`` counter (releases, or Chinese articles in
    the date window); found ones are the items written. The CLI prints these and exits 1 on
    errors (so does ``scrapy crawl``, mee_archive.commands.crawl); scrapyd users find them in the
    job log.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "CrawlSummary":
        return cls(crawler)

    def spider_closed(self, spider: Any, reason: str) -> None:
        stats = self.stats.get_stats()
        self.stats.set_value("mee/summary/listed", stats.get("mee/listed", 0))
        self.stats.set_value("mee/summary/items", stats.get("item_scraped_count", 0))
        self.stats.set_value("mee/summary/pages_fetched", stats.get("response_received_count", 0))
        # Requests that failed for good (the spiders' errbacks count them) and callbacks that broke.
        errors = stats.get("mee/errors", 0) + stats.get("spider_exceptions/count", 0)
        self.stats.set_value("mee/summary/errors", errors)
