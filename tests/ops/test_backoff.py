"""Retry-After: parsed in both forms, capped, and turned into a hold on the host's slot."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Request
from scrapy.core.downloader import Downloader, Slot
from scrapy.http import Response

from mee_archive.backoff import RetryAfterMiddleware, retry_after_seconds

NOW = datetime(2026, 11, 30, 3, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("120", 120.0), (" 5 ", 5.0), ("Mon, 30 Nov 2026 03:00:30 GMT", 30.0),
     ("Mon, 30 Nov 2026 02:59:00 GMT", 0.0), ("", None), (None, None), ("soon", None), ("-3", None)],
)
def test_retry_after_reads_seconds_and_http_dates(value: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value, NOW) == seconds


class FakeDownloader:
    """The parts of Scrapy's downloader the middleware uses, with one slot per host."""

    DOWNLOAD_SLOT = Downloader.DOWNLOAD_SLOT
    ip_concurrency = 0

    def __init__(self) -> None:
        self.slots = {"english.mee.gov.cn": Slot(concurrency=2, delay=0.0)}
        self.released: list[Slot] = []

    def get_slot_key(self, request: Request) -> str:
        return Downloader.get_slot_key(self, request)  # type: ignore[arg-type]

    def _latercall(self, slot: Slot) -> None:
        slot.latercall = None
        self.released.append(slot)


def middleware(cap: float) -> tuple[RetryAfterMiddleware, FakeDownloader, Any]:
    downloader = FakeDownloader()
    stats: dict[str, float] = {}
    crawler: Any = SimpleNamespace(
        engine=SimpleNamespace(downloader=downloader),
        stats=SimpleNamespace(inc_value=lambda key, n=1: stats.__setitem__(key, stats.get(key, 0) + n)),
    )
    return RetryAfterMiddleware(crawler, cap), downloader, stats


def answer(status: int, retry_after: str | None) -> tuple[Request, Response]:
    request = Request("http://english.mee.gov.cn/News_service/news_release/index_1.shtml")
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return request, Response(request.url, status=status, headers=headers, request=request)


def test_a_429_with_retry_after_holds_the_hosts_slot_until_the_capped_pause_is_over() -> None:
    async def scenario() -> tuple[bool, list[Slot], dict[str, float]]:
        mw, downloader, stats = middleware(cap=0.05)
        request, response = answer(429, "3600")
        assert mw.process_response(request, response) is response
        slot = downloader.slots["english.mee.gov.cn"]
        held = slot.latercall is not None  # the downloader sends nothing to this host meanwhile
        for _ in range(200):  # bounded wait for the capped pause to end
            if downloader.released:
                break
            await asyncio.sleep(0.01)
        return held, downloader.released, stats

    held, released, stats = asyncio.run(scenario())
    assert held
    assert len(released) == 1 and released[0].latercall is None
    assert stats == {"mee/backoff/holds": 1, "mee/backoff/seconds": 0.05}


@pytest.mark.parametrize(("status", "retry_after"), [(200, "30"), (503, None), (500, "30"), (503, "0")])
def test_no_hold_without_a_pause_asked_for_on_429_or_503(status: int, retry_after: str | None) -> None:
    async def scenario() -> Slot:
        mw, downloader, _ = middleware(cap=300)
        mw.process_response(*answer(status, retry_after))
        return downloader.slots["english.mee.gov.cn"]

    assert asyncio.run(scenario()).latercall is None


def test_a_shorter_pause_does_not_cut_a_longer_hold_short() -> None:
    async def scenario() -> tuple[Any, Any, dict[str, float]]:
        mw, downloader, stats = middleware(cap=300)
        mw.process_response(*answer(503, "120"))
        first = downloader.slots["english.mee.gov.cn"].latercall
        mw.process_response(*answer(429, "1"))
        second = downloader.slots["english.mee.gov.cn"].latercall
        second.cancel()
        return first, second, stats

    first, second, stats = asyncio.run(scenario())
    assert first is second and stats["mee/backoff/holds"] == 1


@pytest.mark.parametrize("value", ["²", "١٢", "5²", "٣"])
def test_only_ascii_digits_are_seconds(value: str) -> None:
    """str.isdigit takes superscripts and Arabic-Indic digits for digits; int() or float() of
    them fails or means something else, so they are as unreadable as any other text."""
    assert retry_after_seconds(value) is None
