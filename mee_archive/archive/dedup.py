"""Digest index of archived payloads (SQLite, WAL), the memory behind revisit records.

Keyed by (URL, payload digest): a re-fetch of a URL whose payload is byte-identical to one
already archived, in this crawl or any earlier one, is written as an identical-payload-digest
revisit. It also knows each URL's latest 200 payload, which a 304 answer to a conditional
request confirms (a server-not-modified revisit). SQLite in WAL mode survives a SIGKILL; a row
is added only after its record has been flushed to the WARC file, so the index never points at
bytes a crash can lose.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mee_archive.archive.records import Original
from mee_archive.archive.writer import RecordLocation
from mee_archive.sqlitedb import connect

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
);
CREATE TABLE IF NOT EXISTS latest (uri TEXT PRIMARY KEY, digest TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Stored:
    """An archived response: what a revisit refers to, and where its bytes are."""

    original: Original
    location: RecordLocation
    digest: str


class DigestIndex:
    def __init__(self, path: Path) -> None:
        self._db = connect(path, timeout=10)  # autocommit: one row, one commit
        self._db.executescript(_SCHEMA)

    def find(self, uri: str, digest: str) -> Stored | None:
        row = self._db.execute(
            "SELECT date, record_id, file, offset, length FROM payloads WHERE uri=? AND digest=?",
            (uri, digest),
        ).fetchone()
        if row is None:
            return None
        date, rid, file, offset, length = row
        return Stored(Original(uri, date, rid), RecordLocation(file, offset, length, rid), digest)

    def find_latest(self, uri: str) -> Stored | None:
        """The payload of the URL's latest 200 answer, which a 304 says is still current."""
        row = self._db.execute("SELECT digest FROM latest WHERE uri=?", (uri,)).fetchone()
        return self.find(uri, row[0]) if row else None

    def add(self, uri: str, digest: str, date: str, location: RecordLocation) -> None:
        """Remember the first full copy of a payload; later copies never replace it."""
        self._db.execute(
            "INSERT OR IGNORE INTO payloads VALUES (?, ?, ?, ?, ?, ?, ?)",
            (uri, digest, date, location.record_id, location.file, location.offset, location.length),
        )

    def note_latest(self, uri: str, digest: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO latest VALUES (?, ?)", (uri, digest))

    def close(self) -> None:
        self._db.close()
