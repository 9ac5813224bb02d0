"""Crawl state that must survive a kill: SQLite in WAL mode under ``<output>/state/crawl.sqlite``.

It holds what the incremental crawl needs between runs and what a killed run needs to resume:

- ``list_pages``: the validators (ETag, Last-Modified) and the decoded body of every list page, so
  a 304 answer can be handed to the spider as the page it stands for;
- ``requisites``: the same for page requisites (and embeds), for the conditional requests of later
  runs; the body is kept only for stylesheets, which the spider reads again for what they pull in;
- ``resources``: embeds (images, attachments) the spiders asked for, with the status they were
  answered with; NULL until answered, which is how a resumed run finds the ones a kill cut off;
- ``redirects``: article URLs that redirected (an old host name in a list, say) and where to, so
  a page listed under another URL than its item's is still known to be archived;
- ``list_walks``: lists a finished run walked to their last page: until one has, a daily run
  may not stop its walk early (a first crawl killed halfway left the older pages unread).

Items are not here: the JSON Lines feed is their source of truth (see mee_archive.feeds), so that
state can never claim an item the feed does not hold. Every write is its own transaction; SQLite's
WAL keeps committed transactions through a SIGKILL, which is why this is not dbm (deltafetch#18).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from scrapy.settings import BaseSettings

from mee_archive.addons import output_dir
from mee_archive.sqlitedb import connect

SCHEMA = """
CREATE TABLE IF NOT EXISTS list_pages (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    headers TEXT NOT NULL,      -- JSON [[name, value], ...] of the answer, as the spider saw it
    body BLOB NOT NULL,
    crawl_id TEXT NOT NULL,
    stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS requisites (  -- as list_pages; body empty but for stylesheets
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    headers TEXT NOT NULL,
    body BLOB NOT NULL,
    crawl_id TEXT NOT NULL,
    stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS resources (
    url TEXT PRIMARY KEY,
    spider TEXT NOT NULL,
    request BLOB NOT NULL,      -- the request as the spider made it (mee_archive.incremental)
    status INTEGER,             -- NULL: asked for, not answered yet
    crawl_id TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS redirects (
    url TEXT PRIMARY KEY,
    target TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS list_walks (
    url TEXT PRIMARY KEY,       -- page 0 of a list
    crawl_id TEXT NOT NULL,     -- the last run that walked it to its end and finished
    walked_at TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class StoredPage:
    """A list page or requisite as last answered in full: what to revalidate with and what to hand
    back on 304."""

    url: str
    etag: str | None
    last_modified: str | None
    headers: list[tuple[str, str]]
    body: bytes


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class CrawlState:
    """One connection to the state database; each method commits before it returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = connect(path, timeout=30)
        self.db.executescript(SCHEMA)

    @classmethod
    def for_settings(cls, settings: BaseSettings) -> "CrawlState":
        return cls(state_path(settings))

    def close(self) -> None:
        self.db.close()

    # --- list pages and requisites: validators and what a 304 stands for ----------------------

    def list_page(self, url: str) -> StoredPage | None:
        return self._stored("list_pages", url)

    def save_list_page(self, page: StoredPage, crawl_id: str) -> None:
        self._store("list_pages", page, crawl_id)

    def requisite(self, url: str) -> StoredPage | None:
        return self._stored("requisites", url)

    def save_requisite(self, page: StoredPage, crawl_id: str) -> None:
        self._store("requisites", page, crawl_id)

    def _stored(self, table: str, url: str) -> StoredPage | None:
        row = self.db.execute(
            f"SELECT etag, last_modified, headers, body FROM {table} WHERE url = ?", (url,)
        ).fetchone()
        if row is None:
            return None
        etag, last_modified, headers, body = row
        return StoredPage(url, etag, last_modified, [tuple(h) for h in json.loads(headers)], bytes(body))

    def _store(self, table: str, page: StoredPage, crawl_id: str) -> None:
        self.db.execute(
            f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?, ?, ?, ?, ?)",
            (page.url, page.etag, page.last_modified, json.dumps(page.headers), page.body, crawl_id, _now()),
        )

    # --- embedded resources -------------------------------------------------------------------

    def want(self, url: str, spider: str, request: bytes, crawl_id: str) -> None:
        """Note that ``spider`` asked for ``url`` (kept as is when already known)."""
        self.db.execute(
            "INSERT OR IGNORE INTO resources VALUES (?, ?, ?, NULL, ?, ?)", (url, spider, request, crawl_id, _now())
        )

    def answered(self, url: str, status: int, crawl_id: str) -> None:
        """Record the final answer for a wanted resource (it is archived by now)."""
        self.db.execute(
            "UPDATE resources SET status = ?, crawl_id = ?, updated_at = ? WHERE url = ?",
            (status, crawl_id, _now(), url),
        )

    def is_answered(self, url: str) -> bool:
        return self.answered_at(url) is not None

    def answered_at(self, url: str) -> datetime | None:
        """When a run last got a final answer for ``url`` (None: never)."""
        row = self.db.execute("SELECT status, updated_at FROM resources WHERE url = ?", (url,)).fetchone()
        return None if row is None or row[0] is None else datetime.fromisoformat(row[1])

    def unanswered(self, spider: str) -> Iterator[bytes]:
        """Requests of ``spider`` that no run has had an answer to (cut off by a kill or a failure)."""
        rows = self.db.execute(
            "SELECT request FROM resources WHERE spider = ? AND status IS NULL ORDER BY rowid", (spider,)
        ).fetchall()
        return (bytes(row[0]) for row in rows)

    # --- redirected pages ---------------------------------------------------------------------

    def save_redirect(self, url: str, target: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO redirects VALUES (?, ?)", (url, target))

    def redirect_target(self, url: str) -> str | None:
        row = self.db.execute("SELECT target FROM redirects WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None


    # --- list walks ---------------------------------------------------------------------------

    def walked(self, url: str, crawl_id: str) -> None:
        """Note that a finished run walked the list starting at ``url`` to its end."""
        self.db.execute("INSERT OR REPLACE INTO list_walks VALUES (?, ?, ?)", (url, crawl_id, _now()))

    def was_walked(self, url: str) -> bool:
        return self.db.execute("SELECT 1 FROM list_walks WHERE url = ?", (url,)).fetchone() is not None


def state_path(settings: BaseSettings) -> Path:
    """Where the crawl state of an archive lives."""
    return output_dir(settings) / "state" / "crawl.sqlite"
