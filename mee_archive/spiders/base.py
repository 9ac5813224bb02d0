"""What every mee-archive spider shares: decoding pages, building requests, stamping items,
naming every loss."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from mee_archive.fetchpolicy import Refused, url_refusal
from mee_archive.incremental import ArchivedPages
from mee_archive.pagereader import PageRead, PageReader, decoded_page, reader_for
from mee_archive.pages.html import HtmlPage, PageError
from mee_archive.pages.requisites import css_requisites, html_requisites, is_stylesheet
from mee_archive.pages.trs import list_page_url
from mee_archive.requestkinds import LISTED, REQUISITE, REVALIDATE
from mee_archive.signals import report_failure, run_lost
from mee_archive.state import CrawlState
from mee_archive.urlkeys import UrlKeys

# What Scrapy's RobotsTxtMiddleware says when it refuses a request.
ROBOTS_FORBIDDEN = "Forbidden by robots.txt"
Fields = TypeVar("Fields")
Entry = TypeVar("Entry")


def page_html(response: Response) -> HtmlPage:
    """The response's page as the page reader decodes it (:func:`mee_archive.pagereader.decoded_page`)."""
    return decoded_page(response.body, content_type(response))


def content_type(response: Response) -> str:
    return response.headers.get("Content-Type", b"").decode("latin-1")


def failure_reason(failure: Failure) -> str:
    """One line on why a request failed: the HTTP status, the fetch policy's refusal, or the
    exception and its message."""
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    if failure.check(Refused):
        return failure.getErrorMessage()
    return f"{failure.type.__name__}: {failure.getErrorMessage()}".rstrip(": ")


