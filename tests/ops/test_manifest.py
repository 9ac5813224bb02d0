"""Run manifests and the `runs` table, from a crawler's signals and stats (no network)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from mee_archive.cli import main
from mee_archive.manifest import RunManifest, counts, read_manifests
from mee_archive.signals import request_failed

STATS = {
    "mee/list_pages": 3, "mee/incremental/not_modified": 2, "mee/items/new": 4, "mee/items/changed": 1,
    "mee/incremental/skipped_pages": 20, "mee/embeds": 5, "downloader/request_count": 14,
    "downloader/response_status_count/200": 11, "downloader/response_status_count/304": 2,
    "downloader/response_status_count/404": 1, "downloader/response_bytes": 123456, "retry/count": 2,
}


def test_counts_name_the_items_after_the_spider_and_split_statuses() -> None:
    figures = counts(STATS, "news_release")
    assert figures["list_pages"] == 3 and figures["list_pages_not_modified"] == 2
    assert figures["releases"] == {"new": 4, "changed": 1, "unchanged": 0, "not_fetched_archived": 20, "invalid": 0}
    assert figures["responses_by_status"] == {"200": 11, "304": 2, "404": 1}
    assert (figures["bytes_received"], figures["retries"], figures["embeds"]["fetched"]) == (123456, 2, 5)
    assert "chinese_pages" in counts({}, "zh_news")


def manifest_of(crawler: Crawler) -> dict:
    (path,) = (Path(crawler.settings["MEE_OUTPUT_DIR"]) / "runs").glob("*.json")
    assert path.name == f"{crawler.settings['MEE_CRAWL_ID']}.json"
    return json.loads(path.read_text("utf-8"))


def test_a_run_is_recorded_as_running_at_start_and_with_figures_and_errors_at_the_end(
        make_crawler: Callable[..., Crawler]) -> None:
    crawler = make_crawler(CONCURRENT_REQUESTS_PER_DOMAIN="16")
    manifest = RunManifest.from_crawler(crawler)
    crawler.signals.send_catch_log(signal=signals.spider_opened, spider=crawler.spider)
    started = manifest_of(crawler)
    assert started["status"] == "running" and started["finished_at"] is None
    assert started["settings"]["CONCURRENT_REQUESTS_PER_DOMAIN"] == 16

    gone = Request("http://english.mee.gov.cn/News_service/news_release/201806/t20180627_1.shtml")
    for reason in ("HTTP 404", "TimeoutError: took too long"):
        crawler.signals.send_catch_log(request_failed, url=gone.url, reason=reason)
    manifest.spider_error(Failure(ValueError("no title")), Response(gone.url, request=gone), crawler.spider)
    for key, value in STATS.items():
        crawler.stats.set_value(key, value)
    manifest.closed(crawler.spider, "finished")

    ended = manifest_of(crawler)
    assert ended["status"] == "finished" and ended["finish_reason"] == "finished" and ended["finished_at"]
    assert ended["counts"]["releases"]["new"] == 4
    assert [e["reason"] for e in ended["errors"]] == ["HTTP 404", "TimeoutError: took too long", "callback failed: no title"]
    assert ended["error_count"] == 3 and ended["warc_files"] == []


def write_run(runs: Path, crawl_id: str, started: str, **fields: object) -> None:
    runs.mkdir(parents=True, exist_ok=True)
    record = {"crawl_id": crawl_id, "spider": "news_release", "started_at": started, **fields}
    (runs / f"{crawl_id}.json").write_text(json.dumps(record), "utf-8")


def test_runs_lists_manifests_oldest_first_and_shows_killed_runs(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    runs = tmp_path / "runs"
    write_run(runs, "run-b", "2026-11-30T04:00:00+00:00", status="finished", finish_reason="finished",
              finished_at="2026-11-30T04:02:05+00:00", error_count=0, warc_files=["a.warc.gz"],
              counts={"releases": {"new": 7, "changed": 0, "not_fetched_archived": 0}, "requests": 30,
                      "bytes_received": 2_500_000, "retries": 0, "list_pages_not_modified": 0})
    write_run(runs, "run-a", "2026-11-29T04:00:00+00:00", status="running")
    (runs / "broken.json").write_text("{", "utf-8")
    assert [m["crawl_id"] for m in read_manifests(runs)] == ["run-a", "run-b"]
    (runs / "list.json").write_text("[1]", "utf-8")
    (runs / "odd.json").write_text('{"crawl_id": "odd", "started_at": "x", "counts": [1]}', "utf-8")
    assert main(["runs", "--output", str(tmp_path)]) == 1, "the unreadable ones are a fault"
    said = capsys.readouterr()
    errors = said.err.strip().splitlines()
    assert len(errors) == 3 and all(line.startswith("mee-archive runs: error: ") for line in errors)
    assert {"broken.json: not JSON", "list.json: not a run manifest", "odd.json: malformed"} == {
        next(part for part in ("broken.json: not JSON", "list.json: not a run manifest", "odd.json: malformed")
             if part in line) for line in errors}
    lines = [line for line in said.out.splitlines() if "run-" in line]
    assert "run-a" in lines[0] and "running" in lines[0]
    assert "run-b" in lines[1] and "2m05s" in lines[1] and " 7 " in lines[1] and "2.5" in lines[1]


def test_runs_without_manifests_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["runs", "--output", str(tmp_path)]) == 2
    assert "no runs recorded" in capsys.readouterr().err
