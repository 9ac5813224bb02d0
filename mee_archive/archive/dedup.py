"""Digest index of archived payloads (SQLite, WAL), the memory behind revisit records.

Keyed by (URL, payload digest): a re-fetch of a URL whose payload is byte-identical to one
already archived, in this crawl or any earlier one, is written as an identical-payload-digest
revisit. SQLite in WAL mode survives a SIGKILL; a row is added only after its record has been
flushed to the WARC file, so the index never points at bytes a crash can lose.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from mee_archive.archive.records import Original
from mee_archive.archive.writer import RecordLocation

_SCHEMA = """
CREATE TABLE IF NOT EXISTS payloads (
    uri TEXT NOT NULL,
    digest TEXT NOT NULL,
    date TEXT NOT NULL,
    record_id TEXT NOT NULL,
    file TEXT NOT NULL,
    offset INTEGER NOT NULL,
    length INTEGER NOT NULL,
    PRIMARY KEY (uri, digest)
)
"""


@dataclass(frozen=True)
class Stored:
    """An archived response: what a revisit refers to, and where its bytes are."""

    original: Original
    location: RecordLocation


class DigestIndex:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None)  # autocommit: one row, one commit
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.execute(_SCHEMA)

    def find(self, uri: str, digest: str) -> Stored | None:
        row = self._db.execute(
            "SELECT date, record_id, file, offset, length FROM payloads WHERE uri=? AND digest=?",
            (uri, digest),
        ).fetchone()
        if row is None:
            return None
        date, rid, file, offset, length = row
        return Stored(Original(uri, date, rid), RecordLocation(file, offset, length, rid))

    def add(self, uri: str, digest: str, date: str, location: RecordLocation) -> None:
        """Remember the first full copy of a payload; later copies never replace it."""
        self._db.execute(
            "INSERT OR IGNORE INTO payloads VALUES (?, ?, ?, ?, ?, ?, ?)",
            (uri, digest, date, location.record_id, location.file, location.offset, location.length),
        )

    def close(self) -> None:
        self._db.close()
