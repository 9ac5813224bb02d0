"""Datasette metadata for research.sqlite: a description of every table and column, facets,
full-text search and canned queries for the questions researchers ask most."""

from __future__ import annotations

from typing import Any

from mee_archive.research.datasette import PLUGIN

_CITATION = {
    "crawled_at": "UTC time the page was fetched (the capture time of its WARC record)",
    "warc_file": "WARC file (in warc/) holding the response record of the page",
    "warc_offset": "byte offset of that record in the WARC file",
    "warc_length": "length in bytes of the (gzipped) record",
    "warc_record_id": "WARC-Record-ID of the response record",
    "payload_digest": "WARC-Payload-Digest of the page as served",
}
TABLES: dict[str, dict[str, Any]] = {
    "releases": {
        "description": "English News Releases, the latest revision of each URL (earlier ones: revisions). "
                       "Search is stemmed English (en_fts). Open a release beside its original: /-/mee/release/<docid>",
        "columns": {"url": "the release's URL on english.mee.gov.cn", "docid": "TRS document id (from the URL)",
                    "section": "section of the site (news_release)", "title": "title", "published": "publication date",
                    "year": "year published", "month": "YYYY-MM published", "printed_date": "date printed on the page when it differs",
                    "body": "clean text, paragraphs separated by a blank line", "paragraphs": "paragraphs (JSON list)",
                    "images": "images [{url, caption}] (JSON)", "attachments": "attachments [{url, title}] (JSON)",
                    "translation_notice": "1 if the page carried the 'for your reference only' notice",
                    "run_id": "crawl that wrote the record", "content_digest": "digest of what the page says",
                    "revision_of": "digest of the earlier revision this one replaced", **_CITATION},
        "facets": ["year", "section"], "fts_table": "en_fts", "fts_pk": "rowid", "sort_desc": "published",
    },
    "revisions": {
        "description": "Earlier revisions of releases that changed on a later crawl (--refresh)",
        "columns": {"url": "release URL", "content_digest": "digest of this revision's text", "docid": "TRS id",
                    "title": "title then", "published": "publication date then", "body": "text then",
                    "paragraphs": "paragraphs then (JSON)", "run_id": "crawl that captured it", **_CITATION},
    },
    "zh_articles": {
        "description": "Chinese articles of www.mee.gov.cn fetched as candidate originals. Chinese search: the "
                       "canned query zh_search (two-character words work, traditional finds simplified)",
        "columns": {"url": "the article's URL on www.mee.gov.cn", "docid": "TRS document id", "channel": "channel (section)",
                    "title": "title", "published": "publication time", "year": "year published", "source": "source (来源)",
                    "body": "clean text", "paragraphs": "paragraphs (JSON)", "attachments": "attachments (JSON)",
                    "template": "page template generation", "run_id": "crawl that wrote it", **_CITATION},
        "facets": ["year", "channel"], "sort_desc": "published",
    },
    "links": {
        "description": "One row per release: its Chinese original (or none) with the linker's score and evidence",
        "columns": {"url": "release URL", "zh_url": "URL of the Chinese original, if linked or proposed",
                    "zh_status": "linked, no_candidate, below_threshold, ambiguous or related_only", "score": "link probability 0-1",
                    "gap_days": "days from the original to the release", "evidence": "what both texts share (JSON)",
                    "candidate_url": "the best candidate refused; when related_only, a page telling the same event otherwise"},
        "facets": ["zh_status"],
    },
    "pairs": {
        "description": "Releases with their link status and original's title (a view), faceted by year and status",
        "columns": {"url": "release URL", "docid": "release docid", "published": "release date", "year": "year",
                    "section": "section", "title": "release title", "zh_status": "link status",
                    "score": "link score", "zh_title": "title of the Chinese original", "zh_url": "its URL"},
        "facets": ["year", "section", "zh_status"],
    },
    "en_fts": {"description": "FTS5 index of releases (title, body), porter stemmer", "hidden": True},
    "zh_fts": {"description": "FTS5 index of Chinese articles as character bigrams (contentless)", "hidden": True},
    "feeds": {"description": "What the indexer has read of each items/*.jsonl (inode, size, mtime, first-line hash, offset)",
              "columns": {"name": "feed file", "inode": "inode when read", "size": "size when read",
                          "mtime_ns": "mtime when read", "head": "hash of the first line", "offset": "bytes read"}},
    "feed_lines": {"description": "Hash of every line read, to tell changed lines in a rewritten feed",
                   "columns": {"feed": "feed file", "hash": "BLAKE2b of the line", "key": "URL of the record"}},
    "meta": {"description": "Schema version and the date of the last update",
             "columns": {"name": "what", "value": "value"}},
}

QUERIES = {
    "zh_search": {
        "title": "Search the Chinese articles (e.g. 臭氧, 长江, 细颗粒物)",
        "sql": "SELECT z.published, z.title, z.url, r.title AS release_title, r.docid AS release_docid "
               "FROM zh_fts JOIN zh_articles z ON z.rowid = zh_fts.rowid "
               "LEFT JOIN links l ON l.zh_url = z.url AND l.zh_status = 'linked' LEFT JOIN releases r ON r.url = l.url "
               "WHERE zh_fts MATCH mee_zh_query(:q) ORDER BY rank LIMIT 200",
    },
    "releases_in_year_with_originals": {
        "title": "Releases mentioning a term in a year, with their Chinese originals (e.g. PM2.5, 2018)",
        "sql": "SELECT r.published, r.title, z.title AS zh_title, r.url, z.url AS zh_url FROM en_fts "
               "JOIN releases r ON r.rowid = en_fts.rowid LEFT JOIN links l ON l.url = r.url AND l.zh_status = 'linked' "
               "LEFT JOIN zh_articles z ON z.url = l.zh_url "
               "WHERE en_fts MATCH mee_en_query(:q) AND r.year = CAST(:year AS INTEGER) ORDER BY r.published",
    },
    "unlinked_releases": {
        "title": "Releases without a Chinese original, and why",
        "sql": "SELECT r.published, r.title, l.zh_status, l.score, r.url FROM releases r JOIN links l ON l.url = r.url "
               "WHERE l.zh_status != 'linked' ORDER BY r.published DESC",
    },
    "releases_per_month": {
        "title": "Releases per month",
        "sql": "SELECT month, count(*) AS releases FROM releases GROUP BY month ORDER BY month",
    },
    "slowest_translations": {
        "title": "Linked pairs with the most days between the original and the release",
        "sql": "SELECT l.gap_days, r.published, r.title, z.published AS zh_published, z.title AS zh_title "
               "FROM links l JOIN releases r ON r.url = l.url JOIN zh_articles z ON z.url = l.zh_url "
               "WHERE l.zh_status = 'linked' ORDER BY l.gap_days DESC LIMIT 100",
    },
}

def metadata(database: str, replay: str) -> dict[str, Any]:
    """Datasette metadata for the database named ``database``; replay links point at ``replay``."""
    return {
        "title": "mee-archive: MEE News Releases and their Chinese originals",
        "description_html": 'Search both languages: <a href="/-/mee/search">search page</a> · '
                            '<a href="/-/mee/charts">charts</a>. Every page links to its replay in pywb '
                            "(<code>mee-archive replay</code>).",
        "databases": {database: {"tables": TABLES, "queries": QUERIES}},
        "plugins": {PLUGIN: {"replay": replay, "database": database}},
    }
