"""`mee-archive rederive`: a crawl's items again, from its WARC files alone."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mee_archive import text
from mee_archive.cli import main
from mee_archive.feeds import read_records
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer

from .test_incremental_crawl import with_changed_body

pytestmark = pytest.mark.slow

def records(folder: Path, feed: str) -> list[dict[str, Any]]:
    return list(read_records(folder / f"{feed}.jsonl"))


def without_fetch_time(record: dict[str, Any]) -> dict[str, Any]:
    """A record apart from ``crawled_at`` (a crawl stamps parse time, rederive the WARC-Date)."""
    out = {k: v for k, v in record.items() if k != "crawled_at"}
    if out.get("revision_of"):
        out["revision_of"] = {k: v for k, v in out["revision_of"].items() if k != "crawled_at"}
    return out


def versions(items: list[dict[str, Any]]) -> dict[tuple[str, int], dict[str, Any]]:
    seen: dict[str, int] = {}
    out = {}
    for item in items:
        out[(item["url"], seen.get(item["url"], 0))] = without_fetch_time(item)
        seen[item["url"]] = seen.get(item["url"], 0) + 1
    return out


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, replica_crawl: Callable[..., Any]) -> Path:
    """A crawl of both sites, then a refresh that finds one release changed (a revision, and
    revisit records for every unchanged page), linked again by a daily Chinese run."""
    output = tmp_path_factory.mktemp("rederive") / "archive"
    corpus = build_corpus(7, 30)
    with ReplicaServer(corpus).start() as replica:
        for spider in ("news_release", "zh_news"):
            assert replica_crawl(spider, replica.url, output).returncode == 0
    with ReplicaServer(with_changed_body(corpus, corpus.releases()[5].url)).start() as replica:
        assert replica_crawl("news_release", replica.url, output, "MEE_REFRESH=True").returncode == 0
        assert replica_crawl("zh_news", replica.url, output).returncode == 0
    return output


def test_rederived_items_equal_the_crawls_apart_from_the_fetch_time(archive: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    crawled = archive / "items"
    assert len(records(crawled, "news_release")) == 31  # 30 releases and one revision
    assert main(["rederive", "--output", str(archive), "--into", str(tmp_path), "--report", str(tmp_path / "r.json")]) == 0
    for feed in ("news_release", "zh_news"):
        assert versions(records(tmp_path, feed)) == versions(records(crawled, feed))
    assert records(tmp_path, "links") == records(crawled, "links")
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["news_release"]["unchanged"] == 31 and report["news_release"]["changed_items"] == {}
    assert report["zh_news"]["new"] == report["zh_news"]["lost"] == []
    assert "news_release: 31 unchanged, 0 changed" in capsys.readouterr().out


def test_a_changed_boilerplate_rule_shows_exactly_the_items_it_changes(
        archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rule = re.compile(r".*\bper\s*cent\b.*|.*\bpercent\b.*", re.IGNORECASE)
    crawled = records(archive / "items", "news_release")
    affected = {i["url"] for i in crawled if any(rule.fullmatch(p) for p in i["paragraphs"])}
    assert 0 < len(affected) < len({i["url"] for i in crawled})
    monkeypatch.setattr(text, "BOILERPLATE_LINES", (*text.BOILERPLATE_LINES, rule))
    assert main(["rederive", "--output", str(archive), "--into", str(tmp_path), "--report", str(tmp_path / "r.json")]) == 0
    changed = json.loads((tmp_path / "r.json").read_text())["news_release"]["changed_items"]
    # The text changed exactly where the rule matched; elsewhere at most the link's evidence (the
    # linker weighs words across all releases) moved.
    text_changed = {url for url, fields in changed.items() if set(fields) - {"zh", "zh_status"}}
    assert text_changed == affected
    assert all(set(changed[url]) == {"body", "paragraphs", "boilerplate_removed", "content_digest"}
               | ({"zh"} & set(changed[url])) for url in affected)
    rederived = {i["url"]: i for i in records(tmp_path, "news_release")}
    assert all(not any(rule.fullmatch(p) for p in rederived[url]["paragraphs"]) for url in affected)


def test_rederive_replaces_the_items_in_place_and_refuses_a_missing_archive(
        archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (archive / "items" / "news_release.jsonl").read_bytes()
    assert main(["rederive", "--output", str(archive)]) == 0
    after = [without_fetch_time(r) for r in records(archive / "items", "news_release")]
    assert sorted(map(json.dumps, after)) == sorted(
        json.dumps(without_fetch_time(json.loads(line))) for line in before.splitlines())
    assert main(["rederive", "--output", str(tmp_path / "nothing")]) == 2
    assert "no archive at" in capsys.readouterr().err
