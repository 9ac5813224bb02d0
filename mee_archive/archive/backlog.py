"""Downloader middleware that holds a download while the WARC recorder is behind.

The capture extension hands every exchange to a recorder in a child process and goes on; a site
that answers faster than the records are written (loopback, large attachments) would otherwise
pile the bodies up in the crawl's memory. When the recorder's backlog passes MEE_WARC_BACKLOG
bytes as an exchange is handed over, the capture marks it, and this middleware keeps its response
until its record is written. The response stays one of the downloader's active requests
meanwhile, so no more than CONCURRENT_REQUESTS responses (each with its frame in the backlog)
are held past the bound (the per-host slot is free again: a slow host is not what is waited
for). Records are written in order, so that wait is for the backlog ahead of it to drain.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from mee_archive.archive.citation import META_KEY, written


class RecorderBacklogMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "RecorderBacklogMiddleware":
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Response:
        capture = request.meta.get(META_KEY)
        if capture and capture.get("backlogged"):
            self.stats.inc_value("mee/warc/backlog_waits")
            await written(request.meta)
        return response
