"""`search` as a pure function over the database: matching releases and articles, best first.

Ordering (README "For researchers"): ``relevance`` is FTS5's bm25 (a title match weighs 5 times
a body match); with ``--lang both`` a release and its Chinese original form one result whose
rank is the sum of both sides' bm25, so a pair matched in both languages comes first.
``date`` is newest first. Filters apply to the document a result reports.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from mee_archive.research.cite import citation
from mee_archive.research.ftsquery import QueryError, to_fts
from mee_archive.research.snippet import zh_snippet

LANGS = ("en", "zh", "both")
ORDERS = ("relevance", "date")


@dataclass
class Filters:
    since: str | None = None
    until: str | None = None
    section: str | None = None
    linked: bool | None = None  # True: linked pairs only; False: unlinked only


@dataclass
class Hit:
    kind: str  # "en" (a release, perhaps found through its original) or "zh" (an article)
    url: str
    docid: int
    published: str
    title: str
    snippet: str
    matched: list[str]
    rank: float
    counterpart: dict[str, Any] | None
    link_status: str | None
    link_score: float | None
    citation: dict[str, Any]
    counterpart_citation: dict[str, Any] | None = field(default=None)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def where_clause(f: Filters, date: str, section: str, linked: str) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if f.since:
        clauses.append(f"substr({date}, 1, 10) >= ?")
        params.append(f.since)
    if f.until:
        clauses.append(f"substr({date}, 1, 10) <= ?")
        params.append(f.until)
    if f.section:
        clauses.append(f"{section} = ?")
        params.append(f.section)
    if f.linked is not None:
        clauses.append(f"{linked} IS {'NOT ' if f.linked else ''}NULL")
    return "".join(f" AND {c}" for c in clauses), params


def _run(db: sqlite3.Connection, sql: str, params: list[Any], query: str) -> list[sqlite3.Row]:
    try:
        return db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax" in str(exc) or "no such column" in str(exc):
            raise QueryError(f"cannot search for {query!r}: {exc}") from None
        raise


def _english(db, query, f, limit, order, mark) -> list[sqlite3.Row]:
    where, params = where_clause(f, "r.published", "r.section", "lz.url")
    return _run(db, f"""
        SELECT r.*, bm25(en_fts, 5.0, 1.0) AS rank, snippet(en_fts, 1, ?, ?, '…', 24) AS snip, lz.url AS other
        FROM en_fts JOIN releases r ON r.rowid = en_fts.rowid
        LEFT JOIN links l ON l.url = r.url AND l.zh_status = 'linked'
        LEFT JOIN zh_articles lz ON lz.url = l.zh_url
        WHERE en_fts MATCH ?{where} ORDER BY {'rank' if order == 'relevance' else 'r.published DESC'} LIMIT ?""",
                [*mark, to_fts(query, chinese=False), *params, limit], query)


def _chinese(db, query, f, limit, order, through_release: bool) -> list[sqlite3.Row]:
    """Articles matching ``query``; ``through_release``: filters judge the linked release if any."""
    date, section = ("coalesce(r.published, z.published)", "coalesce(r.section, z.channel)") \
        if through_release else ("z.published", "z.channel")
    where, params = where_clause(f, date, section, "r.url")
    return _run(db, f"""
        SELECT z.*, bm25(zh_fts, 5.0, 1.0) AS rank, r.url AS other
        FROM zh_fts JOIN zh_articles z ON z.rowid = zh_fts.rowid
        LEFT JOIN links l ON l.zh_url = z.url AND l.zh_status = 'linked'
        LEFT JOIN releases r ON r.url = l.url
        WHERE zh_fts MATCH ?{where} ORDER BY {'rank' if order == 'relevance' else date + ' DESC'} LIMIT ?""",
                [to_fts(query, chinese=True), *params, limit], query)


def _brief(row: sqlite3.Row | None) -> dict[str, Any] | None:
    return None if row is None else {"url": row["url"], "docid": row["docid"], "title": row["title"],
                                     "published": row["published"]}


def _by_url(db: sqlite3.Connection, table: str, url: str | None) -> sqlite3.Row | None:
    return db.execute(f"SELECT * FROM {table} WHERE url = ?", (url,)).fetchone() if url else None


def _link(db: sqlite3.Connection, en_url: str | None) -> sqlite3.Row | None:
    return db.execute("SELECT * FROM links WHERE url = ?", (en_url,)).fetchone() if en_url else None


def search(db: sqlite3.Connection, query: str, *, lang: str = "both", filters: Filters | None = None,
           limit: int = 20, order: str = "relevance", replay: str, mark: tuple[str, str] = ("[", "]")) -> list[Hit]:
    """The ``limit`` best results for ``query``; QueryError for a query that cannot be searched."""
    if lang not in LANGS or order not in ORDERS:
        raise QueryError(f"lang must be one of {LANGS} and order one of {ORDERS}")
    f = filters or Filters()
    hits: dict[str, Hit] = {}
    if lang in ("en", "both"):
        for row in _english(db, query, f, limit, order, mark):
            other = _by_url(db, "zh_articles", row["other"])
            link = _link(db, row["url"])
            hits[row["url"]] = Hit("en", row["url"], row["docid"], row["published"], row["title"], row["snip"],
                                   ["en"], row["rank"], _brief(other), link["zh_status"] if link else None,
                                   link["score"] if link else None, citation(row, replay),
                                   citation(other, replay) if other else None)
    if lang in ("zh", "both"):
        for row in _chinese(db, query, f, limit, order, through_release=lang == "both"):
            snip = zh_snippet(row["body"], query, mark)
            key = row["other"] if lang == "both" and row["other"] else row["url"]
            if key in hits:
                hits[key].matched.append("zh")
                hits[key].rank += row["rank"]
                continue
            release = _by_url(db, "releases", row["other"])
            link = _link(db, row["other"])
            if lang == "both" and release is not None:
                hits[key] = Hit("en", release["url"], release["docid"], release["published"], release["title"],
                                snip, ["zh"], row["rank"], _brief(row), "linked", link["score"],
                                citation(release, replay), citation(row, replay))
            else:
                hits[key] = Hit("zh", row["url"], row["docid"], row["published"], row["title"], snip, ["zh"],
                                row["rank"], _brief(release), "linked" if release else None,
                                link["score"] if link else None, citation(row, replay),
                                citation(release, replay) if release else None)
    ordered = sorted(hits.values(), key=(lambda h: h.rank) if order == "relevance"
                     else (lambda h: h.published or ""), reverse=order == "date")
    return ordered[:limit]
