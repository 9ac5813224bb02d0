"""Rows for pandas and R (JSON Lines, CSV, Parquet): releases with their originals, or articles.

``en``: one row per release, its original's columns beside it (``zh_*``, empty when unlinked);
``zh``: one row per Chinese article, its release's URL and title when linked; ``both`` is ``en``.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from mee_archive.research.cite import citation
from mee_archive.research.search import Filters, where_clause

_EN = """SELECT r.*, l.zh_status, l.score, l.gap_days, z.url AS zh_url, z.docid AS zh_docid, z.title AS zh_title,
    z.published AS zh_published, z.body AS zh_body, z.crawled_at AS zh_crawled_at, z.warc_file AS zh_warc_file,
    z.warc_offset AS zh_warc_offset, z.warc_length AS zh_warc_length, z.warc_record_id AS zh_warc_record_id
    FROM releases r LEFT JOIN links l ON l.url = r.url
    LEFT JOIN zh_articles z ON z.url = l.zh_url AND l.zh_status = 'linked' WHERE 1 = 1"""
_ZH = """SELECT z.*, r.url AS en_url, r.title AS en_title, l.score FROM zh_articles z
    LEFT JOIN links l ON l.zh_url = z.url AND l.zh_status = 'linked' LEFT JOIN releases r ON r.url = l.url
    WHERE 1 = 1"""
_DROP = {"paragraphs", "images", "attachments", "payload_digest"}


def rows(db: sqlite3.Connection, lang: str, filters: Filters, replay: str,
         only: set[str] | None = None) -> Iterator[dict[str, Any]]:
    """The rows of one export, oldest first; ``only``: URLs to keep (a search's results)."""
    chinese = lang == "zh"
    where, params = where_clause(filters, "z.published" if chinese else "r.published",
                                 "z.channel" if chinese else "r.section", "r.url" if chinese else "z.url")
    table = "z" if chinese else "r"
    for row in db.execute(f"{_ZH if chinese else _EN}{where} ORDER BY {table}.published, {table}.url", params):
        if only is not None and row["url"] not in only:
            continue
        out = {k: row[k] for k in row.keys() if k not in _DROP}
        out["replay"] = citation(row, replay)["replay"]
        if not chinese and row["zh_url"]:
            out["zh_replay"] = citation({**dict(row), "url": row["zh_url"], "crawled_at": row["zh_crawled_at"],
                                         "warc_file": None, "warc_offset": None, "warc_length": None,
                                         "warc_record_id": None}, replay)["replay"]
        yield out


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for count, record in enumerate(records, 1):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer, count = None, 0
    for count, record in enumerate(records, 1):
        if writer is None:
            writer = csv.DictWriter(out, list(record), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(record)
    return count


def write_parquet(records: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa  # only for this format
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(list(records))
    pq.write_table(table, path)
    return table.num_rows
