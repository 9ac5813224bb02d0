"""Incremental and resumable crawls: fetch only what the archive does not hold yet.

Why not Scrapy's JOBDIR: its disk queues are pickled files written as the crawl goes, which a
SIGKILL can leave torn, and it would still re-fetch nothing cleverer than what was queued. Instead
every run walks the list pages again, newest first, until they list nothing new (the spiders'
early stop; conditional requests, 304s answered from the stored page) and drops, before they are
even scheduled, the requests whose answer is already archived:

- article pages (releases, Chinese articles) whose item is in the spider's feed (under the URL
  asked for, or the one it last redirected to) — the feed, flushed per line, is the source of
  truth for items, so a page whose item a kill cut off is fetched again;
- embedded resources (images, attachments, page requisites) the state records as answered, unless
  the spider asks to revalidate one (``REVALIDATE``: a requisite of a page archived in this run, or
  of any page on a ``MEE_FULL_LIST`` run): then it goes out as a conditional request with the
  validators of its last answer, and a 304 is handed to the spider as the stored answer (the body
  of a stylesheet, to be read for what it pulls in). Every resource request is noted in the state
  when the spider makes it, so the ones a kill cut off (their release is in the feed and so will
  not be fetched again) are asked for again when the next run starts.

``MEE_REFRESH`` turns all skipping and revalidation off: everything is fetched again.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import AsyncIterator, Callable
from functools import lru_cache
from typing import Any, Literal
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.responsetypes import responsetypes
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.utils.request import request_from_dict

from mee_archive.addons import feed_path
from mee_archive.archive.citation import written
from mee_archive.feeds import read_records
from mee_archive.pages.requisites import is_stylesheet
from mee_archive.pages.trs import parse_article_url
from mee_archive.requestkinds import REQUISITE, REVALIDATE
from mee_archive.state import CrawlState, StoredPage
from mee_archive.urlkeys import UrlKeys

Kind = Literal["list", "page", "resource"]

# A TRS list page: the channel folder itself, `index.shtml`, `index_3.shtml`, legacy `index_835_1.htm`.
_LIST_PATH = re.compile(r"(?:^|/)(?:index(?:_\d+)*\.s?html?)?$")
# Headers of the 200 answer that must not travel with a body handed back for a 304.
_FRAMING = {"content-length", "content-encoding", "transfer-encoding"}


@lru_cache(maxsize=4096)
def kind_of(url: str) -> Kind:
    """What a URL is to the incremental crawl, from the TRS URL grammar alone (asked of each
    request three or four times on its way: remembered for the URLs under way)."""
    if parse_article_url(url):
        return "page"
    return "list" if _LIST_PATH.search(urlsplit(url).path) else "resource"


class _StateComponent:
    """A crawl component with its own connection to the state, closed with the spider."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.state = CrawlState.for_settings(crawler.settings)
        self.refresh = crawler.settings.getbool("MEE_REFRESH")
        self.crawl_id = crawler.settings.get("MEE_CRAWL_ID")
        crawler.signals.connect(self._close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def _close(self) -> None:
        self.state.close()

    def count(self, key: str) -> None:
        self.crawler.stats.inc_value(f"mee/incremental/{key}")


class ArchivedPages:
    """Article pages whose item is in the spider's feed, under the URL asked for or the one it
    last redirected to: what the middleware skips and what ends a daily list walk."""

    def __init__(self, settings: BaseSettings, spider_name: str, state: CrawlState) -> None:
        feed = feed_path(settings, spider_name)
        self.urls = UrlKeys(r["url"] for r in read_records(feed) if isinstance(r.get("url"), str))
        self.state = state

    def __contains__(self, url: object) -> bool:
        return url in self.urls or self.state.redirect_target(str(url)) in self.urls


class IncrementalSpiderMiddleware(_StateComponent, BaseSpiderMiddleware):
    """Drops requests for what is archived; notes resource requests; re-asks cut-off ones at start."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.spider_name = crawler.spider.name if crawler.spider else ""
        self.archived = ArchivedPages(crawler.settings, self.spider_name, self.state)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in super().process_start(start):
            yield output
        for blob in self.state.unanswered(self.spider_name):
            self.count("resumed")
            yield request_from_dict(pickle.loads(blob), spider=self.crawler.spider)

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        if request.callback is NO_CALLBACK:
            return request
        kind = kind_of(request.url)
        if kind == "page" and not self.refresh and request.url in self.archived:
            self.count("skipped_pages")
            return None
        if kind == "resource":
            if not (self.refresh or request.meta.get(REVALIDATE)) and self.state.is_answered(request.url):
                self.count("skipped_resources")
                return None
            self.note(request)
        return request

    def note(self, request: Request) -> None:
        """Remember a resource request so that a run killed before its answer asks again."""
        try:
            blob = pickle.dumps(request.to_dict(spider=self.crawler.spider), protocol=4)
        except ValueError:  # a callback that is not a spider method cannot be stored; fetch untracked
            return
        self.state.want(request.url, self.spider_name, blob, self.crawl_id)


class IncrementalDownloaderMiddleware(_StateComponent):
    """Revalidates list pages and the requisites the spider asks to (``REVALIDATE``) and hands the
    spider the stored answer on 304; records answered resources, their validators and redirected
    pages.

    Sits below HttpCompressionMiddleware (590) so that it stores and hands back decoded bodies.
    """

    def process_request(self, request: Request) -> None:
        if self.refresh:
            return
        kind = kind_of(request.url)
        if kind == "list":
            conditional(request, self.state.list_page(request.url))
        elif kind == "resource" and request.meta.get(REVALIDATE):
            conditional(request, self.state.requisite(request.url))

    async def process_response(self, request: Request, response: Response) -> Response:
        kind = kind_of(request.url)
        if kind in ("list", "resource") or request.meta.get("redirect_urls"):
            # The state says "answered" only of what the WARC holds: a run killed meanwhile
            # must ask again, not skip a resource whose record was still being written.
            await written(request.meta)
        if kind == "list":
            return self.revalidated(request, response, self.state.list_page, self.state.save_list_page, "not_modified")
        if kind == "resource" and (response.status < 500 and response.status != 429):
            for url in [*request.meta.get("redirect_urls", []), request.url]:
                self.state.answered(url, response.status, self.crawl_id)
            if request.meta.get(REQUISITE):
                return self.revalidated(request, response, self.state.requisite, self.state.save_requisite,
                                        "requisites_not_modified")
        if kind == "page" and response.status == 200:
            for url in request.meta.get("redirect_urls", []):
                self.state.save_redirect(url, request.url)
        return response

    def revalidated(self, request: Request, response: Response, stored_for: Callable[[str], StoredPage | None],
                    store: Callable[[StoredPage, str], None], counter: str) -> Response:
        """The stored answer for a 304 (counted under ``counter``); a 200's validators stored."""
        if response.status == 304:
            stored = stored_for(request.url)
            if stored is None:
                return response  # revalidated something we never stored: let the spider see the 304
            self.count(counter)
            return stored_response(stored, request, response)
        if response.status == 200:
            page = page_to_store(request.url, response)
            if page.etag or page.last_modified:
                store(page, self.crawl_id)
        return response


def conditional(request: Request, stored: StoredPage | None) -> None:
    """Ask for ``request`` only if changed since ``stored`` was answered (its ETag, Last-Modified)."""
    if stored is None:
        return
    if stored.etag and b"If-None-Match" not in request.headers:
        request.headers[b"If-None-Match"] = stored.etag
    if stored.last_modified and b"If-Modified-Since" not in request.headers:
        request.headers[b"If-Modified-Since"] = stored.last_modified


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def page_to_store(url: str, response: Response) -> StoredPage:
    """A 200 list page or requisite as the state keeps it: validators, headers (latin-1) and the
    decoded body (a requisite's only if it is a stylesheet: nothing reads the others again)."""
    headers = [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in response.headers.items()
        if name.decode("latin-1").lower() not in _FRAMING
        for value in values
    ]
    body = response.body
    if kind_of(url) == "resource" and not is_stylesheet(url, _header(response, "Content-Type") or ""):
        body = b""
    return StoredPage(url, _header(response, "ETag"), _header(response, "Last-Modified"), headers, body)


def stored_response(stored: StoredPage, request: Request, not_modified: Response) -> Response:
    """The stored page standing in for a 304, so the spider still sees every entry of the list."""
    headers: dict[str, list[str]] = {}
    for name, value in stored.headers:
        headers.setdefault(name, []).append(value)
    cls = responsetypes.from_args(headers=headers, url=stored.url, body=stored.body)
    return cls(
        url=stored.url, status=200, headers=headers, body=stored.body, request=request,
        flags=["not_modified"], protocol=not_modified.protocol, ip_address=not_modified.ip_address,
    )
