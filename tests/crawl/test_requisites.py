"""Page requisites are archived by the spiders: once per URL per crawl, off-site only where
MEE_REQUISITE_HOSTS allows, never as items, and on later runs only revalidated, by the pages
that run archives (tests/ops/test_requisite_revalidation.py runs that against the replica)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, TextResponse
from scrapy.utils.test import get_crawler

from mee_archive.archive.rawrecord import iter_records
from mee_archive.feeds import read_records
from mee_archive.replica import requisites as served
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer
from mee_archive.requestkinds import REVALIDATE
from mee_archive.runner import project_settings
from mee_archive.spiders.news_release import NewsReleaseSpider

PAGE = "http://english.mee.gov.cn/News_service/news_release/201806/t20180627_1.shtml"
HTML = b"""<html><head><link rel="stylesheet" href="/images/en.css"><link rel="icon" href="/images/f.png">
<script src="http://cdn.example.com/lib.js"></script><script src="http://www.mee.gov.cn/images/zh.js"></script>
</head><body><img src="/images/logo.gif"><img src="/images/logo.gif"></body></html>"""


@pytest.fixture
def spider(tmp_path: Path) -> Callable[..., NewsReleaseSpider]:
    """``spider(**settings)``: a news_release spider whose archive (and crawl state) is in tmp_path."""
    return lambda **settings: make_spider(MEE_OUTPUT_DIR=str(tmp_path), **settings)


def make_spider(**settings: Any) -> NewsReleaseSpider:
    crawler = get_crawler(NewsReleaseSpider, project_settings({"TWISTED_REACTOR_ENABLED": False, **settings}))
    crawler.spider = NewsReleaseSpider.from_crawler(crawler)
    crawler.stats.open_spider()
    return crawler.spider


def urls(requests: list[Any]) -> list[str]:
    return [r.url for r in requests]


def test_each_requisite_is_asked_for_once_and_off_site_ones_only_from_allowed_hosts(spider: Callable[..., NewsReleaseSpider]) -> None:
    s = spider()
    page = HtmlResponse(PAGE, body=HTML)
    first = s.requisites(page)
    assert urls(first) == ["http://english.mee.gov.cn/images/en.css", "http://english.mee.gov.cn/images/f.png",
                           "http://www.mee.gov.cn/images/zh.js", "http://english.mee.gov.cn/images/logo.gif"]
    assert all(r.callback == s.parse_requisite and r.errback == s.requisite_failed for r in first)
    assert s.crawler.stats.get_value("mee/requisites/not_fetched_offsite") == 1  # the CDN: counted, not asked
    assert s.requisites(HtmlResponse(PAGE.replace("_1", "_2"), body=HTML)) == []  # the next page shares them

    narrow = spider(MEE_REQUISITE_HOSTS=[])
    assert "http://www.mee.gov.cn/images/zh.js" not in urls(narrow.requisites(page))


def test_a_page_naming_more_requisites_than_the_cap_costs_only_the_cap_and_says_so(spider: Callable[..., NewsReleaseSpider]) -> None:
    s = spider(MEE_MAX_REQUISITES_PER_PAGE=3)
    reports: list[str] = []
    s.report = lambda url, reason: reports.append(reason)  # type: ignore[method-assign]
    html = "".join(f'<img src="/images/{n}.gif">' for n in range(10)).encode()
    assert len(s.requisites(HtmlResponse(PAGE, body=html))) == 3
    assert reports and "MEE_MAX_REQUISITES_PER_PAGE=3" in reports[0]


def requisite_response(url: str, body: bytes, content_type: str, revalidate: bool = False,
                       flags: list[str] | None = None) -> TextResponse:
    """A requisite's answer as the spider gets it: tied to the request that asked for it."""
    return TextResponse(url, body=body, headers={"Content-Type": content_type}, flags=flags,
                        request=Request(url, meta={REVALIDATE: revalidate}))


def test_a_stylesheet_is_read_for_what_it_imports_and_other_requisites_for_nothing(
        spider: Callable[..., NewsReleaseSpider]) -> None:
    s = spider()
    css = requisite_response("http://english.mee.gov.cn/images/en.css", b'@import "r.css"; a{background:url(b.png)}',
                             "text/css")
    assert urls(s.parse_requisite(css)) == ["http://english.mee.gov.cn/images/b.png",
                                            "http://english.mee.gov.cn/images/r.css"]
    js = requisite_response("http://english.mee.gov.cn/images/a.js", b'url("x.png")', "application/javascript")
    assert s.parse_requisite(js) == []
    assert s.crawler.stats.get_value("mee/requisites/fetched") == 2


