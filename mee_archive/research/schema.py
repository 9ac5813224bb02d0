"""The research database's tables, in one place, and how to open it.

English releases keep their latest revision in ``releases`` (earlier ones in ``revisions``);
``en_fts`` indexes them with the porter stemmer as an external-content FTS5 table kept in step by
triggers. Chinese text is indexed as character bigrams (see tokenize_zh.py) in the contentless
``zh_fts``, whose rows index.py deletes by recomputing the bigrams of the old text.
``feeds`` and ``feed_lines`` remember what of each JSON Lines file has been read (see feedscan.py).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

DB_NAME = "research.sqlite"
SCHEMA_VERSION = 1

_CITATION = """
    crawled_at TEXT, warc_file TEXT, warc_offset INTEGER, warc_length INTEGER,
    warc_record_id TEXT, payload_digest TEXT"""

DDL = f"""
CREATE TABLE IF NOT EXISTS releases (
    url TEXT PRIMARY KEY, docid INTEGER, section TEXT, title TEXT, published TEXT,
    year INTEGER, month TEXT, printed_date TEXT, body TEXT, paragraphs TEXT,
    images TEXT, attachments TEXT, translation_notice INTEGER, run_id TEXT, content_digest TEXT,
    revision_of TEXT, {_CITATION});
CREATE INDEX IF NOT EXISTS releases_docid ON releases(docid);
CREATE INDEX IF NOT EXISTS releases_published ON releases(published);
CREATE TABLE IF NOT EXISTS revisions (
    url TEXT, content_digest TEXT, docid INTEGER, title TEXT, published TEXT, body TEXT,
    paragraphs TEXT, run_id TEXT, {_CITATION}, PRIMARY KEY (url, content_digest));
CREATE TABLE IF NOT EXISTS zh_articles (
    url TEXT PRIMARY KEY, docid INTEGER, channel TEXT, title TEXT, published TEXT,
    year INTEGER, source TEXT, body TEXT, paragraphs TEXT, attachments TEXT, template TEXT,
    run_id TEXT, {_CITATION});
CREATE INDEX IF NOT EXISTS zh_docid ON zh_articles(docid);
CREATE INDEX IF NOT EXISTS zh_published ON zh_articles(published);
CREATE TABLE IF NOT EXISTS links (
    url TEXT PRIMARY KEY, zh_url TEXT, zh_status TEXT, score REAL, gap_days INTEGER, evidence TEXT,
    candidate_url TEXT);
CREATE INDEX IF NOT EXISTS links_zh ON links(zh_url);
CREATE VIRTUAL TABLE IF NOT EXISTS en_fts USING fts5(
    title, body, content='releases', content_rowid='rowid', tokenize='porter unicode61');
CREATE TRIGGER IF NOT EXISTS releases_ai AFTER INSERT ON releases BEGIN
    INSERT INTO en_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END;
CREATE TRIGGER IF NOT EXISTS releases_ad AFTER DELETE ON releases BEGIN
    INSERT INTO en_fts(en_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body); END;
CREATE TRIGGER IF NOT EXISTS releases_au AFTER UPDATE ON releases BEGIN
    INSERT INTO en_fts(en_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO en_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body); END;
CREATE VIRTUAL TABLE IF NOT EXISTS zh_fts USING fts5(title, body, content='', tokenize='unicode61');
CREATE TABLE IF NOT EXISTS feeds (
    name TEXT PRIMARY KEY, inode INTEGER, size INTEGER, mtime_ns INTEGER, head TEXT, offset INTEGER);
CREATE TABLE IF NOT EXISTS feed_lines (
    feed TEXT, hash TEXT, key TEXT, PRIMARY KEY (feed, hash)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS feed_lines_key ON feed_lines(feed, key);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE VIEW IF NOT EXISTS pairs AS SELECT r.url, r.docid, r.published, r.year, r.section, r.title,
    l.zh_status, l.score, z.title AS zh_title, z.url AS zh_url FROM releases r LEFT JOIN links l ON l.url = r.url
    LEFT JOIN zh_articles z ON z.url = l.zh_url AND l.zh_status = 'linked';
"""


class DamagedIndex(ValueError):
    """The research database file exists but SQLite cannot read it."""


def db_path(output: Path) -> Path:
    return Path(output) / DB_NAME


def connect(path: Path, *, create: bool = False) -> sqlite3.Connection:
    """The database at ``path``; its tables are created when ``create`` (a reader never writes)."""
    if not create and not path.exists():
        raise FileNotFoundError(path)
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        db.execute("PRAGMA schema_version").fetchone()  # reads the header: a damaged file fails here
    except sqlite3.DatabaseError as exc:
        db.close()
        raise DamagedIndex(f"{path} is not a readable research index ({exc}): `mee-archive index --rebuild` "
                           "makes it anew") from None
    if create:
        db.execute("PRAGMA journal_mode=WAL")
        db.executescript(DDL)
        _add_missing_columns(db)
        db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        db.commit()
    return db


# Columns added since an index could first be made: (table, column, type). An index made
# before them gains them, empty until its feed lines are read again.
ADDED_COLUMNS = (("links", "candidate_url", "TEXT"),)


def _add_missing_columns(db: sqlite3.Connection) -> None:
    for table, column, kind in ADDED_COLUMNS:
        if column not in {row[1] for row in db.execute(f"PRAGMA table_info({table})")}:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
