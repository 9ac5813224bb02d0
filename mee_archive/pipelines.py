"""Item pipelines: thin Scrapy adapters over the pure functions that decide what happens to an item.

Order (settings.ITEM_PIPELINES): clean the text, validate against the schema, drop repeats.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from mee_archive.addons import feed_path
from mee_archive.feeds import read_records, write_records_atomically
from mee_archive.schemas import problems
from mee_archive.signals import report_failure
from mee_archive.spiders.news_release import NewsReleaseSpider
from mee_archive.spiders.zh_news import ZhNewsSpider
from mee_archive.text import join_paragraphs, strip_boilerplate
from mee_archive.urlkeys import url_key

if TYPE_CHECKING:  # the linker itself is imported only when there is something to link
    from mee_archive.link import LinkResult

_LOG = logging.getLogger(__name__)

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


# What a page says, as opposed to when and how it was fetched: a change in any of these makes a
# new revision of a record.
CONTENT_FIELDS = ("title", "published", "body", "images", "attachments", "source")


def content_digest(item: dict[str, Any]) -> str:
    """A digest of what the page says (not of its bytes: a new session id or counter in the
    markup is not a new revision)."""
    content = {name: item[name] for name in CONTENT_FIELDS if name in item}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()


def record_ref(record: dict[str, Any]) -> dict[str, Any]:
    """How a later revision names an earlier record: its run, fetch time and content digest."""
    return {
        "run_id": record.get("run_id"),
        "crawled_at": record.get("crawled_at"),
        "content_digest": record.get("content_digest") or content_digest(record),
    }


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


def _longest(value: Any) -> int:
    """The length of the longest string in a field's value (paragraphs, captions and titles of
    media included), 0 without any; found without listing them (this ran on every item)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        value = value.values()
    elif not isinstance(value, list):
        return 0
    return max(map(_longest, value), default=0)


def overlong(item: dict[str, Any], limit: int) -> list[str]:
    """The item's fields holding a text longer than ``limit`` characters, each named."""
    longest = {name: _longest(value) for name, value in item.items()}
    return [f"{name}: {n} characters, more than MEE_MAX_TEXT_CHARS={limit}" for name, n in longest.items() if n > limit]


def record_problems(spider: str, item: dict[str, Any], limit: int) -> list[str]:
    """What makes ``spider``'s record invalid: its schema's complaints and overlong fields."""
    schema = SCHEMA_OF_SPIDER.get(spider)
    return [] if schema is None else problems(schema, item) + overlong(item, limit)


class SchemaValidationPipeline(_CrawlerComponent):
    """Drop records that break the published JSON Schema or MEE_MAX_TEXT_CHARS: counted, and
    named as a loss of the run with what is wrong (the run manifest's errors)."""

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        found = record_problems(self.spider_name, item, self.crawler.settings.getint("MEE_MAX_TEXT_CHARS"))
        if found:
            self.crawler.stats.inc_value("mee/items_invalid")
            reason = f"invalid record: {'; '.join(problem[:300] for problem in found)}"
            report_failure(self.crawler, str(item.get("url")), reason)
            raise DropItem(f"{item.get('url')}: {reason}")
        return item


# The fields of record_ref, in the order Revisions keeps them.
_REF_FIELDS = ("run_id", "crawled_at", "content_digest")
_DIGEST = _REF_FIELDS.index("content_digest")


def _interned(value: Any) -> Any:
    return sys.intern(value) if isinstance(value, str) else value