def test_a_revalidated_stylesheet_answered_304_revalidates_what_it_pulls_in(
        spider: Callable[..., NewsReleaseSpider]) -> None:
    s = spider(MEE_REVALIDATE_AFTER_HOURS=0)
    s.state.want("http://english.mee.gov.cn/images/b.png", "news_release", b"", "earlier")
    s.state.answered("http://english.mee.gov.cn/images/b.png", 200, "earlier")
    stored = requisite_response("http://english.mee.gov.cn/images/en.css", b"a{background:url(b.png)}", "text/css",
                                revalidate=True, flags=["not_modified"])  # the stored sheet, for a 304
    (again,) = s.parse_requisite(stored)
    assert again.url == "http://english.mee.gov.cn/images/b.png" and again.meta[REVALIDATE]
    assert s.crawler.stats.get_value("mee/requisites/not_modified") == 1


def test_an_archived_requisite_is_asked_again_only_to_be_revalidated_by_a_page_this_run_archives(
        spider: Callable[..., NewsReleaseSpider]) -> None:
    s = spider(MEE_REVALIDATE_AFTER_HOURS=0)
    for url in ("http://english.mee.gov.cn/images/en.css", "http://english.mee.gov.cn/images/logo.gif"):
        s.state.want(url, "news_release", b"", "earlier")  # as an earlier run leaves them
        s.state.answered(url, 200, "earlier")
    page = HtmlResponse(PAGE, body=HTML)
    listed = urls(s.requisites(page))  # a list page: what is archived is left alone
    assert "http://english.mee.gov.cn/images/en.css" not in listed and "http://english.mee.gov.cn/images/f.png" in listed
    again = s.requisites(page, revalidate=True)  # a release of this run: the rest, conditionally
    assert urls(again) == ["http://english.mee.gov.cn/images/en.css", "http://english.mee.gov.cn/images/logo.gif"]
    assert all(r.meta[REVALIDATE] for r in again)
    assert s.requisites(page, revalidate=True) == []  # once per crawl
    resumed = spider().requisites(page, revalidate=True)  # answered minutes ago (a run resumed after a kill)
    assert "http://english.mee.gov.cn/images/en.css" not in urls(resumed)
    weekly = spider(MEE_FULL_LIST=True, MEE_REVALIDATE_AFTER_HOURS=0).requisites(page)  # every page revalidates
    assert len(weekly) == 4 and all(r.meta[REVALIDATE] for r in weekly)
    never = spider(MEE_REVALIDATE_REQUISITES=False, MEE_REVALIDATE_AFTER_HOURS=0).requisites(page, revalidate=True)
    assert "http://english.mee.gov.cn/images/en.css" not in urls(never)
    assert len(spider(MEE_REFRESH=True).requisites(page)) == 4  # fetched again, unconditionally


@pytest.mark.slow
def test_a_crawl_archives_every_requisite_once_and_a_second_run_none(
        tmp_path: Path, replica_crawl: Any) -> None:
    corpus = build_corpus(7, 30)
    with ReplicaServer(corpus).start() as replica:
        assert replica_crawl("news_release", replica.url, tmp_path).returncode == 0
        asked = Counter(r.url for r in replica.requests if "/images/" in r.url or r.url.endswith("/favicon.ico"))
        start = len(replica.requests)
        assert replica_crawl("news_release", replica.url, tmp_path).returncode == 0
        again = [r.url for r in replica.requests[start:] if "/images/" in r.url]
    generations = {r.generation for r in corpus.releases()}
    expected = {f"/images/{name}" for g in generations for name in served.EN_BY_GENERATION[g]} | {
        f"/images/{name}" for name in served.EN_CSS_ONLY}  # the last ones only the stylesheets name
    assert {url.removeprefix("http://english.mee.gov.cn") for url in asked} >= expected
    assert set(asked.values()) == {1}
    assert again == []
    archived = {rec.header("WARC-Target-URI") for warc in (tmp_path / "warc").glob("*.warc.gz")
                for rec in iter_records(warc) if rec.type == "response"}
    assert set(asked) <= archived
    item_urls = {i["url"] for i in read_records(tmp_path / "items" / "news_release.jsonl")}
    assert item_urls == {r.url for r in corpus.releases()}  # requisites never become items
