"""The capture extension driven directly through its signal handlers (no network)."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest
from scrapy import Request, signals
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from mee_archive.archive.backlog import RecorderBacklogMiddleware
from mee_archive.archive.capture import WarcCapture
from mee_archive.archive.citation import META_KEY
from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.rawrecord import RawRecord, iter_records
from mee_archive.archive.recorder import Recorded
from mee_archive.archive.records import IDENTICAL_PAYLOAD, NOT_MODIFIED
from mee_archive.runner import project_settings
from mee_archive.signals import WHOLE_RUN_LOST
from mee_archive.spiders.base import ArchiveSpider
from mee_archive.state import CrawlState

URL = "http://english.mee.gov.cn/News_service/news_release/"


@pytest.fixture
def capture(tmp_path: Path) -> WarcCapture:
    crawler = get_crawler(settings_dict={"MEE_OUTPUT_DIR": str(tmp_path), "MEE_CRAWL_ID": "unit"})
    capture = WarcCapture(crawler)
    capture.spider_opened(None)
    return capture


def fetch(capture: WarcCapture, status: int = 200, body: bytes = b"<html>list</html>",
          flags: list[str] | None = None) -> Request:
    request = Request(URL)
    capture.headers_received({}, len(body), request, None)
    capture.response_downloaded(Response(URL, status=status, body=body, flags=flags), request, None)
    return request


def stored(capture: WarcCapture) -> list[RawRecord]:
    capture.spider_closed(None)
    layout = ArchiveLayout(capture.layout.root)
    return [rec for warc in layout.closed_warcs() for rec in iter_records(warc)]


def test_identical_payload_becomes_a_revisit_and_cites_the_original(capture: WarcCapture) -> None:
    first, second = fetch(capture), fetch(capture)
    assert second.meta["mee_warc"]["recorded"].cite == first.meta["mee_warc"]["recorded"].cite
    records = stored(capture)
    assert [rec.type for rec in records] == ["warcinfo", "response", "request", "revisit", "request"]
    assert records[3].header("WARC-Profile") == IDENTICAL_PAYLOAD
    assert records[3].header("WARC-Refers-To") == records[1].header("WARC-Record-ID")


def test_304_revisits_the_latest_200_payload(capture: WarcCapture) -> None:
    for status, body in [(200, b"old"), (200, b"new"), (304, b"")]:
        fetch(capture, status, body)
    records = stored(capture)
    revisit = records[-2]
    assert revisit.type == "revisit" and revisit.header("WARC-Profile") == NOT_MODIFIED
    assert revisit.header("WARC-Refers-To") == records[3].header("WARC-Record-ID")  # "new"


def test_304_without_an_earlier_copy_is_kept_as_a_response(capture: WarcCapture) -> None:
    fetch(capture, status=304, body=b"")
    assert [rec.type for rec in stored(capture)][1] == "response"


def test_body_cut_short_is_marked_truncated(capture: WarcCapture) -> None:
    fetch(capture, flags=["dataloss"])
    assert stored(capture)[1].header("WARC-Truncated") == "disconnect"


class StandInEngine:
    """What the capture asks of Scrapy's engine when a write fails: to close the spider."""

    def __init__(self) -> None:
        self.reasons: list[str] = []

    async def close_spider_async(self, reason: str) -> None:
        self.reasons.append(reason)


@pytest.mark.parametrize("in_child", [False, True], ids=["in_process", "in_child"])
@pytest.mark.parametrize("lose_metadata", [False, True], ids=["written", "write_fails"])
def test_records_are_counted_once_written_not_when_asked_for(tmp_path: Path, in_child: bool,
                                                            lose_metadata: bool) -> None:
    """The summary's record counts are what the files hold: a metadata record whose write failed
    (here: the next file cannot be opened) is not counted, and the run is named lost."""
    async def crawl() -> tuple[dict, list[str]]:
        crawler = get_crawler(settings_dict={"MEE_OUTPUT_DIR": str(tmp_path), "MEE_CRAWL_ID": "unit",
                                             "MEE_WARC_PROCESS": in_child, "MEE_WARC_MAX_SIZE": 1})
        crawler.engine = StandInEngine()  # type: ignore[assignment]
        capture = WarcCapture(crawler)
        capture.spider_opened(None)
        request = fetch(capture)
        recorded = request.meta[META_KEY]["recorded"]
        if not isinstance(recorded, Recorded):
            await recorded
        if lose_metadata:  # the next record rotates into a directory that is now a file
            capture.layout.warc_dir.rename(tmp_path / "moved")
            capture.layout.warc_dir.write_text("not a directory")
        capture.item_scraped({"warc": {}, "url": URL}, Response(URL, request=request))
        capture.spider_closed(None)
        await asyncio.sleep(0)  # the stop the failure asked for
        return crawler.stats.get_stats(), crawler.engine.reasons  # type: ignore[attr-defined]
    stats, reasons = asyncio.run(crawl())
    warcs = tmp_path / "moved" if lose_metadata else ArchiveLayout(tmp_path).warc_dir
    held = Counter(rec.type for warc in warcs.glob("*.warc.gz*") for rec in iter_records(warc))
    assert stats.get("mee/warc/response_records") == held["response"] == 1
    assert stats.get("mee/warc/metadata_records") == (held["metadata"] or None) == (None if lose_metadata else 1)
    assert bool(stats.get(WHOLE_RUN_LOST)) is lose_metadata
    assert reasons == (["warc_write_failed"] if lose_metadata else [])


