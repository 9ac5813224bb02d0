"""End to end: crawl a replica and find exactly the releases it lists, with the gold text (so no
boilerplate: the gold is the release's own paragraphs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mee_archive.replica.model import Corpus
from mee_archive.replica.truth import export_truth

from .conftest import read_jsonl

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def items(english_crawl: Path) -> list[dict]:
    return read_jsonl(english_crawl / "items" / "news_release.jsonl")


@pytest.fixture(scope="module")
def truth(corpus: Corpus) -> dict[str, dict]:
    return {record["url"]: record for record in export_truth(corpus)}


def test_every_listed_release_is_found_once_and_nothing_else(items: list[dict], truth: dict[str, dict]) -> None:
    urls = [item["url"] for item in items]
    assert len(urls) == len(set(urls)), "one record per release"
    assert set(urls) == set(truth)


def test_fields_equal_the_replica_gold(items: list[dict], truth: dict[str, dict]) -> None:
    for item in items:
        gold = truth[item["url"]]
        assert item["title"] == gold["title"]
        assert item["docid"] == gold["docid"]
        assert item["published"] == gold["published"]
        assert item["body"] == gold["body"], item["url"]
        assert [i["url"] for i in item["images"]] == [i["url"] for i in gold["images"]]
        assert [a["url"] for a in item["attachments"]] == [a["url"] for a in gold["attachments"]]
        assert item["translation_notice"] is True
