"""Scrapy extension that archives every HTTP exchange of a crawl as WARC records.

It listens to the downloader instead of being called by spiders, so no spider can forget to
archive and no fetched byte escapes it. ``response_downloaded`` fires before any downloader
middleware has run on the response: the body is still content-coded (gzip stays gzip) and the
request is the one actually sent, after all request middlewares (scrapy.core.downloader._download).

Per exchange it writes a ``response`` record, or a ``revisit`` when the digest index already
holds the identical payload for the URL, then the ``request`` record (WARC-Concurrent-To the
response): the extension turns the exchange into plain data and a recorder
(mee_archive.archive.recorder) writes it, in a child process of its own with MEE_WARC_PROCESS
(the default), so that the crawl's core only fetches and parses; the citation an item of the
page carries is then awaited by the citation middleware. WARC-Target-URI is the site URL even when the crawl goes through an HTTP proxy (the
replica): the proxy only carries the exchange. WARC-IP-Address is ``response.ip_address``, the
address the connection went to, which through a proxy is the proxy's (stated in the warcinfo).
"""

from __future__ import annotations

import logging
import asyncio
import socket
from collections.abc import Callable
from datetime import datetime, timezone
from importlib.metadata import version
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
from mee_archive.archive.httpbytes import request_head, response_head, wire_protocol
from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.recorder import Exchange, Recorded, Recorder, RecorderConfig
from mee_archive.archive.repair import recover
from mee_archive.archive.remote import RemoteRecorder
from mee_archive.signals import report_run_lost

logger = logging.getLogger(__name__)
# request.meta key holding the WARC-Date of a download under way (set when its head arrives).
_STARTED = "mee_warc_started"
# Response flags of a body Scrapy cut short -> WARC-Truncated reason.
_TRUNCATED = {"dataloss": "disconnect", "download_stopped": "unspecified"}
# WARC files rotate at this size unless MEE_WARC_MAX_SIZE says otherwise.
DEFAULT_MAX_SIZE = 1024**3
# Unwritten bytes past which downloads wait for their records, unless MEE_WARC_BACKLOG says otherwise.
DEFAULT_BACKLOG = 32 * 1024**2


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
        self.max_size = settings.getint("MEE_WARC_MAX_SIZE", DEFAULT_MAX_SIZE)
        self.dedup = settings.getbool("MEE_WARC_DEDUP", True)
        self.backlog_limit = settings.getint("MEE_WARC_BACKLOG", DEFAULT_BACKLOG)
        self.recorder: Recorder | RemoteRecorder | None = None
        self.stopping = False  # a write failed: the crawl is being stopped
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

    def warcinfo(self) -> dict[str, object]:
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
            "max-file-size": self.max_size,
        }

    def spider_opened(self, spider: Spider) -> None:
        """Close what a killed crawl left open, index what is unindexed, start the recorder."""
        self.layout.make_dirs()
        for path in recover(self.layout):
            logger.warning("repaired WARC file left open by an earlier crawl: %s", path.name)
        config = RecorderConfig(self.layout.root, self.crawler.settings.get("MEE_WARC_PREFIX", "mee-archive"),
                                self.crawl_id, self.max_size, self.warcinfo(), self.dedup)
        if self.crawler.settings.getbool("MEE_WARC_PROCESS"):
            self.recorder = RemoteRecorder(config, asyncio.get_running_loop(), self._failed, self._answered)
        else:
            self.recorder = Recorder(config)

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
        except Exception as error:
            self._failed(error)

    def _failed(self, error: BaseException) -> None:
        """The first failure is a named loss of the run (exit code 1, the manifest) and stops the
        crawl; one that comes as the crawl closes is named all the same."""
        logger.error("could not write the WARC archive%s", "" if self.stopping else ": stopping the crawl",
                     exc_info=error)
        if self.stopping:
            return
        self.stopping = True
        report_run_lost(self.crawler, str(self.layout.warc_dir), f"could not write the WARC archive: {error!r}")
        stop = deferred_from_coro(self.crawler.engine.close_spider_async(reason="warc_write_failed"))
        stop.addErrback(lambda failure: None)  # already closing: the failure is named above

    def _archive(self, response: Response, request: Request) -> None:
        """Hand the exchange to the recorder; leave in the request's meta what the item of the
        page will cite: the recorder's answer, or its future (see citation)."""
        assert self.recorder is not None
        uri = request.url.split("#", 1)[0]
        date = request.meta.pop(_STARTED, None) or _now()
        exchange = Exchange(
            uri, date, response.status, response_head(response, request.method), response.body,
            request_head(request, response.protocol), request.body or b"",
            {"WARC-IP-Address": str(response.ip_address) if response.ip_address else None,
             "WARC-Protocol": wire_protocol(response.protocol)[1]},
            next((why for flag, why in _TRUNCATED.items() if flag in response.flags), None))
        recorded = self.recorder.record(exchange)
        if isinstance(recorded, Recorded):
            self._answered(recorded)
        # (see mee_archive.archive.backlog)
        backlogged = isinstance(self.recorder, RemoteRecorder) and self.recorder.backlog > self.backlog_limit
        request.meta[META_KEY] = {"uri": uri, "date": date, "recorded": recorded, "backlogged": backlogged}

    def _answered(self, answer: Any) -> None:
        """Count what the recorder wrote: a record (and the files its write closed), or files."""
        if isinstance(answer, Recorded):
            self.crawler.stats.inc_value(f"mee/warc/{answer.type}_records")
            answer = answer.closed
        if isinstance(answer, list) and answer:
            self.crawler.stats.inc_value("mee/warc/files", len(answer))

    def _describe(self, item: dict[str, Any], response: Response) -> None:
        """A metadata record naming the item derived from the response record."""
        assert self.recorder is not None
        capture = response.meta[META_KEY]
        recorded = capture["recorded"]
        if not isinstance(recorded, Recorded):  # the citation middleware awaited it: done
            recorded = recorded.result()
        fields = {
            "crawl-id": self.crawl_id,
            "spider": self.crawler.spider.name if self.crawler.spider else "",
            "item-url": item.get("url"),
            "item-docid": item.get("docid"),
            "item-title": item.get("title"),
            "response-date": capture["date"],
            "payload-digest": recorded.cite["payload_digest"],
        }
        described = self.recorder.describe(capture["uri"], _now(), fields, recorded.record_id)
        if isinstance(described, Recorded):  # else counted as the child's answer comes
            self._answered(described)

    def spider_closed(self, spider: Spider) -> None:
        """Finish the files (with a child: once it has written everything asked of it); failing
        to is a loss of the run, as a failed write is."""
        self._or_stop(self._finish)

    def _finish(self) -> None:
        if isinstance(self.recorder, Recorder):
            self._answered(self.recorder.close())
        elif self.recorder is not None:
            self.recorder.close()
