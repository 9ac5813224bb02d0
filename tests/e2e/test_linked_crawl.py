"""End to end: after the Chinese crawl every English release carries its original or a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from mee_archive.link.evaluate import evaluate
from mee_archive.replica.model import Corpus
from mee_archive.replica.truth import export_truth

from .conftest import read_jsonl

pytestmark = pytest.mark.slow

STATUSES = {"linked", "no_candidate", "below_threshold", "ambiguous", "related_only"}


def test_every_release_carries_a_link_or_the_reason_and_links_are_one_to_one(linked_crawl: Path) -> None:
    english = read_jsonl(linked_crawl / "items" / "news_release.jsonl")
    chinese = {item["url"] for item in read_jsonl(linked_crawl / "items" / "zh_news.jsonl")}
    assert english and all(item["zh_status"] in STATUSES for item in english)
    linked = [item["zh"]["url"] for item in english if item["zh_status"] == "linked"]
    assert all(item["zh"] is None for item in english if item["zh_status"] != "linked")
    assert len(linked) == len(set(linked)), "one Chinese original per release"
    assert set(linked) <= chinese, "links point at archived Chinese articles"
    links = read_jsonl(linked_crawl / "items" / "links.jsonl")
    assert sorted(r["url"] for r in links) == sorted(item["url"] for item in english)


def test_the_crawled_links_agree_with_the_replica_truth(linked_crawl: Path, corpus: Corpus) -> None:
    links = read_jsonl(linked_crawl / "items" / "links.jsonl")
    scores = evaluate(links, list(export_truth(corpus)))
    assert scores.precision >= 0.95 and scores.recall >= 0.9
