"""Scrapy extension that archives every HTTP exchange of a crawl as WARC records.

It listens to the downloader instead of being called by spiders, so no spider can forget to
archive and no fetched byte escapes it. ``response_downloaded`` fires before any downloader
middleware has run on the response: the body is still content-coded (gzip stays gzip) and the
request is the one actually sent, after all request middlewares (scrapy.core.downloader._download).

Per exchange it writes a ``response`` record, or a ``revisit`` when the digest index already
holds the identical payload for the URL, then the ``request`` record (WARC-Concurrent-To the
response). WARC-Target-URI is the site URL even when the crawl goes through an HTTP proxy (the
replica): the proxy only carries the exchange. WARC-IP-Address is ``response.ip_address``, the
address the connection went to, which through a proxy is the proxy's (stated in the warcinfo).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Any

import scrapy
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro

from mee_archive import __version__
from mee_archive.addons import new_crawl_id, output_dir
from mee_archive.archive import records
from mee_archive.archive.accept import accept_encoding
from mee_archive.archive.citation import META_KEY
from mee_archive.archive.dedup import DigestIndex, Stored
from mee_archive.archive.httpbytes import request_head, response_head, wire_protocol
from mee_archive.archive.index import LiveIndex, cdxj_line
from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.repair import recover
from mee_archive.archive.writer import RecordLocation, RotatingWarcWriter

logger = logging.getLogger(__name__)
# request.meta key holding the WARC-Date of a download under way (set when its head arrives).
_STARTED = "mee_warc_started"
# Response flags of a body Scrapy cut short -> WARC-Truncated reason.
_TRUNCATED = {"dataloss": "disconnect", "download_stopped": "unspecified"}
# WARC files rotate at this size unless MEE_WARC_MAX_SIZE says otherwise.
DEFAULT_MAX_SIZE = 1024**3


def _now() -> str:
    return records.warc_date(datetime.now(timezone.utc))


class WarcCapture:
    """Writes the records of every download and of every item derived from one (see module doc)."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("MEE_WARC_ENABLED", True):
            raise NotConfigured("archiving is off (MEE_WARC_ENABLED)")
        if settings.getbool("HTTPCACHE_ENABLED"):
            logger.warning("HTTPCACHE_ENABLED: answers served from the cache never reach the "
                           "downloader and are not archived")
        self.crawler = crawler
        self.layout = ArchiveLayout(output_dir(settings))
        self.crawl_id = settings.get("MEE_CRAWL_ID") or new_crawl_id()
        if "/" in self.crawl_id:
            raise ValueError(f"MEE_CRAWL_ID must be usable in a file name: {self.crawl_id!r}")
        self.writer = RotatingWarcWriter(
            self.layout.warc_dir,
            prefix=settings.get("MEE_WARC_PREFIX", "mee-archive"),
            crawl_id=self.crawl_id,
            max_size=settings.getint("MEE_WARC_MAX_SIZE", DEFAULT_MAX_SIZE),
            warcinfo=self.warcinfo,
            on_close=self._closed,
        )
        self.dedup: DigestIndex | None = None
        self.index = LiveIndex(self.layout)
        for handler, signal in [
            (self.spider_opened, signals.spider_opened),
            (self.headers_received, signals.headers_received),
            (self.response_downloaded, signals.response_downloaded),
            (self.item_scraped, signals.item_scraped),
            (self.spider_closed, signals.spider_closed),
        ]:
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "WarcCapture":
        return cls(crawler)

    def warcinfo(self, filename: str) -> dict[str, object]:
        """Fields of the record opening each file: who wrote it, how, and what shaped it."""
        settings = self.crawler.settings
        proxy = settings.get("MEE_PROXY")
        return {
            "software": f"mee-archive/{__version__} (Scrapy {scrapy.__version__}, "
                        f"warcio {version('warcio')})",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "isPartOf": self.crawl_id,
            "hostname": socket.gethostname(),
            "operator": settings.get("MEE_CONTACT"),
            "description": f"spider {self.crawler.spider.name if self.crawler.spider else ''}: "
                           f"start {settings.get('MEE_START_URL', '')}",
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            "http-header-user-agent": settings.get("USER_AGENT"),
            "http-header-accept-encoding": accept_encoding(settings),
            "via-proxy": f"{proxy} (WARC-IP-Address is the proxy's address)" if proxy else "",
            "http-framing": "bodies stored as received, content-coded, de-chunked, no "
                            "Transfer-Encoding header; Content-Length as sent by the server",
            "deduplication": "identical-payload-digest revisits per URL across crawls"
                             if self.dedup else "off",
            "max-file-size": self.writer.max_size,
        }

    def spider_opened(self, spider: Spider) -> None:
        """Close what a killed crawl left open, index what is unindexed, open the digest index."""
        self.layout.make_dirs()
        for path in recover(self.layout):
            logger.warning("repaired WARC file left open by an earlier crawl: %s", path.name)
        if self.crawler.settings.getbool("MEE_WARC_DEDUP", True):
            self.dedup = DigestIndex(self.layout.dedup_db)

    def headers_received(self, headers: Any, body_length: int, request: Request, spider: Spider) -> None:
        """WARC-Date is when the capture began: the moment the response head arrived."""
        request.meta[_STARTED] = _now()

    def response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        if request.url.startswith(("http://", "https://")):
            self._or_stop(self._archive, response, request)

    def item_scraped(self, item: Any, response: Response | None) -> None:
        """Items that cite a record (see citation) and passed the pipelines get a metadata record."""
        if isinstance(item, dict) and "warc" in item and response is not None \
                and META_KEY in response.meta:
            self._or_stop(self._describe, item, response)

    def _or_stop(self, write: Callable[..., None], *args: Any) -> None:
        """Signal handlers' errors are only logged by Scrapy; a crawl whose archive cannot be
        written must stop instead of going on unarchived."""
        try:
            write(*args)
        except Exception:
            logger.exception("could not write the WARC archive: stopping the crawl")
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="warc_write_failed"))

    def _archive(self, response: Response, request: Request) -> None:
        """Write the answer (a response, or a revisit of an earlier copy) and the request as sent;
        then note where the payload lies, for later revisits and for the item's citation."""
        uri = request.url.split("#", 1)[0]
        date = request.meta.pop(_STARTED, None) or _now()
        digest = records.sha1_digest(response.body)
        extra = {
            "WARC-IP-Address": str(response.ip_address) if response.ip_address else None,
            "WARC-Protocol": wire_protocol(response.protocol)[1],
        }
        stored, profile = self._earlier_copy(uri, digest, response.status, bool(response.body))
        head = response_head(response, request.method)
        main = self._answer_record(uri, date, response, head, stored, profile, extra, digest)
        sent = records.request_record(uri, date, request_head(request, response.protocol),
                                      request.body, main.id, extra)
        location, _ = self.writer.write(main, sent)
        self.index.add(location.file, cdxj_line(main, head, location.file, location.offset, location.length))
        if self.dedup and response.body:
            self._remember(uri, digest, date, location, response.status, new=stored is None)
        cite = {**location.as_dict(), "payload_digest": digest}
        if stored:
            cite = {**stored.location.as_dict(), "payload_digest": stored.digest}
        request.meta[META_KEY] = {"uri": uri, "date": date, "record_id": location.record_id, "cite": cite}
        self.crawler.stats.inc_value(f"mee/warc/{main.type}_records")

    def _earlier_copy(self, uri: str, digest: str, status: int, has_body: bool
                      ) -> tuple[Stored | None, str]:
        """The archived response this answer revisits, with the revisit profile, or None."""
        if self.dedup is None:
            return None, ""
        if status == 304:
            return self.dedup.find_latest(uri), records.NOT_MODIFIED
        return (self.dedup.find(uri, digest) if has_body else None), records.IDENTICAL_PAYLOAD

    @staticmethod
    def _answer_record(uri: str, date: str, response: Response, head: bytes, stored: Stored | None,
                       profile: str, extra: dict[str, str | None], digest: str) -> records.WarcRecord:
        """A revisit of ``stored`` (the new HTTP ``head`` only), else the whole response
        (``digest``: its body's, computed once); a body Scrapy cut short is marked WARC-Truncated."""
        if stored:
            return records.revisit_record(uri, date, head, stored.digest, stored.original, extra, profile)
        truncated = next((why for flag, why in _TRUNCATED.items() if flag in response.flags), None)
        return records.response_record(uri, date, head, response.body, {**extra, "WARC-Truncated": truncated},
                                       payload_digest=digest)

    def _remember(self, uri: str, digest: str, date: str, location: RecordLocation, status: int, new: bool) -> None:
        """Index a new payload for later revisits, and a 200's as the URL's latest (the payload a
        later 304 confirms)."""
        assert self.dedup is not None
        if new:
            self.dedup.add(uri, digest, date, location)
        if status == 200:
            self.dedup.note_latest(uri, digest)

    def _describe(self, item: dict[str, Any], response: Response) -> None:
        """A metadata record naming the item derived from the response record."""
        capture = response.meta[META_KEY]
        fields = {
            "crawl-id": self.crawl_id,
            "spider": self.crawler.spider.name if self.crawler.spider else "",
            "item-url": item.get("url"),
            "item-docid": item.get("docid"),
            "item-title": item.get("title"),
            "response-date": capture["date"],
            "payload-digest": capture["cite"]["payload_digest"],
        }
        self.writer.write(records.metadata_record(capture["uri"], _now(), fields, capture["record_id"]))
        self.crawler.stats.inc_value("mee/warc/metadata_records")

    def _closed(self, warc: Path) -> None:
        self.index.close(warc)
        self.crawler.stats.inc_value("mee/warc/files")

    def spider_closed(self, spider: Spider) -> None:
        self.writer.close()
        if self.dedup:
            self.dedup.close()
