"""Extension: keep Python's cyclic garbage collector from re-scanning what the crawl never frees.

A crawl allocates a few objects per request and response (Twisted Deferreds, asyncio tasks: Scrapy
creates CONCURRENT_ITEMS of them per response), so CPython's default collector (a young
collection every 700 allocations) runs thousands of times a crawl, and every few hundred a full
collection walks the whole heap: the modules, settings, page-object tables and compiled schema
imported at start-up, which live as long as the process. Measured on a 2,000-release crawl: 2.5 s
of 15.5 CPU seconds in the collector, a sixth of the crawl (a bare Scrapy spider, with a smaller
heap: 0.7 s). Once the spider opens, everything alive is moved out of the collector's sight
(``gc.freeze``) and young collections run every MEE_GC_THRESHOLD allocations; both are undone
when the spider closes, so a process running several crawls (tests, `mee-archive demo`) gets
Python's collector back in between.

Peak memory grew with the section for the opposite reason: Twisted leaves each exchange's response,
headers and protocol objects in reference cycles, which outlive the young collections, and
CPython runs a full collection only once the objects that survived them number a quarter of the
heap, ever rarer as the heap grows, so they piled up (~15 objects a page; collected every second,
a 5,000-release crawl peaked at 116 MB, not 121). A full collection every MEE_GC_FULL_INTERVAL
seconds frees them; with the start-up heap frozen it walks only the crawl's own objects (a few ms).

The same sweep lets Twisted drop its cancelled timers. Every download arms one (its
DOWNLOAD_TIMEOUT) and cancels it when the answer comes; Twisted leaves a cancelled timer in its
heap until a timer of its own fires, and then drops them all. Under the asyncio reactor Scrapy's
periodic calls are asyncio's, so no Twisted timer fired before the first download timeout came
due (180 s): ~300 bytes a download piled up (32,000 timers, ~10 MB, by the end of a 20,000-release
benchmark crawl). A Twisted call due at once, made with each sweep, is that timer.
"""

from __future__ import annotations

import gc

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import AsyncioLoopingCall, create_looping_call
from scrapy.utils.reactor import is_reactor_installed
from twisted.internet.task import LoopingCall


# Python's own thresholds while any crawl of this process is tuned, and how many are: crawlers
# running side by side (one CrawlerProcess, several spiders) share the one collector.
_saved: tuple[int, int, int] | None = None
_tuned = 0


class GcTuning:
    """Freezes the start-up heap and raises the young-generation threshold for the crawl."""

    def __init__(self, crawler: Crawler, threshold: int, interval: float) -> None:
        self.threshold = threshold
        self.interval = interval
        self.active = False
        self.sweeps: AsyncioLoopingCall | LoopingCall | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "GcTuning":
        threshold = crawler.settings.getint("MEE_GC_THRESHOLD")
        if threshold <= 0:
            raise NotConfigured("MEE_GC_THRESHOLD is 0: Python's collector as it is")
        return cls(crawler, threshold, crawler.settings.getfloat("MEE_GC_FULL_INTERVAL"))

    def spider_opened(self) -> None:
        global _saved, _tuned
        if self.active:
            return
        self.active = True
        _tuned += 1
        if _saved is None:
            _saved = gc.get_threshold()
        gc.collect()  # what start-up left as garbage is freed, not frozen
        gc.freeze()
        gc.set_threshold(max(self.threshold, gc.get_threshold()[0]), *_saved[1:])
        if self.interval > 0:
            self.sweeps = create_looping_call(sweep)
            self.sweeps.start(self.interval, now=False)

    def spider_closed(self) -> None:
        global _saved, _tuned
        if not self.active:
            return
        self.active = False
        if self.sweeps is not None and self.sweeps.running:
            self.sweeps.stop()
        _tuned -= 1
        if _tuned == 0 and _saved is not None:
            gc.set_threshold(*_saved)
            gc.unfreeze()
            _saved = None


def sweep() -> None:
    """A full collection, and a Twisted timer due at once (see the module docstring)."""
    gc.collect()
    if is_reactor_installed():
        from twisted.internet import reactor

        reactor.callLater(0, _nothing)  # type: ignore[attr-defined]


def _nothing() -> None:
    """What the sweep's Twisted timer does: firing is its whole use."""
