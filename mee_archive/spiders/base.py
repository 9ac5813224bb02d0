"""What every mee-archive spider shares: decoding pages, stamping items, counting failures."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import scrapy
from scrapy.http import Response
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from mee_archive.pages.decode import decode_html
from mee_archive.signals import request_failed

# What Scrapy's RobotsTxtMiddleware says when it refuses a request.
ROBOTS_FORBIDDEN = "robots.txt"


def page_html(response: Response) -> str:
    """The page as text, decoded by the page objects' rules (header, meta, GB18030 fallback)."""
    return decode_html(response.body, response.headers.get("Content-Type", b"").decode("latin-1"))


def failure_reason(failure: Failure) -> str:
    """One line on why a request failed: the HTTP status, or the exception and its message."""
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    return f"{failure.type.__name__}: {failure.getErrorMessage()}".rstrip(": ")


class ArchiveSpider(scrapy.Spider):
    """A spider whose failures are counted and named, for the summary and the run manifest."""

    def stamped(self, item: dict[str, Any]) -> dict[str, Any]:
        """The item with the time its page was fetched."""
        item["crawled_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return item

    def failed(self, failure: Failure) -> None:
        """A request that failed for good (after retries and redirects): count it, say which and
        why (signal ``request_failed``, which the run manifest records). A page robots.txt
        forbids is a decision, not a failure: it is only counted."""
        request = failure.request  # type: ignore[attr-defined]
        stats = self.crawler.stats
        if failure.check(IgnoreRequest) and ROBOTS_FORBIDDEN in failure.getErrorMessage():
            stats.inc_value("mee/robots_forbidden")
            return
        url = request.meta.get("redirect_urls", [request.url])[0]
        reason = failure_reason(failure)
        stats.inc_value("mee/errors")
        if not stats.get_value("mee/first_error"):
            stats.set_value("mee/first_error", f"{url}: {reason}")
        self.logger.error("failed: %s: %s", url, reason)
        self.crawler.signals.send_catch_log(request_failed, url=url, reason=reason)