class ArchiveSpider(scrapy.Spider):
    """A spider whose requests are built defensively and whose losses are counted and named, for
    the summary and the run manifest; it archives every page's requisites once per crawl."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Requisites and embeds asked for in this crawl (earlier runs': the incremental state).
        self.requisites_asked: set[str] = set()
        # Page 0 of each list this run walked to its last page.
        self.walked_to_end: set[str] = set()
        # The distinct URLs list pages named (one listed on two pages, or in two channels, is
        # one page: the dupefilter asks for it once), as keys: one per release of the section.
        self.listed = UrlKeys()
        self._state: CrawlState | None = None
        self._archived: ArchivedPages | None = None
        self._reader: PageReader | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> "ArchiveSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._opened, signal=signals.spider_opened)
        return spider

    def _opened(self) -> None:
        """Workers start with the spider: they import the page objects while the first pages come.

        The run's end is taken in a spider_closed handler connected now, after every extension's
        (handlers run in the order connected): the WARC capture has then finished its files, and
        a write that failed as they closed is known (:meth:`_finished`)."""
        self.crawler.signals.connect(self._finished, signal=signals.spider_closed)
        self.reader.start()

    @property
    def reader(self) -> PageReader:
        """What reads this spider's pages: MEE_PAGE_WORKERS worker processes, or this process."""
        if self._reader is None:
            self._reader = reader_for(self.settings.getint("MEE_PAGE_WORKERS"))
        return self._reader

    @property
    def state(self) -> CrawlState:
        """This spider's connection to the crawl state (opened when first needed)."""
        if self._state is None:
            self._state = CrawlState.for_settings(self.settings)
        return self._state

    @property
    def archived(self) -> ArchivedPages:
        """Article pages already archived (read once, when the first list page is)."""
        if self._archived is None:
            self._archived = ArchivedPages(self.settings, self.name, self.state)
        return self._archived

    def walk_on(self, first: str, quiet: int, anything_new: bool) -> int | None:
        """List pages run newest first: a daily run stops its walk after the first page whose
        wanted entries are all archived, plus MEE_LIST_OVERLAP_PAGES more (a release published
        meanwhile shifts every page by one entry). Returns how many such quiet pages the walk
        has met so far, or None when it ends here. The whole list is walked with MEE_FULL_LIST or
        MEE_REFRESH, and until a finished run has walked this list to its end once."""
        quiet = 0 if anything_new else quiet + 1
        if (quiet <= self.settings.getint("MEE_LIST_OVERLAP_PAGES") or self.settings.getbool("MEE_FULL_LIST")
                or self.settings.getbool("MEE_REFRESH") or not self.state.was_walked(first)):
            return quiet
        self.crawler.stats.inc_value("mee/list_walk/stopped_early")
        self.logger.info("list %s: %d page(s) in a row hold nothing new; the walk stops here "
                         "(MEE_FULL_LIST walks every page)", first, quiet)
        return None

    def closed(self, reason: str) -> None:
        if self._reader is not None:
            self._reader.close()

    def _finished(self, reason: str) -> None:
        """Remember the lists this run walked to their end: only a run that finished, and whose
        archive was written in full (a failed write, even of the last records, loses the walk),
        counts."""
        if reason == "finished" and not run_lost(self.crawler):
            for first in self.walked_to_end:
                self.state.walked(first, self.settings.get("MEE_CRAWL_ID"))
        if self._state is not None:
            self._state.close()

    def stamped(self, item: dict[str, Any]) -> dict[str, Any]:
        """The item with the time its page was fetched."""
        item["crawled_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return item

    def report(self, url: str, reason: str) -> None:
        """A loss of this run, named (mee_archive.signals.report_failure)."""
        report_failure(self.crawler, url, reason)

    def ask(self, url: str, callback: Callable[..., Any], *, listed: bool = False,
            requisite: bool = False, **kwargs: Any) -> list[scrapy.Request]:
        """The request for ``url`` (errback: :meth:`failed`), or none (the loss named) when the
        URL cannot be one: a page's hostile or broken href (port 99999, ``http://[bad``) costs
        only itself, not the rest of its page."""
        if listed and url not in self.listed:
            self.listed.add(url)
            self.crawler.stats.set_value("mee/listed", len(self.listed))
        meta = {**kwargs.pop("meta", {}), LISTED: listed, REQUISITE: requisite}
        kwargs.setdefault("errback", self.failed)
        try:
            return [scrapy.Request(url, callback, meta=meta, **kwargs)]
        except ValueError as error:
            self.crawler.stats.inc_value("mee/refused")
            self.crawler.stats.inc_value("mee/refused/malformed")
            self.report(url, f"refused (malformed): not a URL that can be requested ({error})")
            return []

    async def read(self, response: Response, parse: Callable[[HtmlPage, str], Fields]) -> PageRead[Fields] | None:
        """What ``parse`` (a page object) reads on the page, with the page's requisites (one
        parse for both, by :attr:`reader`), or None (the loss named) for an empty answer or a
        page it cannot read in full."""
        if not response.body.strip():
            self.report(response.url, f"empty page (HTTP {response.status}, no content)")
            return None
        try:
            return await self.reader.read(response.body, content_type(response), response.url, parse)
        except PageError as error:
            self.report(response.url, f"unreadable page: {error}")
            return None

    def requisites(self, response: Response, css: bool = False, revalidate: bool = False,
                   found: list[str] | None = None) -> list[scrapy.Request]:
        """Requests for what a page (or stylesheet) loads to be shown, each URL once per crawl.
        Off-site ones are fetched only from MEE_REQUISITE_HOSTS; the others are counted and logged,
        not errors: the page is archived, and a foreign CDN is no business of this archive.

        One an earlier run archived is asked again only to be revalidated (a conditional request:
        a 304 costs the site a header, and the archive a revisit record): ``revalidate`` when the
        page is one this run archives (a new release or article: it must replay with the chrome
        served today), and for every page of a MEE_FULL_LIST run. Otherwise it is left for a later
        page of the run that revalidates, or a later run: a daily run's list pages cost no more.

        ``found``: the page's requisites as :meth:`read` found them (else the page is read here)."""
        if found is None:
            found = (css_requisites(response.body.decode("utf-8", "replace"), response.url) if css
                     else html_requisites(page_html(response), response.url))
        hosts = [*(getattr(self, "allowed_domains", None) or []), *self.settings.getlist("MEE_REQUISITE_HOSTS")]
        cap = self.settings.getint("MEE_MAX_REQUISITES_PER_PAGE")
        if len(found) > cap:
            self.report(response.url, f"page names {len(found)} requisites, more than "
                                      f"MEE_MAX_REQUISITES_PER_PAGE={cap}: the rest are not fetched")
        revalidate = self.settings.getbool("MEE_REVALIDATE_REQUISITES") and (
            revalidate or self.settings.getbool("MEE_FULL_LIST"))
        requests = []
        for url in found[:cap]:
            if url in self.requisites_asked or not self._requisite_due(url, revalidate):
                continue
            self.requisites_asked.add(url)
            refusal = url_refusal(url, hosts)
            if refusal is not None:
                self.crawler.stats.inc_value("mee/requisites/not_fetched_offsite")
                self.logger.info("requisite not fetched: %s (%s)", url, refusal)
                continue
            requests += self.ask(url, self.parse_requisite, requisite=True, errback=self.requisite_failed,
                                 meta={REVALIDATE: revalidate})
        return requests

    def _requisite_due(self, url: str, revalidate: bool) -> bool:
        """Whether to ask for a requisite: never answered, MEE_REFRESH, or to be revalidated and
        last answered more than MEE_REVALIDATE_AFTER_HOURS ago (a run resumed after a kill, or a
        second run the same day, asks nothing again)."""
        answered = self.state.answered_at(url)
        if answered is None or self.settings.getbool("MEE_REFRESH"):
            return True
        age = datetime.now(timezone.utc) - answered
        return revalidate and age >= timedelta(hours=self.settings.getfloat("MEE_REVALIDATE_AFTER_HOURS"))

    def parse_requisite(self, response: Response) -> list[scrapy.Request]:
        """A requisite is archived, never an item; a stylesheet is read for what it pulls in (and
        what a revalidated one pulls in is revalidated too). A 304 comes as the stored answer."""
        revalidated = "not_modified" in response.flags
        self.crawler.stats.inc_value(f"mee/requisites/{'not_modified' if revalidated else 'fetched'}")
        if is_stylesheet(response.url, content_type(response)):
            return self.requisites(response, css=True, revalidate=bool(response.meta.get(REVALIDATE)))
        return []

    def requisite_failed(self, failure: Failure) -> None:
        """A requisite the server answers with a client error (a template's missing icon) is
        archived as answered and counted; anything else is a loss, named as for any request."""
        if failure.check(HttpError) and failure.value.response.status < 500:
            status = failure.value.response.status
            self.crawler.stats.inc_value(f"mee/requisites/http_{status}")
            self.logger.info("requisite answered HTTP %s: %s", status, failure.request.url)  # type: ignore[attr-defined]
            return
        self.failed(failure)

    def next_list_page(self, first: str, index: int, count: int | None, quiet: int,
                       callback: Callable[..., Any]) -> list[scrapy.Request]:
        """The request for list page ``index + 1``; should it fail for good, the walk goes on
        past it (:meth:`list_page_failed`): one lost page must not cost every page after it."""
        return self.ask(list_page_url(first, index + 1), callback, errback=self.list_page_failed,
                        cb_kwargs={"index": index + 1, "first": first, "count": count, "quiet": quiet})

    def list_page_failed(self, failure: Failure) -> list[scrapy.Request]:
        """A list page lost for good: named (:meth:`failed`). A page the server says is not
        there (4xx) ends the list, as an empty one does (a page 0 that declares more pages than
        it has); after a server error or a timeout the walk goes on to the next page."""
        self.failed(failure)
        request = failure.request  # type: ignore[attr-defined]
        kwargs = request.cb_kwargs
        absent = failure.check(HttpError) and failure.value.response.status < 500
        if absent or kwargs["index"] + 1 >= (kwargs["count"] or 1):
            self.walked_to_end.add(kwargs["first"])
            return []
        return self.next_list_page(kwargs["first"], kwargs["index"], kwargs["count"], kwargs["quiet"], request.callback)

    def listed_entries(self, entries: list[Entry], url: str) -> list[Entry]:
        """A list page's entries, at most MEE_MAX_LIST_ENTRIES (more is named)."""
        cap = self.settings.getint("MEE_MAX_LIST_ENTRIES")
        if len(entries) > cap:
            self.report(url, f"list page has {len(entries)} entries, more than MEE_MAX_LIST_ENTRIES={cap}: "
                             f"the rest are not followed")
        return entries[:cap]

    def page_count(self, url: str, declared: int) -> int:
        """The pages of a list to walk: as its page 0 declares, at most MEE_MAX_LIST_PAGES (more is named)."""
        self.crawler.stats.set_value("mee/list_pages_declared", declared)
        cap = self.settings.getint("MEE_MAX_LIST_PAGES")
        if declared > cap:
            self.report(url, f"list declares {declared} pages, more than MEE_MAX_LIST_PAGES={cap}: "
                             f"only the first {cap} are walked")
        return min(declared, cap)

    def failed(self, failure: Failure) -> None:
        """A request that failed for good (after retries and redirects) or was refused: name it.
        robots.txt forbidding a page is a decision, only counted, unless a list named the page:
        then the release is lost to the archive, and that is said."""
        request = failure.request  # type: ignore[attr-defined]
        url = request.meta.get("redirect_urls", [request.url])[0]
        if failure.check(IgnoreRequest) and failure.getErrorMessage() == ROBOTS_FORBIDDEN:
            self.crawler.stats.inc_value("mee/robots_forbidden")
            if request.meta.get(LISTED):
                self.report(url, "forbidden by robots.txt")
            return
        self.report(url, failure_reason(failure))
