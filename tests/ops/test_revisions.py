"""One record per version of a release: new, unchanged (dropped) and changed (a revision)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from mee_archive.addons import feed_path
from mee_archive.pipelines import DuplicatesPipeline, content_digest
from mee_archive.schemas import problems

URL = "http://english.mee.gov.cn/News_service/news_release/201806/t20180627_444891.shtml"


def release(body: str = "The center was launched on Jun. 25.", **fields: object) -> dict:
    return {"url": URL, "docid": 444891, "section": "news_release", "title": "Center launched",
            "published": "2018-06-27", "printed_date": None, "body": body, "paragraphs": [body],
            "images": [], "attachments": [], "translation_notice": True,
            "crawled_at": "2026-11-30T03:00:00+00:00", **fields}


def test_content_digest_follows_what_the_page_says_not_when_it_was_fetched() -> None:
    assert content_digest(release()) == content_digest(release(crawled_at="2027-01-01T00:00:00+00:00", run_id="x"))
    assert content_digest(release()) != content_digest(release(body="Corrected text."))
    assert content_digest(release()) != content_digest(release(images=[{"url": "http://x/a.jpg", "caption": None}]))


def test_records_of_earlier_runs_decide_new_unchanged_and_revised(make_crawler: Callable[..., Crawler]) -> None:
    crawler = make_crawler(MEE_CRAWL_ID="run-2")
    feed = feed_path(crawler.settings, "news_release")
    feed.parent.mkdir(parents=True)
    earlier = release(run_id="run-1")  # written before content_digest existed: computed on reading
    feed.write_text(json.dumps(earlier) + "\n", encoding="utf-8")
    pipeline = DuplicatesPipeline(crawler)
    pipeline.open_spider()

    with pytest.raises(DropItem, match="unchanged"):
        pipeline.process_item(release())
    revised = pipeline.process_item(release(body="The center was launched on Jun. 26."))
    assert revised["run_id"] == "run-2"
    assert revised["revision_of"] == {"run_id": "run-1", "crawled_at": earlier["crawled_at"],
                                      "content_digest": content_digest(earlier)}
    with pytest.raises(DropItem):  # the revision is now the latest version
        pipeline.process_item(release(body="The center was launched on Jun. 26."))
    other = pipeline.process_item(release(url=URL.replace("444891", "444900")))
    assert "revision_of" not in other and other["content_digest"].startswith("sha1:")
    assert problems("release", revised) == [] and problems("release", other) == []
    stats = crawler.stats.get_stats()
    assert (stats["mee/items/new"], stats["mee/items/changed"], stats["mee/items/unchanged"]) == (1, 1, 2)
