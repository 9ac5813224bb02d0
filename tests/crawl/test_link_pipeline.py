"""The link step at the end of the Chinese crawl, on feeds written by hand (no network)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import scrapy
from scrapy.crawler import Crawler

from mee_archive.pipelines import LinkPipeline

EN = "http://english.mee.gov.cn/News_service/news_release/201806/t20180627_444891.shtml"
ZH = "http://www.mee.gov.cn/ywdt/hjywnews/201806/t20180625_444512.shtml"


def write(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")


def zh_news_pipeline(make_crawler: Callable[..., Crawler]) -> tuple[LinkPipeline, Path]:
    crawler = make_crawler()
    crawler.spider = type("ZhNews", (scrapy.Spider,), {"name": "zh_news"})()
    pipeline = LinkPipeline(crawler)
    pipeline.open_spider()
    return pipeline, Path(crawler.settings["MEE_OUTPUT_DIR"]) / "items"


ENGLISH = {"url": EN, "title": "China-ROK Environmental Cooperation Center officially launched",
           "published": "2018-06-27",
           "body": "China-ROK Environmental Cooperation Center was officially launched on Jun. 25. "
                   "MEE Minister Li Ganjie and ROK Minister of Environment Kim Eunkyung attended."}
CHINESE = {"url": ZH, "title": "中韩环境合作中心正式启动", "published": "2018-06-25",
           "body": "6月25日，中韩环境合作中心正式启动。生态环境部部长李干杰与韩国环境部长官金恩京出席启动仪式。"}


def test_the_english_feed_gains_zh_and_a_links_file(make_crawler: Callable[..., Crawler]) -> None:
    pipeline, items = zh_news_pipeline(make_crawler)
    write(items / "news_release.jsonl", [ENGLISH])
    pipeline.process_item(dict(CHINESE))
    pipeline.close_spider()
    (record,) = [json.loads(line) for line in (items / "news_release.jsonl").open()]
    assert record["zh_status"] == "linked" and record["zh"]["url"] == ZH
    (link,) = [json.loads(line) for line in (items / "links.jsonl").open()]
    assert link["url"] == EN and link["zh_url"] == ZH


def test_nothing_new_on_either_side_leaves_the_links_as_they_are(make_crawler: Callable[..., Crawler]) -> None:
    pipeline, items = zh_news_pipeline(make_crawler)
    linked = {**ENGLISH, "zh": None, "zh_status": "no_candidate"}
    write(items / "news_release.jsonl", [linked])
    write(items / "zh_news.jsonl", [CHINESE])
    before = (items / "news_release.jsonl").read_bytes()
    pipeline.close_spider()
    assert (items / "news_release.jsonl").read_bytes() == before
    assert not (items / "links.jsonl").exists()
    assert pipeline.crawler.stats.get_value("mee/links/kept") == 1


def test_no_english_release_yet_links_nothing(make_crawler: Callable[..., Crawler], monkeypatch) -> None:
    """A Chinese crawl before any English one: the linker is not even started."""
    import mee_archive.link

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the linker ran with no English release to link")

    monkeypatch.setattr(mee_archive.link, "link_items", refuse)
    pipeline, items = zh_news_pipeline(make_crawler)
    write(items / "links.jsonl", [{"url": EN, "zh_url": ZH}])  # left by an English feed since removed
    pipeline.process_item(dict(CHINESE))
    pipeline.close_spider()
    assert (items / "links.jsonl").read_text() == "" and (items / "news_release.jsonl").read_text() == ""
