"""Downloader middlewares of the crawl (archiving has its own, in mee_archive.archive)."""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler


class ProxyMiddleware:
    """Route every request through MEE_PROXY (the replica, or an archiving proxy).

    Spiders stay unaware of where the answers come from: they ask for the real URLs, and
    the proxy answers for them, so the archive records the real URLs too.
    """

    def __init__(self, proxy: str) -> None:
        self.proxy = proxy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ProxyMiddleware":
        return cls(crawler.settings.get("MEE_PROXY", ""))

    def process_request(self, request: Request) -> None:
        if self.proxy and "proxy" not in request.meta:
            request.meta["proxy"] = self.proxy
