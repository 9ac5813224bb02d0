"""What every mee-archive spider shares: decoding pages, stamping items, counting failures."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from mee_archive.pages.decode import decode_html


def page_html(response: Response) -> str:
    """The page as text, decoded by the page objects' rules (header, meta, GB18030 fallback)."""
    return decode_html(response.body, response.headers.get("Content-Type", b"").decode("latin-1"))


class ArchiveSpider(scrapy.Spider):
    """A spider whose failures are counted and named, for the summary and the run manifest."""

    def stamped(self, item: dict[str, Any]) -> dict[str, Any]:
        """The item with the time its page was fetched."""
        item["crawled_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return item

    def failed(self, failure: Failure) -> None:
        """A request that failed for good (after retries): count it and say which and why."""
        request = failure.request  # type: ignore[attr-defined]
        stats = self.crawler.stats
        stats.inc_value("mee/errors")
        if not stats.get_value("mee/first_error"):
            stats.set_value("mee/first_error", f"{request.url}: {failure.getErrorMessage()}")
        self.logger.error("failed: %s: %s", request.url, failure.getErrorMessage())
