"""The project's own Scrapy signals, and the one way a loss is reported through them."""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler

# Sent for every loss of a run, with url= (the URL asked for, or the page of an item) and reason=
# (one line): a request that failed for good (after retries and redirects) or was refused, a URL
# that cannot become a request, a page that cannot be read, an item the pipelines dropped as
# broken. The run manifest lists them; the summary counts them (mee/errors), so the run exits 1.
request_failed = object()

_LOG = logging.getLogger("mee_archive.failures")
# Stat set by a loss that leaves the run's archive incomplete as a whole (the WARC files could
# not be written), not just one page short: nothing of such a run may count as covered.
WHOLE_RUN_LOST = "mee/whole_run_lost"


def report_failure(crawler: Crawler, url: str, reason: str) -> None:
    """Count the loss, keep the first one for the summary, log it and send ``request_failed``."""
    stats = crawler.stats
    stats.inc_value("mee/errors")
    if not stats.get_value("mee/first_error"):
        stats.set_value("mee/first_error", f"{url}: {reason}")
    _LOG.error("failed: %s: %s", url, reason)
    crawler.signals.send_catch_log(request_failed, url=url, reason=reason)


def report_run_lost(crawler: Crawler, url: str, reason: str) -> None:
    """A loss (:func:`report_failure`) that makes the whole run's archive incomplete."""
    crawler.stats.set_value(WHOLE_RUN_LOST, reason)
    report_failure(crawler, url, reason)


def run_lost(crawler: Crawler) -> bool:
    """Whether :func:`report_run_lost` was called in this run."""
    return bool(crawler.stats.get_value(WHOLE_RUN_LOST))
