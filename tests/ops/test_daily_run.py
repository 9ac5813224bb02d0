"""End to end against a live replica: a daily run costs the site a handful of requests.

Every release published shifts every list page by an entry (its ETag moves), so conditional
requests alone do not help; the walk must stop once list pages hold nothing new.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

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
