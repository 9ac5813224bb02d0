"""What every mee-archive spider shares: decoding pages, building requests, stamping items,
naming every loss."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, TypeVar

import scrapy
from scrapy.http import Response
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from mee_archive.fetchpolicy import Refused
from mee_archive.pages.decode import decode_html
from mee_archive.pages.html import PageError
from mee_archive.requestkinds import LISTED, REQUISITE
from mee_archive.signals import report_failure

# What Scrapy's RobotsTxtMiddleware says when it refuses a request.
ROBOTS_FORBIDDEN = "Forbidden by robots.txt"
Fields = TypeVar("Fields")


def page_html(response: Response) -> str:
    """The page as text, decoded by the page objects' rules (header, meta, GB18030 fallback)."""
    return decode_html(response.body, response.headers.get("Content-Type", b"").decode("latin-1"))


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
    the summary and the run manifest."""

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
        meta = {**kwargs.pop("meta", {}), LISTED: listed, REQUISITE: requisite}
        try:
            return [scrapy.Request(url, callback, errback=self.failed, meta=meta, **kwargs)]
        except ValueError as error:
            self.crawler.stats.inc_value("mee/refused")
            self.crawler.stats.inc_value("mee/refused/malformed")
            self.report(url, f"refused (malformed): not a URL that can be requested ({error})")
            return []

    def read(self, response: Response, parse: Callable[[str, str], Fields]) -> Fields | None:
        """What ``parse`` (a page object) reads on the page, or None (the loss named) for an
        empty answer or a page it cannot read in full."""
        if not response.body.strip():
            self.report(response.url, f"empty page (HTTP {response.status}, no content)")
            return None
        try:
            return parse(page_html(response), response.url)
        except PageError as error:
            self.report(response.url, f"unreadable page: {error}")
            return None

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
