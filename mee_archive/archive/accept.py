"""Downloader middleware: ask servers for ``gzip, deflate`` only while archiving.

Scrapy asks for ``br`` and ``zstd`` too when their libraries are installed, and several archive
readers cannot decode Brotli payloads. It runs after HttpCompressionMiddleware (590), whose
``setdefault`` would otherwise choose, and the warcinfo record states the value used.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings

# The codings every WARC reader decodes (MEE_WARC_ACCEPT_ENCODING overrides it).
DEFAULT_ACCEPT_ENCODING = "gzip, deflate"


def accept_encoding(settings: BaseSettings) -> str:
    """The Accept-Encoding archived requests carry (the warcinfo record states it too)."""
    return settings.get("MEE_WARC_ACCEPT_ENCODING", DEFAULT_ACCEPT_ENCODING)


class AcceptEncodingMiddleware:
    """Overrides the Accept-Encoding of every request while archiving is on."""

    def __init__(self, value: str) -> None:
        self.value = value.encode("ascii")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "AcceptEncodingMiddleware":
        if not crawler.settings.getbool("MEE_WARC_ENABLED", True):
            raise NotConfigured("archiving is off")
        return cls(accept_encoding(crawler.settings))

    def process_request(self, request: Request) -> None:
        request.headers[b"Accept-Encoding"] = self.value
