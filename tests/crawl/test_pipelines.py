"""The item pipelines as Scrapy runs them, on plain items (no network)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from mee_archive.addons import OutputLayout, feed_path
from mee_archive.pipelines import BoilerplatePipeline, DuplicatesPipeline, SchemaValidationPipeline
from mee_archive.runner import project_settings


URL = "http://english.mee.gov.cn/News_service/news_release/201806/t20180627_444891.shtml"


def release(**fields: object) -> dict:
    item = {
        "url": URL, "docid": 444891, "section": "news_release",
        "title": "China-ROK Environmental Cooperation Center officially launched",
        "published": "2018-06-27", "printed_date": None,
        "paragraphs": [
            "Hot Keywords: inspection air water soil pollution",
            "Home > News > News Release",
            "China-ROK Environmental Cooperation Center officially launched",
            "China-ROK Environmental Cooperation Center was officially launched on Jun. 25.",
            "The registration of the center is complete, said Li.",
            "(This English version is for your reference only.In case any discrepancy exists between "
            "the Chinese and English context, the Chinese version shall prevail.)",
            "Copyright©2015-2016 | Statement | Sitemap | Contact us",
            "Registration Number: 05009132",
        ],
        "images": [], "attachments": [], "translation_notice": True,
        "crawled_at": "2026-11-30T03:00:00+00:00",
    }
    item.update(fields)
    return item


def test_boilerplate_pipeline_keeps_the_release_and_records_what_it_removed() -> None:
    item = BoilerplatePipeline().process_item(release())
    assert item["paragraphs"] == [
        "China-ROK Environmental Cooperation Center was officially launched on Jun. 25.",
        "The registration of the center is complete, said Li.",
    ]
    assert item["body"] == "\n\n".join(item["paragraphs"])
    assert "Registration Number: 05009132" in item["boilerplate_removed"]
    assert any("Hot Keywords" in line for line in item["boilerplate_removed"])


def test_schema_pipeline_drops_incomplete_records_and_passes_good_ones(
        make_crawler: Callable[..., Crawler]) -> None:
    pipeline = SchemaValidationPipeline(make_crawler())
    good = BoilerplatePipeline().process_item(release())
    assert pipeline.process_item(good) is good
    with pytest.raises(DropItem, match="published"):
        pipeline.process_item({**good, "published": "27 June 2018"})
    with pytest.raises(DropItem, match="title"):
        pipeline.process_item({k: v for k, v in good.items() if k != "title"})


def test_an_embed_url_that_cannot_be_resolved_does_not_cost_the_release(
        make_crawler: Callable[..., Crawler]) -> None:
    """The fetch policy names the refusal; the release keeps the URL as the page wrote it."""
    pipeline = SchemaValidationPipeline(make_crawler())
    item = BoilerplatePipeline().process_item(release(images=[{"url": "//[bad/x.jpg", "caption": None}],
                                                      attachments=[{"url": "file:///etc/hostname", "title": "x"}]))
    assert pipeline.process_item(item) is item


def test_duplicates_pipeline_skips_urls_already_in_the_feed_even_after_a_cut_off_line(
        make_crawler: Callable[..., Crawler]) -> None:
    crawler = make_crawler()
    feed = feed_path(crawler.settings, "news_release")
    feed.parent.mkdir(parents=True)
    other = URL.replace("444891", "444892")
    feed.write_text(json.dumps(release()) + "\n" + '{"url": "http://english.mee', encoding="utf-8")
    pipeline = DuplicatesPipeline(crawler)
    pipeline.open_spider()
    with pytest.raises(DropItem):
        pipeline.process_item(release())
    assert pipeline.process_item(release(url=other))["url"] == other
    with pytest.raises(DropItem):
        pipeline.process_item(release(url=other))


def test_output_layout_puts_feeds_under_the_output_dir_given_on_the_command_line(tmp_path: Path) -> None:
    settings = project_settings({"MEE_OUTPUT_DIR": str(tmp_path / "archive")})
    OutputLayout().update_settings(settings)
    (feed,) = settings.getdict("FEEDS")
    assert feed == str(tmp_path / "archive" / "items" / "%(name)s.jsonl")
    assert settings.get("MEE_CRAWL_ID")


def test_overlong_names_each_field_holding_a_text_past_the_limit_however_deep() -> None:
    from mee_archive.pipelines import overlong

    item = {"title": "t" * 10, "body": "b" * 11, "paragraphs": ["p" * 3, "p" * 12],
            "images": [{"url": "u", "caption": "c" * 13}], "docid": 123456789012, "zh": None, "attachments": []}
    assert overlong(item, 10) == ["body: 11 characters, more than MEE_MAX_TEXT_CHARS=10",
                                  "paragraphs: 12 characters, more than MEE_MAX_TEXT_CHARS=10",
                                  "images: 13 characters, more than MEE_MAX_TEXT_CHARS=10"]
    assert overlong(item, 13) == []
