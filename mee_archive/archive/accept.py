"""Downloader middleware: ask servers for ``gzip, deflate`` only while archiving.

Scrapy asks for ``br`` and ``zstd`` too when their libraries are installed, and several archive
readers cannot decode Brotli payloads. It runs after HttpCompressionMiddleware (590), whose
``setdefault`` would otherwise choose, and the warcinfo record states the value used.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured


class AcceptEncodingMiddleware:
    def __init__(self, value: str) -> None:
        self.value = value.encode("ascii")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "AcceptEncodingMiddleware":
        if not crawler.settings.getbool("MEE_WARC_ENABLED", True):
            raise NotConfigured("archiving is off")
        return cls(crawler.settings.get("MEE_WARC_ACCEPT_ENCODING", "gzip, deflate"))

    def process_request(self, request: Request) -> None:
        request.headers[b"Accept-Encoding"] = self.value
