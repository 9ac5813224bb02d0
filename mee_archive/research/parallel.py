"""The linked pairs as a document-aligned bilingual corpus, paragraphs aligned by align.py."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from mee_archive.research.align import align
from mee_archive.research.cite import citation
from mee_archive.research.search import Filters, where_clause


def _side(row: sqlite3.Row, replay: str) -> dict[str, Any]:
    return {"url": row["url"], "docid": row["docid"], "title": row["title"], "published": row["published"],
            "paragraphs": json.loads(row["paragraphs"] or "[]"), "citation": citation(row, replay)}


def pairs(db: sqlite3.Connection, filters: Filters, replay: str, only: set[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every linked release with its original, oldest first, and their paragraph alignment."""
    where, params = where_clause(Filters(filters.since, filters.until, filters.section), "r.published", "r.section", "")
    for link in db.execute(f"""SELECT l.*, r.rowid AS en_rowid, z.rowid AS zh_rowid FROM links l
            JOIN releases r ON r.url = l.url JOIN zh_articles z ON z.url = l.zh_url
            WHERE l.zh_status = 'linked'{where} ORDER BY r.published, r.url""", params):
        if only is not None and link["url"] not in only:
            continue
        en = _side(db.execute("SELECT * FROM releases WHERE rowid = ?", (link["en_rowid"],)).fetchone(), replay)
        zh = _side(db.execute("SELECT * FROM zh_articles WHERE rowid = ?", (link["zh_rowid"],)).fetchone(), replay)
        beads = align(en["paragraphs"], zh["paragraphs"])
        yield {"en": en, "zh": zh, "score": link["score"], "evidence": json.loads(link["evidence"] or "{}"),
               "alignment": [{"en": list(b.en), "zh": list(b.zh), "cost": b.cost, "confident": b.confident}
                             for b in beads]}
