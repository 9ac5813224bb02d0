"""Incremental crawl components on plain requests and responses (no network, no reactor)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from collections.abc import Callable
from typing import Any

import pytest
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse, Response

from mee_archive.addons import feed_path
from mee_archive.archive.citation import META_KEY
from mee_archive.incremental import IncrementalDownloaderMiddleware, IncrementalSpiderMiddleware, kind_of
from mee_archive.requestkinds import REQUISITE, REVALIDATE
from mee_archive.state import CrawlState

SECTION = "http://english.mee.gov.cn/News_service/news_release/"
RELEASE_A = SECTION + "201806/t20180627_444891.shtml"
RELEASE_B = SECTION + "201806/t20180628_444900.shtml"
IMAGE = SECTION + "201806/W020180627123456.jpg"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        (SECTION, "list"),
        (SECTION + "index.shtml", "list"),
        (SECTION + "index_12.shtml", "list"),
        ("http://www.mep.gov.cn/gkml/hbb/qt/index_835_1.htm", "list"),
        (RELEASE_A, "page"),
        ("http://www.mee.gov.cn/xxgk2018/xxgk/xxgk06/202204/t20220418_974900.html", "page"),
        (IMAGE, "resource"),
        (SECTION + "201806/P020180627999.pdf", "resource"),
        ("http://english.mee.gov.cn/robots.txt", "resource"),
    ],
)
def test_kind_of_reads_the_trs_url_grammar(url: str, kind: str) -> None:
    assert kind_of(url) == kind


MakeCrawler = Callable[..., Crawler]


def archived(make_crawler: MakeCrawler, *urls: str) -> None:
    feed = feed_path(make_crawler().settings, "news_release")
    feed.parent.mkdir(parents=True, exist_ok=True)
    feed.write_text("".join(json.dumps({"url": u}) + "\n" for u in urls) + '{"url": "cut', encoding="utf-8")


def spider_mw(make_crawler: MakeCrawler, **settings: Any) -> IncrementalSpiderMiddleware:
    return IncrementalSpiderMiddleware.from_crawler(make_crawler(**settings))


def passed(mw: IncrementalSpiderMiddleware, *requests: Request) -> list[str]:
    return [r.url for r in mw.process_spider_output(None, list(requests))]


def test_pages_in_the_feed_and_answered_resources_are_not_requested_again(make_crawler: MakeCrawler) -> None:
    archived(make_crawler, RELEASE_A)
    mw = spider_mw(make_crawler)
    spider = mw.crawler.spider
    first = passed(mw, Request(SECTION), Request(RELEASE_A), Request(RELEASE_B), Request(IMAGE, spider.parse_embed))
    assert first == [SECTION, RELEASE_B, IMAGE]
    mw.state.answered(IMAGE, 200, "run-test")
    assert passed(mw, Request(IMAGE, spider.parse_embed), Request(SECTION)) == [SECTION]
    stats = mw.crawler.stats.get_stats()
    assert stats["mee/incremental/skipped_pages"] == 1
    assert stats["mee/incremental/skipped_resources"] == 1


def test_refresh_requests_everything_again(make_crawler: MakeCrawler) -> None:
    archived(make_crawler, RELEASE_A)
    mw = spider_mw(make_crawler, MEE_REFRESH=True)
    mw.state.want(IMAGE, "news_release", b"x", "run-0")
    mw.state.answered(IMAGE, 200, "run-0")
    assert passed(mw, Request(RELEASE_A), Request(IMAGE)) == [RELEASE_A, IMAGE]


async def _collect(iterator: AsyncIterator[Any]) -> list[Any]:
    return [o async for o in iterator]


def test_a_new_run_asks_again_for_resources_an_earlier_run_never_got_an_answer_for(make_crawler: MakeCrawler) -> None:
    first = spider_mw(make_crawler)
    spider = first.crawler.spider
    embeds = [Request(SECTION + f"201806/W0201806271234{n}.jpg", spider.parse_embed, meta={"allow_offsite": True})
              for n in range(3)]
    passed(first, *embeds)
    first.state.answered(embeds[0].url, 200, "run-test")  # the kill came before the other two

    async def start() -> AsyncIterator[Any]:
        yield Request(SECTION)

    second = spider_mw(make_crawler)
    resumed = asyncio.run(_collect(second.process_start(start())))
    assert [r.url for r in resumed] == [SECTION, embeds[1].url, embeds[2].url]
    assert resumed[1].callback.__name__ == "parse_embed" and resumed[1].meta["allow_offsite"] is True
    assert second.crawler.stats.get_value("mee/incremental/resumed") == 2


def respond(mw: IncrementalDownloaderMiddleware, request: Request, response: Response) -> Response:
    """The middleware's answer (an awaitable: it waits for the response's WARC record first)."""
    return asyncio.run(mw.process_response(request, response))


def test_state_records_an_answer_only_once_its_warc_record_is_written(make_crawler: MakeCrawler) -> None:
    mw = IncrementalDownloaderMiddleware.from_crawler(make_crawler())
    mw.state.want(IMAGE, "news_release", b"x", "run-0")  # asked for, as the spider middleware notes it

    async def answer_while_the_record_is_written() -> list[bool]:
        record = asyncio.get_running_loop().create_future()
        request = Request(IMAGE, meta={META_KEY: {"uri": IMAGE, "date": "", "recorded": record}})
        answering = asyncio.ensure_future(mw.process_response(request, Response(IMAGE, body=b"GIF89a", request=request)))
        await asyncio.sleep(0.05)
        seen = [mw.state.is_answered(IMAGE)]
        record.set_result(None)  # the recorder's answer: the record is on disk
        await answering
        return seen + [mw.state.is_answered(IMAGE)]
    assert asyncio.run(answer_while_the_record_is_written()) == [False, True]


def list_answer(request: Request, status: int = 200, body: bytes = b"<html>page 0</html>", **headers: str) -> Response:
    return HtmlResponse(request.url, status=status, body=body, request=request,
                        headers={"Content-Type": "text/html; charset=utf-8", **headers})


def test_list_pages_are_revalidated_and_a_304_hands_the_spider_the_stored_page(make_crawler: MakeCrawler) -> None:
    mw = IncrementalDownloaderMiddleware.from_crawler(make_crawler())
    first = Request(SECTION)
    assert mw.process_request(first) is None and b"If-None-Match" not in first.headers
    body = "<html>新闻 page 0</html>".encode("utf-8")
    respond(mw, first, list_answer(first, body=body, ETag='"v1"', **{"Last-Modified": "Mon, 30 Nov 2026 03:00:00 GMT"}))

    again = Request(SECTION)
    mw.process_request(again)
    assert again.headers[b"If-None-Match"] == b'"v1"'
    assert again.headers[b"If-Modified-Since"] == b"Mon, 30 Nov 2026 03:00:00 GMT"
    handed = respond(mw, again, Response(SECTION, status=304, request=again))
    assert (handed.status, handed.body, handed.flags) == (200, body, ["not_modified"])
    assert isinstance(handed, HtmlResponse) and "新闻" in handed.text
    assert mw.crawler.stats.get_value("mee/incremental/not_modified") == 1


def test_requisites_asked_to_be_revalidated_go_out_conditionally_and_a_304_stands_for_the_stored_answer(
        make_crawler: MakeCrawler) -> None:
    mw = IncrementalDownloaderMiddleware.from_crawler(make_crawler())
    sheet, image = "http://english.mee.gov.cn/images/en.css", "http://english.mee.gov.cn/images/logo.gif"
    validators = {"ETag": '"c1"', "Last-Modified": "Sun, 01 Jan 2017 00:00:00 GMT"}
    for url, kind, body in ((sheet, "text/css", b"a{background:url(logo.gif)}"), (image, "image/gif", b"GIF89a")):
        request = Request(url, meta={REQUISITE: True})
        respond(mw, request, Response(url, body=body, request=request,
                                              headers={"Content-Type": kind, **validators}))
    assert mw.state.requisite(sheet).body == b"a{background:url(logo.gif)}"  # read again on a 304
    assert mw.state.requisite(image).body == b"" and mw.state.requisite(image).etag == '"c1"'  # validators only

    plain = Request(image, meta={REQUISITE: True})  # e.g. an embed: never revalidated
    mw.process_request(plain)
    assert b"If-None-Match" not in plain.headers
    again = Request(sheet, meta={REQUISITE: True, REVALIDATE: True})
    mw.process_request(again)
    assert again.headers[b"If-None-Match"] == b'"c1"'
    assert again.headers[b"If-Modified-Since"] == b"Sun, 01 Jan 2017 00:00:00 GMT"
    handed = respond(mw, again, Response(sheet, status=304, request=again))
    assert (handed.status, handed.body, handed.flags) == (200, b"a{background:url(logo.gif)}", ["not_modified"])
    assert mw.crawler.stats.get_value("mee/incremental/requisites_not_modified") == 1


def test_a_requisite_asked_to_be_revalidated_is_not_dropped_as_archived(make_crawler: MakeCrawler) -> None:
    mw = spider_mw(make_crawler)
    mw.state.want(IMAGE, "news_release", b"x", "run-0")
    mw.state.answered(IMAGE, 200, "run-0")
    assert passed(mw, Request(IMAGE), Request(IMAGE, meta={REVALIDATE: True})) == [IMAGE]


def test_list_pages_without_validators_are_not_stored_and_refresh_does_not_revalidate(make_crawler: MakeCrawler) -> None:
    mw = IncrementalDownloaderMiddleware.from_crawler(make_crawler())
    page = SECTION + "index_1.shtml"
    respond(mw, Request(page), list_answer(Request(page)))
    assert mw.state.list_page(page) is None
    respond(mw, Request(SECTION), list_answer(Request(SECTION), ETag='"v1"'))
    refresh = IncrementalDownloaderMiddleware.from_crawler(make_crawler(MEE_REFRESH=True))
    request = Request(SECTION)
    refresh.process_request(request)
    assert b"If-None-Match" not in request.headers


def test_resources_count_as_answered_on_a_final_answer_only_and_under_every_redirect_url(make_crawler: MakeCrawler) -> None:
    mw = IncrementalDownloaderMiddleware.from_crawler(make_crawler())
    state = CrawlState.for_settings(mw.crawler.settings)
    old, new = IMAGE.replace(".jpg", "-old.jpg"), IMAGE
    for url in (old, new, IMAGE + "?busy"):
        state.want(url, "news_release", b"r", "run-test")
    busy = Request(IMAGE + "?busy")
    respond(mw, busy, Response(busy.url, status=503, request=busy))
    assert not state.is_answered(busy.url)
    moved = Request(new, meta={"redirect_urls": [old]})
    respond(mw, moved, Response(new, status=200, body=b"\xff\xd8", request=moved))
    assert state.is_answered(old) and state.is_answered(new)


def test_a_page_listed_under_an_old_host_is_archived_once_its_redirect_target_is_in_the_feed(
        make_crawler: MakeCrawler) -> None:
    alias = RELEASE_A.replace("english.mee.gov.cn", "english.mep.gov.cn")
    downloader = IncrementalDownloaderMiddleware.from_crawler(make_crawler())
    moved = Request(RELEASE_A, meta={"redirect_urls": [alias]})
    respond(downloader, moved, HtmlResponse(RELEASE_A, body=b"<html></html>", request=moved))
    assert passed(spider_mw(make_crawler), Request(alias)) == [alias]  # its item is not in the feed yet
    archived(make_crawler, RELEASE_A)
    assert passed(spider_mw(make_crawler), Request(alias), Request(RELEASE_B)) == [RELEASE_B]
