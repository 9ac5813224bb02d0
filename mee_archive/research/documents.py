"""One document of the database by URL or docid, with its counterpart and the link between them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass
class Pair:
    """A release and/or its Chinese original; ``link`` is the links row of the release."""

    en: sqlite3.Row | None
    zh: sqlite3.Row | None
    link: sqlite3.Row | None


def _one(db: sqlite3.Connection, table: str, key: str) -> sqlite3.Row | None:
    column = "docid" if key.isdigit() else "url"
    return db.execute(f"SELECT * FROM {table} WHERE {column} = ? ORDER BY crawled_at DESC LIMIT 1",
                      (int(key) if key.isdigit() else key,)).fetchone()


def find(db: sqlite3.Connection, key: str) -> Pair | None:
    """The pair ``key`` (a release's or an article's URL or docid) belongs to, or None."""
    key = key.strip()
    en = _one(db, "releases", key)
    if en is not None:
        link = db.execute("SELECT * FROM links WHERE url = ?", (en["url"],)).fetchone()
        zh = None
        if link is not None and link["zh_status"] == "linked" and link["zh_url"]:
            zh = db.execute("SELECT * FROM zh_articles WHERE url = ?", (link["zh_url"],)).fetchone()
        return Pair(en, zh, link)
    zh = _one(db, "zh_articles", key)
    if zh is None:
        return None
    link = db.execute("SELECT * FROM links WHERE zh_url = ? AND zh_status = 'linked'", (zh["url"],)).fetchone()
    en = db.execute("SELECT * FROM releases WHERE url = ?", (link["url"],)).fetchone() if link else None
    return Pair(en, zh, link)
