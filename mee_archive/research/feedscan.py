"""Which lines of a JSON Lines feed the index has not read yet, without reading it all again.

A feed is append-only while a crawl writes it, but the LinkPipeline replaces the English feed
(and links.jsonl) as a whole when it links. So for each feed the index keeps its inode, size,
mtime, the hash of its first line and the byte offset read up to:

* same inode, same first line, size grown: only the bytes after the offset are new (*append*);
* same inode, size and mtime: nothing to do (*unchanged*);
* anything else (a new inode, a shorter file, another first line): the file was rewritten. Every
  line is hashed and compared with the hashes of the lines read before (``feed_lines``), so only
  lines that are new or changed are parsed, and keys whose lines all vanished are reported gone.

A last line without its newline (a crawl still writing) is left for the next update.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


def line_hash(line: bytes) -> str:
    return hashlib.blake2b(line.rstrip(b"\r\n"), digest_size=16).hexdigest()


@dataclass
class Scan:
    """What changed in one feed: ``lines`` to parse (hash, bytes), ``gone`` keys, and the mode."""

    name: str
    mode: str  # new | append | unchanged | rewrite | missing
    lines: list[tuple[str, bytes]] = field(default_factory=list)
    known: dict[str, str] = field(default_factory=dict)  # hash -> key of lines read before
    seen_known: set[str] = field(default_factory=set)  # hashes read before that are still there
    state: tuple | None = None  # the feeds row to store once the lines are indexed


def _complete_lines(path: Path, offset: int) -> Iterator[tuple[int, bytes]]:
    """(end offset, line) of every newline-terminated line from ``offset``."""
    with path.open("rb") as feed:
        feed.seek(offset)
        for line in feed:
            if not line.endswith(b"\n"):
                return
            offset += len(line)
            if line.strip():
                yield offset, line


def _first_line_hash(path: Path) -> str:
    with path.open("rb") as feed:
        return line_hash(feed.readline(1 << 20))


def scan(db: sqlite3.Connection, path: Path) -> Scan:
    """What of ``path`` is new since the last update (see the module docstring)."""
    name = path.name
    row = db.execute("SELECT inode, size, mtime_ns, head, offset FROM feeds WHERE name = ?", (name,)).fetchone()
    if not path.exists():
        return Scan(name, "missing" if row is None else "rewrite", known=_known(db, name) if row else {})
    info = path.stat()
    head = _first_line_hash(path)
    result = Scan(name, "new")
    start = 0
    if row is not None:
        same_file = row["inode"] == info.st_ino and row["head"] == head and info.st_size >= row["offset"]
        if same_file and info.st_size == row["size"] and info.st_mtime_ns == row["mtime_ns"]:
            return Scan(name, "unchanged")
        if same_file:
            result.mode, start = "append", row["offset"]
        else:
            result.mode, result.known = "rewrite", _known(db, name)
    end = start
    for end, line in _complete_lines(path, start):
        digest = line_hash(line)
        if digest in result.known:
            result.seen_known.add(digest)
        else:
            result.lines.append((digest, line))
    result.state = (name, info.st_ino, info.st_size, info.st_mtime_ns, head, end)
    return result


def _known(db: sqlite3.Connection, name: str) -> dict[str, str]:
    return dict(db.execute("SELECT hash, key FROM feed_lines WHERE feed = ?", (name,)).fetchall())


def record_scan(db: sqlite3.Connection, result: Scan, keys: dict[str, str]) -> set[str]:
    """Store what was read (``keys``: hash -> key of the parsed lines); return the keys gone."""
    gone_hashes = set(result.known) - result.seen_known if result.mode == "rewrite" else set()
    db.executemany("DELETE FROM feed_lines WHERE feed = ? AND hash = ?", [(result.name, h) for h in gone_hashes])
    db.executemany("INSERT OR REPLACE INTO feed_lines VALUES (?, ?, ?)",
                   [(result.name, h, key) for h, key in keys.items()])
    if result.state is not None:
        db.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?, ?, ?)", result.state)
    elif result.mode == "rewrite":  # the file is gone
        db.execute("DELETE FROM feeds WHERE name = ?", (result.name,))
    candidates = {result.known[h] for h in gone_hashes}
    if not candidates:
        return set()
    still = {key for (key,) in db.execute(
        f"SELECT DISTINCT key FROM feed_lines WHERE feed = ? AND key IN ({','.join('?' * len(candidates))})",
        (result.name, *candidates))}
    return candidates - still
