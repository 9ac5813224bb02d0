"""Back off from a host that says it is overloaded: honour ``Retry-After`` on 429 and 503.

Scrapy's RetryMiddleware retries such answers at once and AutoThrottle only reacts to latency,
so a server asking for a pause would get more requests, not fewer. This middleware holds the
host's downloader slot — every request to that host, the retry included, waits — for as long as
the server asked, capped by ``MEE_RETRY_AFTER_MAX``. Scrapy has no public way to pause a slot; the
downloader's own mechanism (``slot.latercall``, which blocks the slot's queue until it fires) is
used, as the download delay does.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from time import monotonic

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.asyncio import call_later

logger = logging.getLogger(__name__)

BACKOFF_STATUSES = (429, 503)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` value asks for (delta-seconds or HTTP-date); None if absent or unreadable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # str.isdigit alone takes '²' and '٣' for digits
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class RetryAfterMiddleware:
    """Holds a host's slot for the pause a 429/503 asks for. Sits above RetryMiddleware (550), so
    the slot is held before the retry is scheduled."""

    def __init__(self, crawler: Crawler, cap: float) -> None:
        self.crawler = crawler
        self.cap = cap
        self.held_until: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "RetryAfterMiddleware":
        return cls(crawler, crawler.settings.getfloat("MEE_RETRY_AFTER_MAX"))

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in BACKOFF_STATUSES:
            asked = retry_after_seconds(response.headers.get(b"Retry-After", b"").decode("latin-1"))
            if asked is not None:
                self.hold(request, min(asked, self.cap), response.status)
        return response

    def hold(self, request: Request, seconds: float, status: int) -> None:
        """Block the request's downloader slot for ``seconds`` (never shortening a longer hold)."""
        downloader = self.crawler.engine.downloader
        key = request.meta.get(downloader.DOWNLOAD_SLOT) or downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        until = monotonic() + seconds
        if slot is None or seconds <= 0 or until <= self.held_until.get(key, 0.0):
            return
        self.held_until[key] = until
        if slot.latercall:
            slot.latercall.cancel()
        slot.latercall = call_later(seconds, downloader._latercall, slot)
        self.crawler.stats.inc_value("mee/backoff/holds")
        self.crawler.stats.inc_value("mee/backoff/seconds", seconds)
        logger.info("%s answered %d: holding requests to %s for %.1f s (Retry-After)",
                    request.url, status, key, seconds)
