"""Which Chinese list pages and articles zh_news asks for: the date window, and where paging stops."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterable
from datetime import date
from pathlib import Path

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from mee_archive.runner import project_settings
from mee_archive.spiders.zh_news import ZhNewsSpider, date_window, english_window, in_window, past_window

CHANNEL = "http://www.mee.gov.cn/ywdt/hjywnews/"


def write_feed(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + '{"published": "2030-', encoding="utf-8")
    return path


def test_window_spans_the_releases_still_to_link_widened_by_the_margin(tmp_path: Path) -> None:
    feed = write_feed(tmp_path / "news_release.jsonl", [
        {"published": "2018-01-10", "zh_status": "linked"},
        {"published": "2018-03-05"},
        {"published": "2018-02-20"},
        {"published": "not a date"},
    ])
    assert english_window(feed, 30) == (date(2018, 1, 21), date(2018, 4, 4))


def test_when_every_release_is_linked_only_the_newest_day_is_looked_at(tmp_path: Path) -> None:
    feed = write_feed(tmp_path / "news_release.jsonl", [
        {"published": "2018-01-10", "zh_status": "linked"}, {"published": "2018-03-05", "zh_status": "no_candidate"}])
    assert english_window(feed, 2) == (date(2018, 3, 3), date(2018, 3, 7))


def test_without_english_items_there_is_no_window(tmp_path: Path) -> None:
    assert english_window(tmp_path / "absent.jsonl", 30) == (None, None)


def test_settings_override_either_end_of_the_derived_window(tmp_path: Path) -> None:
    settings = project_settings({"MEE_OUTPUT_DIR": str(tmp_path), "MEE_ZH_MARGIN_DAYS": 0, "MEE_ZH_UNTIL": "2018-12-31"})
    write_feed(tmp_path / "items" / "news_release.jsonl", [{"published": "2018-03-05"}])
    assert date_window(settings) == (date(2018, 3, 5), date(2018, 12, 31))


def test_undated_entries_are_in_every_window_and_paging_stops_past_its_start() -> None:
    window = (date(2018, 3, 1), date(2018, 3, 31))
    assert [in_window(d, window) for d in (None, date(2018, 2, 28), date(2018, 3, 1), date(2018, 4, 1))] == [
        True, False, True, False]
    assert in_window(date(1990, 1, 1), (None, None))
    assert not past_window([None, date(2018, 3, 1)], window)
    assert past_window([date(2018, 3, 2), date(2018, 2, 28)], window)
    assert not past_window([date(1990, 1, 1)], (None, date(2018, 3, 31)))


def outputs(callback: AsyncIterator[Request]) -> list[Request]:
    """What an async callback yields, run to its end."""
    async def drain() -> list[Request]:
        return [output async for output in callback]
    return asyncio.run(drain())


def list_page(days: list[str], count: int) -> HtmlResponse:
    rows = "".join(
        f'<li><dl><dt><a class="cjcx_biaobnan" href="./{d[:4]}{d[5:7]}/t{d.replace("-", "")}_{n}.shtml">'
        f"标题{n}</a></dt></dl><span class=\"cjcx_shijian\">{d}</span></li>" for n, d in enumerate(days, 1))
    html = f'<ul class="cjcx_danduimg_list">{rows}</ul><script>var countPage = {count}//共多少页</script>'
    return HtmlResponse(CHANNEL, body=html.encode("utf-8"), encoding="utf-8")


def test_a_list_page_asks_for_its_articles_in_the_window_and_the_next_page_only_while_needed(tmp_path: Path) -> None:
    settings = project_settings({"MEE_OUTPUT_DIR": str(tmp_path), "MEE_MAX_LIST_PAGES": 100, "MEE_PAGE_WORKERS": 0})
    spider = ZhNewsSpider.from_crawler(get_crawler(ZhNewsSpider, {**settings.copy_to_dict(),
                                                                  "TWISTED_REACTOR_ENABLED": False}))
    spider.window = (date(2018, 3, 1), date(2018, 3, 31))

    def pages(requests: Iterable[Request]) -> list[Request]:  # the list's articles and pages, not requisites
        return [r for r in requests if r.callback != spider.parse_requisite]

    first = pages(outputs(spider.parse_list(list_page(["2018-04-02", "2018-03-30", "2018-03-02"], 3), 0)))
    assert [r.url.rsplit("/", 1)[1] for r in first] == [
        "t20180330_2.shtml", "t20180302_3.shtml", "index_1.shtml"]
    assert first[-1].cb_kwargs["index"] == 1
    last = pages(outputs(spider.parse_list(list_page(["2018-03-01", "2018-02-27"], 3), **first[-1].cb_kwargs)))
    assert [r.url.rsplit("/", 1)[1] for r in last] == ["t20180301_1.shtml"]  # page 2 is older still


def test_without_english_releases_or_a_start_date_zh_news_refuses_to_run(tmp_path: Path) -> None:
    """It would otherwise walk the Chinese site's whole history."""
    import asyncio

    import pytest
    from scrapy.exceptions import CloseSpider

    from mee_archive.signals import request_failed

    write_feed(tmp_path / "items" / "news_release.jsonl", [])
    crawler = get_crawler(ZhNewsSpider, {**project_settings({"MEE_OUTPUT_DIR": str(tmp_path)}).copy_to_dict(),
                                         "TWISTED_REACTOR_ENABLED": False})
    spider = ZhNewsSpider.from_crawler(crawler)
    reports: list[str] = []
    crawler.signals.connect(lambda url, reason: reports.append(reason), signal=request_failed, weak=False)
    with pytest.raises(CloseSpider) as closed:
        asyncio.run(anext(spider.start()))
    assert closed.value.reason == "no_english_window"
    assert reports and "MEE_ZH_SINCE" in reports[0] and crawler.stats.get_value("mee/errors") == 1


def test_a_daily_run_stops_a_channel_after_a_page_of_archived_articles_plus_the_overlap(tmp_path: Path) -> None:
    days = [["2018-03-30", "2018-03-29"], ["2018-03-28", "2018-03-27"], ["2018-03-26", "2018-03-25"]]
    responses = [list_page(d, 9) for d in days]
    archived = [a for r in responses for a in r.xpath("//a/@href").getall()]
    feed = tmp_path / "items" / "zh_news.jsonl"
    feed.parent.mkdir(parents=True)
    feed.write_text("".join(json.dumps({"url": CHANNEL + a[2:]}) + "\n" for a in archived))
    settings = project_settings({"MEE_OUTPUT_DIR": str(tmp_path), "MEE_PAGE_WORKERS": 0})
    spider = ZhNewsSpider.from_crawler(get_crawler(ZhNewsSpider, {**settings.copy_to_dict(),
                                                                  "TWISTED_REACTOR_ENABLED": False}))
    spider.window = (date(2018, 3, 1), date(2018, 3, 31))
    spider.state.walked(CHANNEL, "earlier")
    first = [r for r in outputs(spider.parse_list(responses[0], 0)) if r.callback == spider.parse_list]
    assert first and first[0].cb_kwargs["quiet"] == 1  # nothing new, but one page of overlap
    second = [r for r in outputs(spider.parse_list(responses[1], **first[0].cb_kwargs)) if r.callback == spider.parse_list]
    assert second == []  # a second page with nothing new: the walk ends, though the window goes on
    assert spider.crawler.stats.get_value("mee/list_walk/stopped_early") == 1
