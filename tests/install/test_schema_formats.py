"""The schemas' formats count: a date-time, date or uri that is not one makes the record invalid
(a validator without format checks would pass "not a time" as a date-time)."""

from __future__ import annotations

import pytest

from mee_archive.schemas import problems

URL = "http://english.mee.gov.cn/News_service/news_release/201806/t20180627_444891.shtml"


def release(**fields: object) -> dict:
    body = "The center was launched."
    return {"url": URL, "docid": 444891, "section": "news_release", "title": "Center launched",
            "published": "2018-06-27", "printed_date": None, "body": body, "paragraphs": [body],
            "images": [], "attachments": [], "translation_notice": False,
            "crawled_at": "2026-11-30T03:00:00+00:00", **fields}


def zh_article(**fields: object) -> dict:
    return {"url": "http://www.mee.gov.cn/ywdt/xwfb/201806/t20180627_444800.shtml", "docid": 444800,
            "channel": "xwfb", "title": "中心成立", "published": "2018-06-27", "body": "正文",
            "paragraphs": ["正文"], "crawled_at": "2026-11-30T03:00:00+00:00", **fields}


def test_good_records_pass() -> None:
    assert problems("release", release()) == []
    assert problems("zh_article", zh_article()) == []


@pytest.mark.parametrize("field, value", [
    ("crawled_at", "not a time"),
    ("crawled_at", "2026-11-30 03:00"),  # no zone, no T: not RFC 3339
    ("published", "2018-13-45"),  # the pattern's shape, no such day
    ("url", "http://english mee.gov.cn/News_service/news_release/201806/t20180627_444891.shtml"),
])
def test_a_bad_date_time_date_or_uri_is_rejected(field: str, value: str) -> None:
    found = problems("release", release(**{field: value}))
    assert found and any(field in problem for problem in found), found


@pytest.mark.parametrize("field, value", [("crawled_at", "yesterday"),
                                          ("url", "http://www mee.gov.cn/ywdt/xwfb/t1.shtml")])
def test_chinese_articles_too(field: str, value: str) -> None:
    assert problems("zh_article", zh_article(**{field: value}))
