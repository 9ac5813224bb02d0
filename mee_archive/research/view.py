"""What `show` and the browse page display of one pair: both documents, aligned rows, the link."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from mee_archive.research.align import align
from mee_archive.research.cite import citation
from mee_archive.research.documents import find


def _doc(row: sqlite3.Row | None, replay: str) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"url": row["url"], "docid": row["docid"], "title": row["title"], "published": row["published"],
            "citation": citation(row, replay)}


def pair_view(db: sqlite3.Connection, key: str, replay: str) -> dict[str, Any] | None:
    """The pair ``key`` (URL or docid) is in, paragraphs aligned; None if nothing has that key."""
    pair = find(db, key)
    if pair is None:
        return None
    en = json.loads(pair.en["paragraphs"]) if pair.en else []
    zh = json.loads(pair.zh["paragraphs"]) if pair.zh else []
    rows = [{"en": "\n\n".join(en[i] for i in bead.en), "zh": "\n\n".join(zh[j] for j in bead.zh),
             "confident": bead.confident} for bead in align(en, zh)]
    link = None
    if pair.link is not None:
        link = {"zh_status": pair.link["zh_status"], "score": pair.link["score"], "gap_days": pair.link["gap_days"],
                "evidence": json.loads(pair.link["evidence"] or "{}")}
    return {"en": _doc(pair.en, replay), "zh": _doc(pair.zh, replay), "link": link, "rows": rows}
