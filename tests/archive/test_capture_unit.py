"""The capture extension driven directly through its signal handlers (no network)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from mee_archive.archive.capture import WarcCapture
from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.rawrecord import RawRecord, iter_records
from mee_archive.archive.records import IDENTICAL_PAYLOAD, NOT_MODIFIED

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
