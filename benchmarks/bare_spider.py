"""The do-nothing Scrapy spider of the crawl benchmark: fetches every URL of a list, keeps nothing.

    python benchmarks/bare_spider.py URLS.txt PROXY

What a user would write with Scrapy alone: the same URLs through the same proxy, at the same
concurrency as mee-archive's benchmark crawl (16, no delay, no AutoThrottle, no robots.txt: the
list already holds robots.txt), the same asyncio reactor. Scrapy's default components stay on
(retries, redirects, decompression); no item, no pipeline, no feed, no archive.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import scrapy
from scrapy.crawler import CrawlerProcess

SETTINGS = {
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "ROBOTSTXT_OBEY": False,
    "TELNETCONSOLE_ENABLED": False,
    "HTTPERROR_ALLOW_ALL": True,
    "LOG_LEVEL": "INFO",
    "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
}


class BareSpider(scrapy.Spider):
    """Requests each listed URL once and ignores the answer."""

    name = "bare"

    def __init__(self, urls: list[str], proxy: str) -> None:
        super().__init__()
        self.urls, self.proxy = urls, proxy

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.urls:
            yield scrapy.Request(url, meta={"proxy": self.proxy}, dont_filter=True, callback=self.parse)

    def parse(self, response: scrapy.http.Response) -> None:
        return None


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: bare_spider.py URLS.txt PROXY", file=sys.stderr)
        return 2
    urls = Path(argv[1]).read_text("utf-8").split()
    process = CrawlerProcess(SETTINGS)
    process.crawl(BareSpider, urls=urls, proxy=argv[2])
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
