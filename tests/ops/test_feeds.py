"""Feeds that survive a kill: flushed per line, repaired on open, read past cut-off lines."""

from __future__ import annotations

import json
from pathlib import Path

import scrapy

from mee_archive.feeds import DurableFileFeedStorage, drop_partial_line, read_records


class AnySpider(scrapy.Spider):
    name = "news_release"


def test_drop_partial_line_cuts_back_to_the_last_newline(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_bytes(b'{"url": "a"}\n{"url": "b"}\n{"url": "c", "bo')
    assert drop_partial_line(feed) == len(b'{"url": "c", "bo')
    assert feed.read_bytes() == b'{"url": "a"}\n{"url": "b"}\n'
    assert drop_partial_line(feed) == 0
    assert drop_partial_line(tmp_path / "missing.jsonl") == 0


def test_drop_partial_line_handles_a_long_cut_off_line_and_a_file_without_newline(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_bytes(b'{"url": "a"}\n' + b"x" * 200_000)
    drop_partial_line(feed)
    assert feed.read_bytes() == b'{"url": "a"}\n'
    feed.write_bytes(b"x" * 70_000)
    drop_partial_line(feed)
    assert feed.read_bytes() == b""


def test_durable_storage_repairs_then_appends_and_every_line_is_on_disk_before_close(tmp_path: Path) -> None:
    feed = tmp_path / "items" / "news_release.jsonl"
    feed.parent.mkdir()
    feed.write_bytes(b'{"url": "a"}\n{"url": "b", "ti')
    storage = DurableFileFeedStorage(str(feed), feed_options={"overwrite": False})
    file = storage.open(AnySpider())
    file.write(b'{"url": "c"}\n')
    # Read through another handle while the feed is still open: the line is already there.
    assert [r["url"] for r in read_records(feed)] == ["a", "c"]
    storage.store(file)
    assert feed.read_bytes() == b'{"url": "a"}\n{"url": "c"}\n'


def test_read_records_skips_blank_cut_off_and_non_object_lines(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_text("\n".join([json.dumps({"url": "a"}), "", "[1, 2]", json.dumps({"url": "b"}), '{"url": "c'])
                    , encoding="utf-8")
    assert [r["url"] for r in read_records(feed)] == ["a", "b"]
    assert list(read_records(tmp_path / "missing.jsonl")) == []
