"""Citations: the dict every search result carries, and a text a researcher can paste (plain,
BibTeX, CSL-JSON) naming the ministry, the date, the original URL, the capture and its replay."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping
from typing import Any

from mee_archive.research.replay import replay_url

MINISTRY = {"en": "Ministry of Ecology and Environment of the People's Republic of China",
            "zh": "中华人民共和国生态环境部"}
ARCHIVE = "mee-archive"


def citation(row: Mapping[str, Any], base: str) -> dict[str, Any]:
    """Where the document's page is in the archive, and its replay URL."""
    return {"url": row["url"], "captured": row["crawled_at"], "warc_file": row["warc_file"],
            "warc_offset": row["warc_offset"], "warc_length": row["warc_length"],
            "record_id": row["warc_record_id"], "replay": replay_url(base, row["crawled_at"], row["url"])}


def _lang(row: sqlite3.Row) -> str:
    return "zh" if "channel" in row.keys() else "en"


def plain(row: sqlite3.Row, base: str) -> str:
    c = citation(row, base)
    lang = _lang(row)
    container = "News Release" if lang == "en" else "新闻"
    return (f"{MINISTRY[lang]}. \u201c{row['title']}.\u201d {container}, {row['published'][:10]}. {row['url']}. "
            f"Archived {c['captured']} ({ARCHIVE}; WARC record {c['record_id']} in {c['warc_file']} at offset "
            f"{c['warc_offset']}). Replay: {c['replay']}")


def _bib_escape(text: str) -> str:
    return re.sub(r"([{}&%$#_])", r"\\\1", text or "")


def bibtex(row: sqlite3.Row, base: str) -> str:
    c = citation(row, base)
    lang = _lang(row)
    published = row["published"][:10]
    fields = {
        "author": "{" + _bib_escape(MINISTRY[lang]) + "}",
        "title": _bib_escape(row["title"]),
        "date": published, "year": published[:4],
        "url": row["url"], "urldate": (c["captured"] or "")[:10],
        "language": "english" if lang == "en" else "chinese",
        "howpublished": "News Release" if lang == "en" else "新闻",
        "note": _bib_escape(f"Archived {c['captured']} by {ARCHIVE}, WARC record {c['record_id']} "
                            f"({c['warc_file']}, offset {c['warc_offset']}); replay: ") + f"\\url{{{c['replay']}}}",
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{mee-{lang}-{row['docid']},\n{body}\n}}"


def csl(row: sqlite3.Row, base: str) -> dict[str, Any]:
    c = citation(row, base)
    lang = _lang(row)
    published = row["published"][:10]
    captured = (c["captured"] or "")[:10]
    return {
        "id": f"mee-{lang}-{row['docid']}", "type": "webpage", "title": row["title"],
        "author": [{"literal": MINISTRY[lang]}], "container-title": "News Release" if lang == "en" else "新闻",
        "issued": {"date-parts": [[int(x) for x in published.split("-")]]},
        "accessed": {"date-parts": [[int(x) for x in captured.split("-")]]} if captured else None,
        "URL": row["url"], "language": "en" if lang == "en" else "zh-CN",
        "archive": ARCHIVE, "archive_location": c["record_id"],
        "note": f"WARC {c['warc_file']} offset {c['warc_offset']}; replay {c['replay']}",
    }


def csl_json(rows: list[sqlite3.Row], base: str) -> str:
    return json.dumps([csl(row, base) for row in rows], ensure_ascii=False, indent=2)
