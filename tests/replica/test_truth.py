"""The ground-truth export: one gold record per news release, one per Chinese article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.model import Corpus
from mee_archive.replica.truth import export_truth, export_zh, gold_and_related, write_jsonl

FIELDS = {"url", "docid", "section", "title", "published", "printed_date", "event_date", "body",
          "paragraphs", "images", "attachments", "zh_url", "zh_docid", "zh_urls", "zh_related", "zh_decoys"}


@pytest.fixture(scope="module")
def generated() -> Corpus:
    return build_corpus(5, 250)


def test_one_record_per_news_release_never_a_sibling(generated: Corpus) -> None:
    records = list(export_truth(generated))
    assert [r["url"] for r in records] == [r.url for r in generated.releases()]
    assert len(generated.en) > len(records), "the corpus has sibling articles to leave out"
    assert all(set(r) == FIELDS and r["section"] == "news_release" for r in records)
    assert all("/News_service/news_release/" in r["url"] for r in records)


def test_records_carry_gold_text_and_dates(generated: Corpus) -> None:
    for record, release in zip(export_truth(generated), generated.releases()):
        assert record["body"] == "\n\n".join(record["paragraphs"]) == "\n\n".join(release.paragraphs)
        assert record["published"] == release.url_date.isoformat()
        assert record["printed_date"] == release.printed_date.isoformat()
        assert record["event_date"] == release.event_date.isoformat()
        assert record["url"].endswith(f"/t{release.url_date:%Y%m%d}_{release.docid}.shtml")


def test_originals_point_at_chinese_articles(generated: Corpus) -> None:
    zh = {a.docid: a for a in generated.zh}
    records = list(export_truth(generated))
    linked = [r for r in records if r["zh_url"]]
    assert 0 < len(linked) < len(records)
    for r in records:
        if r["zh_docid"] is None:
            assert r["zh_url"] is None
        else:
            assert r["zh_url"] == zh[r["zh_docid"]].url
            assert r["zh_url"].startswith("http://www.mee.gov.cn/")
            assert r["zh_url"] not in r["zh_related"]
    related = {u for r in records for u in r["zh_related"]}
    assert related and related <= {a.url for a in generated.zh}


def test_embeds_are_absolute_urls_in_the_month_folder(generated: Corpus) -> None:
    records = [r for r in export_truth(generated) if r["images"] or r["attachments"]]
    assert any(r["images"] for r in records) and any(r["attachments"] for r in records)
    for r in records:
        folder = r["url"].rsplit("/", 1)[0] + "/"
        for image in r["images"]:
            assert image["url"].startswith(folder + "W0") and image["url"].endswith(".jpg") and image["caption"]
        for pdf in r["attachments"]:
            assert pdf["url"].startswith(folder + "P0") and pdf["url"].endswith(".pdf") and pdf["title"]


def test_chinese_gold_records(generated: Corpus) -> None:
    records = list(export_zh(generated))
    assert len(records) == len(generated.zh)
    for record, article in zip(records, generated.zh):
        assert set(record) == {"url", "docid", "channel", "title", "published", "shows_date", "body", "paragraphs"}
        assert record["shows_date"] == article.shows_date
        assert record["url"] == article.url and record["docid"] == article.docid
        assert record["published"] == article.published.isoformat()
        assert record["body"] == "\n\n".join(article.paragraphs)


def test_write_jsonl_round_trips_unescaped_utf8(generated: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "truth.jsonl"
    assert write_jsonl(export_zh(generated), path) == len(generated.zh)
    text = path.read_text(encoding="utf-8")
    assert "环境" in text
    assert [json.loads(line) for line in text.splitlines()] == list(export_zh(generated))


def test_gold_lists_the_original_first_then_its_verbatim_copies(generated: Corpus) -> None:
    zh = {a.url: a for a in generated.zh}
    records = [r for r in export_truth(generated) if r["zh_url"]]
    assert all(r["zh_urls"][0] == r["zh_url"] for r in records)
    copied = [r for r in records if len(r["zh_urls"]) > 1]
    assert copied
    for r in copied:
        original = zh[r["zh_url"]]
        assert all(zh[u].paragraphs == original.paragraphs and zh[u].docid != original.docid for u in r["zh_urls"][1:])
        assert not set(r["zh_urls"]) & set(r["zh_related"] + r["zh_decoys"])
    assert all(zh[u].paragraphs != zh[r["zh_url"]].paragraphs for r in records for u in r["zh_related"] + r["zh_decoys"])


def test_real_pairs_form(generated: Corpus) -> None:
    """The form of ../shared/real-pairs/truth.json: gold and related by English URL."""
    records = list(export_truth(generated))
    pairs = gold_and_related(records)
    assert set(pairs) == {"gold", "related"}
    assert pairs["gold"] == {r["url"]: r["zh_urls"] for r in records if r["zh_url"]}
    assert pairs["related"] == {r["url"]: r["zh_related"] for r in records if r["zh_related"]}
    assert len(pairs["gold"]) < len(records)  # releases without an original are absent
