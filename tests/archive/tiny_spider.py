"""A tiny spider for the archive tests: follows every link of the test site, yields an item per
``/release/`` page. Run with ``scrapy runspider`` so the project's settings (and the archive
components) apply. MEE_START_URL names the first page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response


class TinySpider(scrapy.Spider):
    name = "tiny"

    async def start(self):
        yield scrapy.Request(self.settings.get("MEE_START_URL"), self.parse)

    def parse(self, response: Response) -> Iterator[Any]:
        if "/release/" in response.url:
            yield {"url": response.url, "docid": int(response.url.rsplit("/", 1)[1].split(".")[0]),
                   "title": response.css("h1::text").get()}
        if response.headers.get("Content-Type", b"").startswith(b"text/html"):
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href, self.parse)