class Revisions:
    """One record per version of a page: which records of a page are new, unchanged repeats (to
    drop) or changes of the latest one (``revision_of`` names it). Shared by the crawl and
    ``mee-archive rederive``. A crawl holds one latest version per page, so each is small: under
    its URL's key (mee_archive.urlkeys), a tuple of record_ref's values, not a dict, with the run
    id and fetch time interned (records share them: one run, one second)."""

    def __init__(self, records: Iterable[dict[str, Any]] = ()) -> None:
        self.latest = {url_key(r["url"]): self._ref(r) for r in records if isinstance(r.get("url"), str)}

    @staticmethod
    def _ref(record: dict[str, Any]) -> tuple[Any, ...]:
        ref = record_ref(record)
        return _interned(ref["run_id"]), _interned(ref["crawled_at"]), ref["content_digest"]

    def classify(self, item: dict[str, Any]) -> str:
        """``new``, ``unchanged`` or ``changed`` (then with ``revision_of``); the item gains its
        ``content_digest`` and becomes the page's latest version unless unchanged."""
        item["content_digest"] = content_digest(item)
        key = url_key(item["url"])
        earlier = self.latest.get(key)
        if earlier is not None and earlier[_DIGEST] == item["content_digest"]:
            return "unchanged"
        if earlier is not None:
            item["revision_of"] = dict(zip(_REF_FIELDS, earlier))
        self.latest[key] = self._ref(item)
        return "new" if earlier is None else "changed"


class DuplicatesPipeline(_CrawlerComponent):
    """One record per version of a page, across runs (:class:`Revisions`): the feed holds each URL
    once, plus a new record each time its content changed.

    Every record passing here gets the run's id (``run_id``, = MEE_CRAWL_ID) and its
    ``content_digest``. The feed itself is read to know what is there, not the crawl state: the
    feed is the source of truth for items, even after a kill (mee_archive.feeds).
    """

    def open_spider(self) -> None:
        self.run_id = self.crawler.settings.get("MEE_CRAWL_ID")
        self.revisions = Revisions(read_records(feed_path(self.crawler.settings, self.spider_name)))

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        item["run_id"] = self.run_id
        verdict = self.revisions.classify(item)
        self.crawler.stats.inc_value(f"mee/items/{verdict}")
        if verdict == "unchanged":
            raise DropItem(f"{item['url']}: already archived, unchanged", log_level="DEBUG")
        return item


def _linked(english: list[dict[str, Any]], chinese: list[dict[str, Any]]) -> list[LinkResult]:
    """``link_items`` of a running crawl (no fork), or nothing when there is no English release
    to link: a Chinese crawl before any English one does not start the linker (numpy, its
    tables: ~1 s of that crawl's close, for no link)."""
    if not english:
        return []
    # Imported here, not at the top: the linker's dictionaries and numpy cost every
    # news_release crawl ~1.5 s of start-up, and only zh_news links.
    from mee_archive.link import link_items

    return link_items(english, chinese, progress=_LOG.info, fork_workers=False)


class LinkPipeline(_CrawlerComponent):
    """When the Chinese crawl ends, link every archived English release to its Chinese original.

    Linking is one-to-one across the whole archive, so it waits for all Chinese items (this run's
    and earlier runs') and then rewrites the English feed with ``zh``/``zh_status`` on every
    record, atomically, plus ``items/links.jsonl`` (one line per release). Runs after the
    news_release crawl, never beside it: the two would write the same file.
    """

    def open_spider(self) -> None:
        self.active = self.spider_name == ZhNewsSpider.name
        self.chinese: dict[str, dict[str, Any]] = {}

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        if self.active:
            self.chinese[item["url"]] = item
        return item

    def close_spider(self) -> None:
        if not self.active:
            return
        settings = self.crawler.settings
        english_feed = feed_path(settings, NewsReleaseSpider.name)
        english = list(read_records(english_feed))
        if not self.chinese and all("zh_status" in record for record in english):
            # Nothing new on either side: the links stand, and a daily run need not pay for them.
            self.crawler.stats.set_value("mee/links/kept", len(english))
            return
        chinese = {r["url"]: r for r in read_records(feed_path(settings, ZhNewsSpider.name)) if "url" in r}
        chinese.update(self.chinese)
        latest = list({record["url"]: record for record in english}.values())
        results = {r.url: r for r in _linked(latest, list(chinese.values()))}
        for record in english:
            result = results[record["url"]]
            record["zh"], record["zh_status"] = result.zh, result.zh_status
        write_records_atomically(english_feed, english)
        write_records_atomically(english_feed.with_name("links.jsonl"), [r.record() for r in results.values()])
        for result in results.values():
            self.crawler.stats.inc_value(f"mee/links/{result.zh_status}")
