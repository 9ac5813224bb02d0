"""How the crawl opens its SQLite databases (the crawl state, the WARC digest index).

Every crawl component with state keeps its own connection for the whole crawl, so their settings
are one: autocommit (each write is its own transaction), WAL (a commit survives a SIGKILL) with
``synchronous=NORMAL`` (no fsync per commit; only a power cut could lose one), and a small page
cache. SQLite's default cache (2 MB a connection, four connections in a crawl) fills as the
databases grow with the section and was part of why peak memory grew with it; lookups go by
primary key, so the operating system's file cache serves them as well.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Page cache of each connection, in KiB (SQLite's cache_size takes a negative number as KiB).
CACHE_KIB = 256


def connect(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection to ``path`` (created with its folder), waiting up to ``timeout`` seconds
    for a lock another connection holds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None, timeout=timeout)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    return db
