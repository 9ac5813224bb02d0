"""Bring ``research.sqlite`` up to date with ``items/*.jsonl``: only what changed is touched.

feedscan.py says which lines are new; this module turns each record into rows: the latest
revision of an English release in ``releases`` (an earlier one moves to ``revisions``), Chinese
articles in ``zh_articles`` and ``zh_fts``, links with score, status and evidence in ``links``.
One transaction per update: a killed update leaves the previous index as it was.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from mee_archive.research.feedscan import Scan, record_scan, scan
from mee_archive.research.schema import connect, db_path
from mee_archive.research.tokenize_zh import index_text

FEEDS = ("news_release.jsonl", "zh_news.jsonl", "links.jsonl")


@dataclass
class FeedReport:
    name: str
    mode: str
    upserted: int = 0
    removed: int = 0


@dataclass
class IndexReport:
    path: Path
    feeds: list[FeedReport] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _citation(record: dict[str, Any]) -> tuple:
    warc = record.get("warc") or {}
    return (record.get("crawled_at"), warc.get("file"), warc.get("offset"), warc.get("length"),
            warc.get("record_id"), warc.get("payload_digest"))


def _json(value: Any) -> str:
    return json.dumps(value if value is not None else [], ensure_ascii=False)


def _year(published: Any) -> int | None:
    """The year of an ISO date; None for anything else (a record of the wrong shape is indexed, not fatal)."""
    return int(published[:4]) if isinstance(published, str) and published[:4].isdigit() else None


def _put_release(db: sqlite3.Connection, r: dict[str, Any]) -> None:
    published = r.get("published") if isinstance(r.get("published"), str) else None  # a hand-edited feed
    row = (r["url"], r.get("docid"), r.get("section"), r.get("title"), published, _year(published),
           (published or "")[:7] or None, r.get("printed_date"), r.get("body"), _json(r.get("paragraphs")),
           _json(r.get("images")), _json(r.get("attachments")), int(bool(r.get("translation_notice"))),
           r.get("run_id"), r.get("content_digest"), r.get("revision_of"), *_citation(r))
    current = db.execute("SELECT * FROM releases WHERE url = ?", (r["url"],)).fetchone()
    if current is not None and (current["crawled_at"] or "") > (r.get("crawled_at") or ""):
        _put_revision(db, r)  # an older revision read after the newer one
        return
    if current is not None and current["content_digest"] != r.get("content_digest"):
        _put_revision(db, dict(current) | {"warc": None}, current)
    db.execute(f"INSERT INTO releases VALUES ({','.join('?' * len(row))}) ON CONFLICT(url) DO UPDATE SET "
               + ", ".join(f"{c} = excluded.{c}" for c in _RELEASE_COLUMNS[1:]), row)


def _put_revision(db: sqlite3.Connection, r: dict[str, Any], row: sqlite3.Row | None = None) -> None:
    citation = tuple(row[c] for c in ("crawled_at", "warc_file", "warc_offset", "warc_length", "warc_record_id",
                                      "payload_digest")) if row is not None else _citation(r)
    paragraphs = r["paragraphs"] if isinstance(r.get("paragraphs"), str) else _json(r.get("paragraphs"))
    db.execute("INSERT OR IGNORE INTO revisions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
               (r["url"], r.get("content_digest"), r.get("docid"), r.get("title"), r.get("published"),
                r.get("body"), paragraphs, r.get("run_id"), *citation))


_RELEASE_COLUMNS = ("url", "docid", "section", "title", "published", "year", "month", "printed_date", "body",
                    "paragraphs", "images", "attachments", "translation_notice", "run_id", "content_digest",
                    "revision_of", "crawled_at", "warc_file", "warc_offset", "warc_length", "warc_record_id",
                    "payload_digest")


def _drop_zh_fts(db: sqlite3.Connection, url: str) -> int | None:
    """Take an article out of the contentless zh_fts (it needs the indexed text back); its rowid."""
    old = db.execute("SELECT rowid, title, body FROM zh_articles WHERE url = ?", (url,)).fetchone()
    if old is None:
        return None
    db.execute("INSERT INTO zh_fts(zh_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
               (old["rowid"], index_text(old["title"]), index_text(old["body"])))
    return old["rowid"]


def _put_article(db: sqlite3.Connection, a: dict[str, Any]) -> None:
    published = a.get("published")
    row = (a.get("docid"), a.get("channel"), a.get("title"), published, _year(published), a.get("source"),
           a.get("body"), _json(a.get("paragraphs")), _json(a.get("attachments")), a.get("template"),
           a.get("run_id"), *_citation(a))
    rowid = _drop_zh_fts(db, a["url"])
    if rowid is None:
        rowid = db.execute(f"INSERT INTO zh_articles VALUES ({','.join('?' * (len(row) + 1))})",
                           (a["url"], *row)).lastrowid
    else:
        db.execute("UPDATE zh_articles SET docid=?, channel=?, title=?, published=?, year=?, source=?, body=?, "
                   "paragraphs=?, attachments=?, template=?, run_id=?, crawled_at=?, warc_file=?, warc_offset=?, "
                   "warc_length=?, warc_record_id=?, payload_digest=? WHERE rowid = ?", (*row, rowid))
    db.execute("INSERT INTO zh_fts(rowid, title, body) VALUES (?, ?, ?)",
               (rowid, index_text(a.get("title")), index_text(a.get("body"))))


def _put_link(db: sqlite3.Connection, link: dict[str, Any]) -> None:
    evidence = link.get("evidence") or {}
    db.execute("INSERT OR REPLACE INTO links (url, zh_url, zh_status, score, gap_days, evidence, candidate_url)"
               " VALUES (?, ?, ?, ?, ?, ?, ?)",
               (link["url"], link.get("zh_url"), link.get("zh_status"), link.get("score"),
                evidence.get("gap_days"), json.dumps(evidence, ensure_ascii=False), link.get("candidate_url")))


def _remove(db: sqlite3.Connection, feed: str, url: str) -> None:
    if feed == "news_release.jsonl":
        db.execute("DELETE FROM releases WHERE url = ?", (url,))
        db.execute("DELETE FROM revisions WHERE url = ?", (url,))
    elif feed == "zh_news.jsonl":
        _drop_zh_fts(db, url)
        db.execute("DELETE FROM zh_articles WHERE url = ?", (url,))
    else:
        db.execute("DELETE FROM links WHERE url = ?", (url,))


_PUT = {"news_release.jsonl": _put_release, "zh_news.jsonl": _put_article, "links.jsonl": _put_link}


def _apply(db: sqlite3.Connection, result: Scan) -> FeedReport:
    report = FeedReport(result.name, result.mode)
    keys: dict[str, str] = {}
    for digest, line in result.lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue  # a cut-off line of a killed crawl, repaired by the next one
        if not isinstance(record, dict) or not record.get("url"):
            continue
        _PUT[result.name](db, record)
        keys[digest] = record["url"]
        report.upserted += 1
    for url in record_scan(db, result, keys):
        _remove(db, result.name, url)
        report.removed += 1
    return report


def update(output: Path, *, rebuild: bool = False) -> IndexReport:
    """Update (or with ``rebuild``, build anew) ``<output>/research.sqlite`` from ``<output>/items``."""
    path = db_path(output)
    if rebuild:
        for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            stale.unlink(missing_ok=True)
    db = connect(path, create=True)
    report = IndexReport(path)
    try:
        with db:
            for name in FEEDS:
                result = scan(db, Path(output) / "items" / name)
                if result.mode != "missing":
                    report.feeds.append(_apply(db, result))
        for table in ("releases", "revisions", "zh_articles", "links"):
            report.counts[table] = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        db.execute("INSERT OR REPLACE INTO meta VALUES ('updated', ?)", (date.today().isoformat(),))
        db.commit()
    finally:
        db.close()
    return report
