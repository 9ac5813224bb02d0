"""End to end against a live replica: a daily run costs the site a handful of requests.

Every release published shifts every list page by an entry (its ETag moves), so conditional
requests alone do not help; the walk must stop once list pages hold nothing new.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mee_archive.incremental import kind_of
from mee_archive.pages.trs import list_page_url
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer
from mee_archive.runner import project_settings
from mee_archive.state import CrawlState, state_path

from .conftest import fetched_since, items

pytestmark = pytest.mark.slow

SEED = 7
START = "http://english.mee.gov.cn/News_service/news_release/"
BASE = 100  # five list pages of 20


def list_pages(count: int) -> list[str]:
    return [START, *(list_page_url(START, n) for n in range(1, count))]


def test_daily_runs_walk_list_pages_only_until_nothing_is_new(tmp_path: Path, crawl: Callable[..., int]) -> None:
    output = tmp_path / "archive"
    with ReplicaServer(build_corpus(SEED, BASE)).start() as replica:
        assert crawl(replica.url, output) == 0
        assert fetched_since(replica, 0, "list") == list_pages(5)  # the first run walks them all

        start = len(replica.requests)
        assert crawl(replica.url, output) == 0  # nothing new: page 0, and page 1 for the overlap
        assert [r.url for r in replica.requests[start:]] == ["http://english.mee.gov.cn/robots.txt", *list_pages(2)]

    grown = build_corpus(SEED, BASE + 25)  # 25 new releases: pages 0 and 1 list them (20 + 5)
    new = {r.url for r in grown.releases()} - {i["url"] for i in items(output)}
    with ReplicaServer(grown).start() as replica:
        assert crawl(replica.url, output) == 0
        assert fetched_since(replica, 0, "list") == list_pages(4)  # page 2 holds nothing new, page 3 overlaps
        assert sorted(fetched_since(replica, 0, "page")) == sorted(new)
        assert len(new) == 25

        start = len(replica.requests)
        assert crawl(replica.url, output, "MEE_LIST_OVERLAP_PAGES=0") == 0
        assert fetched_since(replica, start, "list") == list_pages(1)

        start = len(replica.requests)
        assert crawl(replica.url, output, "MEE_FULL_LIST=True") == 0  # the weekly walk
        assert fetched_since(replica, start, "list") == list_pages(7)
        assert fetched_since(replica, start, "page") == []
    assert sorted(i["url"] for i in items(output)) == sorted(r.url for r in grown.releases())


def test_no_early_stop_until_a_run_has_walked_the_whole_list(tmp_path: Path, crawl: Callable[..., int]) -> None:
    """A first crawl killed halfway leaves older pages unread: the next run must reach them."""
    output = tmp_path / "archive"
    corpus = build_corpus(SEED, 60)
    with ReplicaServer(corpus).start() as replica:
        assert crawl(replica.url, output) == 0
        state = CrawlState(state_path(project_settings({"MEE_OUTPUT_DIR": str(output)})))
        state.db.execute("DELETE FROM list_walks")  # as if no run had ever finished its walk
        state.close()
        start = len(replica.requests)
        assert crawl(replica.url, output) == 0
        assert fetched_since(replica, start, "list") == list_pages(3)
        start = len(replica.requests)
        assert crawl(replica.url, output) == 0  # that run finished its walk: now the daily stop applies
        assert fetched_since(replica, start, "list") == list_pages(2)


ZH_CHANNELS = ["http://www.mee.gov.cn/ywdt/hjywnews/", "http://www.mee.gov.cn/ywdt/xwfb/",
               "http://www.mee.gov.cn/ywdt/zbft/", "http://www.mee.gov.cn/ywdt/szyw/"]


def zh_list_pages(urls: list[str]) -> dict[str, int]:
    """List pages asked for, per Chinese channel."""
    return {channel: sum(url == channel or url.startswith(channel + "index") for url in urls)
            for channel in ZH_CHANNELS}


def test_zh_daily_runs_walk_each_channel_only_until_nothing_is_new(
        tmp_path: Path, replica_crawl: Callable[..., Any]) -> None:
    """The same early stop in every Chinese channel: with nothing new, page 0 and the overlap
    page; an article the archive lacks costs itself, its requisites' revalidation and one more
    list page of its channel."""
    output = tmp_path / "archive"
    with ReplicaServer(build_corpus(SEED, BASE)).start() as replica:
        for spider in ("news_release", "zh_news"):
            assert replica_crawl(spider, replica.url, output).returncode == 0
        start = len(replica.requests)
        assert replica_crawl("zh_news", replica.url, output).returncode == 0
        quiet = [r.url for r in replica.requests[start:]]
        feed = output / "items" / "zh_news.jsonl"
        lines = feed.read_text("utf-8").splitlines(keepends=True)
        # The channel's newest article, as if published since the last run (its page 0 lists it).
        newest = max((json.loads(line) for line in lines if "/ywdt/hjywnews/" in line), key=lambda r: r["published"])
        feed.write_text("".join(line for line in lines if json.loads(line)["url"] != newest["url"]), "utf-8")
        start = len(replica.requests)  # a day later: the new article's requisites are due for revalidation
        assert replica_crawl("zh_news", replica.url, output, "MEE_REVALIDATE_AFTER_HOURS=0").returncode == 0
        one_new = replica.requests[start:]
    assert quiet[0] == "http://www.mee.gov.cn/robots.txt"
    assert [kind_of(url) for url in quiet[1:]] == ["list"] * (len(quiet) - 1)  # no article, no requisite
    assert set(zh_list_pages(quiet).values()) <= {1, 2} and sum(zh_list_pages(quiet).values()) == len(quiet) - 1
    fetched = [r.url for r in one_new]
    assert [u for u in fetched if kind_of(u) == "page"] == [newest["url"]]
    walked = zh_list_pages([u for u in fetched if kind_of(u) == "list"])
    assert walked == {**zh_list_pages(quiet), ZH_CHANNELS[0]: zh_list_pages(quiet)[ZH_CHANNELS[0]] + 1}
    requisites = [r for r in one_new if kind_of(r.url) == "resource" and not r.url.endswith("/robots.txt")]
    assert requisites and {r.status for r in requisites} == {304}  # revalidated: the same chrome
    print(f"zh_news daily run at {BASE} releases: nothing new {len(quiet)} requests; one new article "
          f"{len(fetched)} requests ({len(fetched) - len(requisites) - 1} beyond its requisites and itself)")