@pytest.mark.parametrize("limit", [0, 10**9], ids=["behind", "keeping_up"])
def test_a_download_waits_for_its_record_while_the_recorder_is_behind(tmp_path: Path, limit: int) -> None:
    """Past MEE_WARC_BACKLOG unwritten bytes, the response is held until its record is written
    (and so every record before it); below it, the download goes on at once."""
    async def crawl() -> tuple[bool, bool, int, int]:
        crawler = get_crawler(settings_dict={"MEE_OUTPUT_DIR": str(tmp_path), "MEE_CRAWL_ID": "unit",
                                             "MEE_WARC_PROCESS": True, "MEE_WARC_BACKLOG": limit})
        capture = WarcCapture(crawler)
        capture.spider_opened(None)
        request = fetch(capture, body=b"x" * 100_000)
        backlog = capture.recorder.backlog  # type: ignore[union-attr]
        await RecorderBacklogMiddleware(crawler).process_response(request, Response(URL, request=request))
        written_when_released = request.meta[META_KEY]["recorded"].done()
        capture.spider_closed(None)
        waits = crawler.stats.get_value("mee/warc/backlog_waits", 0)
        return request.meta[META_KEY]["backlogged"], written_when_released, backlog, waits
    backlogged, written_when_released, backlog, waits = asyncio.run(crawl())
    assert backlog > 100_000  # the body, on its way to the child
    assert backlogged is written_when_released is (limit == 0)
    assert waits == (limit == 0)


class ListSpider(ArchiveSpider):
    name = "lists"


@pytest.mark.parametrize("archive_lost", [False, True], ids=["files_finished", "close_fails"])
def test_a_list_counts_as_walked_only_when_the_run_finished_with_its_archive_whole(
        tmp_path: Path, archive_lost: bool) -> None:
    """The capture finishes its files in its spider_closed handler, which runs after the spider's
    own ``closed`` (Scrapy connects the spider first): a write that fails there must still keep
    the walk from being remembered, or the next daily run would stop early over pages this one
    never archived. The signals go as Scrapy sends them (send_catch_log_async)."""
    settings = project_settings({"MEE_OUTPUT_DIR": str(tmp_path), "MEE_PAGE_WORKERS": 0, "MEE_CRAWL_ID": "unit",
                                 "MEE_WARC_PROCESS": False})
    crawler = get_crawler(ListSpider, {**settings.copy_to_dict(), "TWISTED_REACTOR_ENABLED": False})

    async def crawl() -> None:
        spider = ListSpider.from_crawler(crawler)  # as Crawler.crawl_async: the spider, then extensions
        crawler.engine = StandInEngine()  # type: ignore[assignment]
        WarcCapture(crawler)
        await crawler.signals.send_catch_log_async(signals.spider_opened, spider=spider)
        request = Request(URL)
        crawler.signals.send_catch_log(signals.response_downloaded, response=Response(URL, body=b"<html/>"),
                                       request=request, spider=spider)
        spider.walked_to_end.add(URL)
        if archive_lost:  # the open file cannot be renamed into place as it closes
            (tmp_path / "warc").rename(tmp_path / "moved")
            (tmp_path / "warc").write_text("not a directory")
        await crawler.signals.send_catch_log_async(signals.spider_closed, spider=spider, reason="finished")
    asyncio.run(crawl())
    assert bool(crawler.stats.get_value(WHOLE_RUN_LOST)) is archive_lost
    state = CrawlState.for_settings(crawler.settings)
    assert state.was_walked(URL) is not archive_lost
    state.close()
