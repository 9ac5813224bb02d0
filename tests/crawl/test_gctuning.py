"""The garbage-collector tuning holds only while a spider runs: the start-up heap frozen, the
young threshold raised and full collections made every MEE_GC_FULL_INTERVAL seconds from
spider_opened to spider_closed, Python's own settings back after."""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest
from scrapy import Spider, signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from mee_archive.gctuning import GcTuning
from mee_archive.runner import project_settings


@pytest.fixture(autouse=True)
def python_collector() -> Iterator[None]:
    """Each test starts and ends with the collector as Python (or pytest) had it."""
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)
    gc.unfreeze()


def crawler_with(**settings: object):  # type: ignore[no-untyped-def]
    """A crawler of the project's settings; no periodic full collection (it needs a running loop)
    unless MEE_GC_FULL_INTERVAL is given."""
    settings = {"TWISTED_REACTOR_ENABLED": False, "MEE_GC_FULL_INTERVAL": 0, **settings}
    crawler = get_crawler(Spider, project_settings(settings))
    crawler.spider = Spider("tuned")
    return crawler


def test_threshold_raised_and_heap_frozen_while_the_spider_runs_then_restored() -> None:
    crawler = crawler_with(MEE_GC_THRESHOLD=12345)
    GcTuning.from_crawler(crawler)
    before = gc.get_threshold()
    crawler.signals.send_catch_log(signals.spider_opened, spider=crawler.spider)
    assert gc.get_threshold() == (12345, *before[1:])
    assert gc.get_freeze_count() > 0
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_cycles_made_during_the_crawl_are_still_collected() -> None:
    crawler = crawler_with(MEE_GC_THRESHOLD=1000)
    GcTuning.from_crawler(crawler)
    crawler.signals.send_catch_log(signals.spider_opened, spider=crawler.spider)

    class Node:
        pass

    collected = []
    gc.callbacks.append(lambda phase, info: collected.append(info) if phase == "stop" else None)
    try:
        for _ in range(5000):  # cyclic garbage only the collector frees
            node = Node()
            node.me = node  # type: ignore[attr-defined]
    finally:
        gc.callbacks.pop()
    assert sum(info["collected"] for info in collected) >= 4000
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")


def test_zero_leaves_the_collector_alone() -> None:
    with pytest.raises(NotConfigured):
        GcTuning.from_crawler(crawler_with(MEE_GC_THRESHOLD=0))


def test_the_project_enables_it() -> None:
    settings = project_settings({})
    assert "mee_archive.gctuning.GcTuning" in settings.getdict("EXTENSIONS")
    assert settings.getint("MEE_GC_THRESHOLD") > gc.get_threshold()[0]


def test_crawls_side_by_side_restore_python_s_settings_when_the_last_closes() -> None:
    first, second = crawler_with(MEE_GC_THRESHOLD=20000), crawler_with(MEE_GC_THRESHOLD=30000)
    GcTuning.from_crawler(first)
    GcTuning.from_crawler(second)
    before = gc.get_threshold()
    for crawler in (first, second):
        crawler.signals.send_catch_log(signals.spider_opened, spider=crawler.spider)
    first.signals.send_catch_log(signals.spider_closed, spider=first.spider, reason="finished")
    assert gc.get_threshold()[0] == 30000 and gc.get_freeze_count() > 0
    second.signals.send_catch_log(signals.spider_closed, spider=second.spider, reason="finished")
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_full_collections_run_every_interval_while_the_spider_runs_and_stop_after() -> None:
    crawler = crawler_with(MEE_GC_FULL_INTERVAL=0.01)
    GcTuning.from_crawler(crawler)
    full: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    async def crawl() -> tuple[int, int]:
        crawler.signals.send_catch_log(signals.spider_opened, spider=crawler.spider)
        gc.callbacks.append(count)
        await asyncio.sleep(0.3)
        during = len(full)
        crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")
        await asyncio.sleep(0.1)
        return during, len(full) - during

    try:
        during, after = asyncio.run(crawl())
    finally:
        gc.callbacks.remove(count)
    assert during >= 2
    assert after <= 1  # stopped: it would have run about ten times more (Python itself may run one)


CANCELLED_TIMERS = """
import asyncio, gc, sys, weakref
from scrapy.utils.reactor import install_reactor
install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
from twisted.internet import reactor
from mee_archive.gctuning import sweep

def nothing():
    pass

def check():
    # what each download does: a timeout armed, then cancelled when the answer comes
    timers = [reactor.callLater(180, nothing) for _ in range(1000)]
    for timer in timers:
        timer.cancel()
    held = [weakref.ref(timer) for timer in timers]
    del timers
    if sys.argv[1] == "sweep":
        sweep()
    reactor.callLater(0.2, done, held)

def done(held):
    gc.collect()
    print(sum(ref() is not None for ref in held))
    reactor.stop()

reactor.callWhenRunning(check)
reactor.run()
"""


@pytest.mark.parametrize("swept", [False, True])
def test_a_sweep_lets_twisted_drop_the_timers_it_cancelled(swept: bool) -> None:
    """Under the asyncio reactor no Twisted timer of Scrapy's fires, and Twisted keeps a cancelled
    timer until one does: without the sweep's own, every download's timeout stays (a process of
    its own: it installs the reactor)."""
    done = subprocess.run([sys.executable, "-c", CANCELLED_TIMERS, "sweep" if swept else "none"],
                          capture_output=True, text=True, timeout=120, check=True)
    assert int(done.stdout.strip()) == (0 if swept else 1000)
