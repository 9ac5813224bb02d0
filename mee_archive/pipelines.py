"""Item pipelines: thin Scrapy adapters over the pure functions that decide what happens to an item.

Order (settings.ITEM_PIPELINES): clean the text, validate against the schema, drop repeats.
"""

from __future__ import annotations

import json
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from mee_archive.addons import feed_path
from mee_archive.schemas import problems
from mee_archive.text import join_paragraphs, strip_boilerplate

# Which schema checks the items of which spider.
SCHEMA_OF_SPIDER = {"news_release": "release", "zh_news": "zh_article"}


class _CrawlerComponent:
    """Base for pipelines that need the crawler (settings, stats, the running spider)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    @property
    def spider_name(self) -> str:
        return self.crawler.spider.name if self.crawler.spider else ""


def _url_of_line(line: str) -> str | None:
    """The url of one feed line; None for a blank or cut-off line (a killed crawl can leave one)."""
    try:
        return json.loads(line)["url"]
    except (ValueError, KeyError, TypeError):
        return None


class BoilerplatePipeline:
    """Strip what is not the release (keywords strip, breadcrumb, footer, notice) and say what went.

    Works on whatever paragraphs the extractor found, including a whole-page fallback.
    """

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        kept, removed = strip_boilerplate(list(item.get("paragraphs") or []), title=item.get("title"))
        item["paragraphs"] = kept
        item["body"] = join_paragraphs(kept)
        item["boilerplate_removed"] = removed
        return item


class SchemaValidationPipeline(_CrawlerComponent):
    """Drop (and count) records that break the published JSON Schema, naming what is wrong."""

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        schema = SCHEMA_OF_SPIDER.get(self.spider_name)
        if schema is None:
            return item
        found = problems(schema, item)
        if found:
            self.crawler.stats.inc_value("mee/items_invalid")
            raise DropItem(f"{item.get('url')}: invalid record: {'; '.join(found)}")
        return item


class DuplicatesPipeline(_CrawlerComponent):
    """One record per URL, across runs too: URLs already in the spider's feed file are skipped."""

    def open_spider(self) -> None:
        self.seen: set[str] = set()
        path = feed_path(self.crawler.settings, self.spider_name)
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                self.seen.update(filter(None, map(_url_of_line, lines)))

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        url = item["url"]
        if url in self.seen:
            self.crawler.stats.inc_value("mee/items_duplicate")
            raise DropItem(f"{url}: already archived")
        self.seen.add(url)
        return item
