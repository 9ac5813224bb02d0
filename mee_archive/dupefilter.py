"""Scrapy's duplicate-request filter, made to report redirect loops instead of hiding them."""

from __future__ import annotations

from scrapy import Request
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import IgnoreRequest
from twisted.python.failure import Failure


class RedirectLoop(IgnoreRequest):
    """A redirect led back to a URL of its own chain: the page can never be fetched."""


class LoopReportingDupeFilter(RFPDupeFilter):
    """Drop repeated requests as Scrapy does, but fail a redirect back into its own chain.

    Without this a redirect loop (A -> B -> A) ends silently: the scheduler drops the second
    request for A as a duplicate, and the release is lost with no error anywhere. Here the
    request's errback hears of it, so it is counted and named like any other failure.
    """

    def request_seen(self, request: Request) -> bool:
        seen = super().request_seen(request)
        chain = request.meta.get("redirect_urls", [])
        if seen and request.url in chain and request.errback:
            failure = Failure(RedirectLoop(f"redirect loop: {' -> '.join([*chain, request.url])}"))
            failure.request = request  # type: ignore[attr-defined]
            request.errback(failure)
        return seen
