"""The index reads only what changed: appended lines, a rewritten feed compared line by line,
revisions kept, vanished records removed, a half-written last line left for later."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from mee_archive.research.index import update
from mee_archive.research.schema import connect, db_path


def release(n: int, digest: str = "a", crawled: str = "2026-01-01T00:00:00+00:00", **extra) -> dict:
    return {"url": f"http://english.mee.gov.cn/r/{n}.shtml", "docid": n, "section": "news_release",
            "title": f"Release {n} on inspections", "published": "2018-03-0%d" % (n % 9 + 1),
            "body": f"Text {n} of {digest}.", "paragraphs": [f"Text {n} of {digest}."], "crawled_at": crawled,
            "content_digest": digest, "warc": {"file": "a.warc.gz", "offset": n, "length": 1, "record_id": f"<id{n}>"},
            **extra}


def write(path: Path, records: list[dict], mode: str = "w") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open(mode, encoding="utf-8") as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def replace(path: Path, records: list[dict]) -> None:
    """As the LinkPipeline does: a new file moved over the old one."""
    write(path.with_name("new.tmp"), records)
    os.replace(path.with_name("new.tmp"), path)


def english(report) -> tuple[str, int, int]:
    feed = next(f for f in report.feeds if f.name == "news_release.jsonl")
    return feed.mode, feed.upserted, feed.removed


def db(output: Path) -> sqlite3.Connection:
    return connect(db_path(output))


def test_appended_lines_are_the_only_ones_read(tmp_path: Path) -> None:
    feed = tmp_path / "items" / "news_release.jsonl"
    write(feed, [release(n) for n in range(20)])
    assert english(update(tmp_path)) == ("new", 20, 0)
    assert english(update(tmp_path)) == ("unchanged", 0, 0)
    write(feed, [release(n) for n in range(20, 30)], mode="a")
    assert english(update(tmp_path)) == ("append", 10, 0)
    assert db(tmp_path).execute("SELECT count(*) FROM en_fts WHERE en_fts MATCH 'inspection'").fetchone()[0] == 30


def test_a_rewritten_feed_touches_only_changed_lines_and_drops_vanished_records(tmp_path: Path) -> None:
    feed = tmp_path / "items" / "news_release.jsonl"
    records = [release(n) for n in range(20)]
    write(feed, records)
    update(tmp_path)
    records[3] = release(3, zh_status="linked")  # the linker added its verdict to one record
    replace(feed, records[:-1])  # and one record is gone
    assert english(update(tmp_path)) == ("rewrite", 1, 1)
    urls = {u for (u,) in db(tmp_path).execute("SELECT url FROM releases")}
    assert urls == {r["url"] for r in records[:-1]}
    assert db(tmp_path).execute("SELECT count(*) FROM en_fts WHERE en_fts MATCH 'release'").fetchone()[0] == 19


def test_a_changed_release_keeps_its_earlier_revision(tmp_path: Path) -> None:
    feed = tmp_path / "items" / "news_release.jsonl"
    write(feed, [release(1)])
    update(tmp_path)
    write(feed, [release(1, digest="b", crawled="2026-02-01T00:00:00+00:00", revision_of="a")], mode="a")
    update(tmp_path)
    current = db(tmp_path).execute("SELECT body FROM releases").fetchall()
    earlier = db(tmp_path).execute("SELECT body, content_digest FROM revisions").fetchall()
    assert [r[0] for r in current] == ["Text 1 of b."]
    assert [tuple(r) for r in earlier] == [("Text 1 of a.", "a")]
    assert db(tmp_path).execute("SELECT count(*) FROM en_fts WHERE en_fts MATCH 'a'").fetchone()[0] == 0


def test_a_half_written_last_line_waits_for_the_next_update(tmp_path: Path) -> None:
    feed = tmp_path / "items" / "news_release.jsonl"
    write(feed, [release(1)])
    line = json.dumps(release(2))
    with feed.open("a") as out:
        out.write(line[:30])
    assert english(update(tmp_path))[1] == 1
    with feed.open("a") as out:
        out.write(line[30:] + "\n")
    assert english(update(tmp_path)) == ("append", 1, 0)
    assert db(tmp_path).execute("SELECT count(*) FROM releases").fetchone()[0] == 2


def test_rebuild_starts_over(tmp_path: Path) -> None:
    feed = tmp_path / "items" / "news_release.jsonl"
    write(feed, [release(n) for n in range(5)])
    update(tmp_path)
    assert english(update(tmp_path, rebuild=True)) == ("new", 5, 0)


def test_chinese_articles_are_replaced_in_the_contentless_index(tmp_path: Path) -> None:
    feed = tmp_path / "items" / "zh_news.jsonl"
    article = {"url": "http://www.mee.gov.cn/a/1.shtml", "docid": 1, "title": "长江保护", "published": "2018-01-01",
               "body": "推进长江保护修复", "paragraphs": ["推进长江保护修复"]}
    write(feed, [article])
    update(tmp_path)
    replace(feed, [article | {"body": "臭氧层保护"}])
    update(tmp_path)
    count = lambda q: db(tmp_path).execute("SELECT count(*) FROM zh_fts WHERE zh_fts MATCH ?", (q,)).fetchone()[0]
    assert (count('"修复"'), count('"臭氧"'), count('"长江"')) == (0, 1, 1)  # 长江 is still in the title


def test_a_damaged_database_is_named_and_rebuild_mends_it(tmp_path: Path) -> None:
    import pytest

    from mee_archive.research.schema import DamagedIndex

    write(tmp_path / "items" / "news_release.jsonl", [release(1)])
    db_path(tmp_path).write_bytes(b"not a database at all" * 10)
    with pytest.raises(DamagedIndex, match="--rebuild"):
        update(tmp_path)
    assert update(tmp_path, rebuild=True).counts["releases"] == 1


def test_a_record_of_the_wrong_shape_is_indexed_not_fatal(tmp_path: Path) -> None:
    write(tmp_path / "items" / "news_release.jsonl", [release(1, published=20180301), release(2)])
    assert update(tmp_path).counts["releases"] == 2


def test_csv_export_has_the_replay_column_of_the_original_even_when_the_first_row_has_none(tmp_path: Path) -> None:
    import csv
    import io

    from mee_archive.research.export import rows, write_csv
    from mee_archive.research.search import Filters

    write(tmp_path / "items" / "news_release.jsonl", [release(1), release(2)])
    update(tmp_path)
    out = io.StringIO()
    write_csv(rows(connect(db_path(tmp_path)), "en", Filters(), "http://127.0.0.1:8090/mee-archive"), out)
    assert "zh_replay" in next(csv.reader(io.StringIO(out.getvalue())))


def test_a_related_page_is_kept_and_an_older_index_gains_its_column(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    old = sqlite3.connect(path)  # an index made before candidate_url existed
    old.execute("CREATE TABLE links (url TEXT PRIMARY KEY, zh_url TEXT, zh_status TEXT, score REAL, "
                "gap_days INTEGER, evidence TEXT)")
    old.commit()
    old.close()
    write(tmp_path / "items" / "links.jsonl", [
        {"url": "http://english.mee.gov.cn/r/1.shtml", "zh_url": None, "zh_status": "related_only",
         "candidate_url": "http://www.mee.gov.cn/a/2.shtml", "score": 0.27, "evidence": {"figures_missing": ["2030"]}}])
    update(tmp_path)
    row = db(tmp_path).execute("SELECT zh_status, candidate_url FROM links").fetchone()
    assert tuple(row) == ("related_only", "http://www.mee.gov.cn/a/2.shtml")
