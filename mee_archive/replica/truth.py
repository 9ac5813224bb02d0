"""The replica's ground truth as plain records: gold text, embeds and each release's original.

Tests and ``eval-links`` read these exports; spiders, pipelines and the linker never import them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from mee_archive.replica.model import Corpus, Embed, EnRelease, ZhArticle


def _month_folder_url(article_url: str) -> str:
    """Embeds live in the article's month folder, beside the page."""
    return article_url.rsplit("/", 1)[0] + "/"


def _embeds(release: EnRelease, embeds: tuple[Embed, ...], label: str) -> list[dict]:
    folder = _month_folder_url(release.url)
    return [{"url": folder + e.filename, label: e.title} for e in embeds]


def _body(paragraphs: tuple[str, ...]) -> str:
    return "\n\n".join(paragraphs)


def export_truth(corpus: Corpus) -> Iterator[dict]:
    """One record per English news release (not siblings), with its original's URL or null.

    ``zh_url`` is the canonical original (www.mee.gov.cn, the earliest); ``zh_urls`` lists it
    and its verbatim copies (other channel, old host), all of which are gold. ``zh_related``
    lists other coverage of the same event (other outlets, the other ceremony, an interview):
    a link to one is wrong. ``zh_decoys`` are other events under the same title or with the same
    people: wrong too, worth naming in an evaluation's confusions.
    """
    zh_by_docid = {a.docid: a for a in corpus.zh}
    for release in corpus.releases():
        original = zh_by_docid[release.zh_docid] if release.zh_docid is not None else None
        urls = [zh_by_docid[d].url for d in (release.zh_docid, *release.zh_copies) if d is not None]
        yield {
            "url": release.url,
            "docid": release.docid,
            "section": release.section,
            "title": release.title,
            "published": release.url_date.isoformat(),
            "printed_date": release.printed_date.isoformat(),
            "event_date": release.event_date.isoformat(),
            "body": _body(release.paragraphs),
            "paragraphs": list(release.paragraphs),
            "images": _embeds(release, release.images, "caption"),
            "attachments": _embeds(release, release.attachments, "title"),
            "zh_url": original.url if original else None,
            "zh_docid": original.docid if original else None,
            "zh_urls": urls,
            "zh_related": [zh_by_docid[d].url for d in release.zh_related],
            "zh_decoys": [zh_by_docid[d].url for d in release.zh_decoys],
        }


def gold_and_related(records: Iterable[dict]) -> dict:
    """Truth records in the real-pairs form (``../shared/real-pairs/truth.json``):
    ``{"gold": {en_url: [zh_urls]}, "related": {en_url: [zh_urls]}}``; releases without an
    original are absent from ``gold``, those without related coverage from ``related``."""
    gold: dict[str, list[str]] = {}
    related: dict[str, list[str]] = {}
    for record in records:
        if record["zh_urls"]:
            gold[record["url"]] = record["zh_urls"]
        if record["zh_related"]:
            related[record["url"]] = record["zh_related"]
    return {"gold": gold, "related": related}


def zh_record(article: ZhArticle) -> dict:
    """The gold record of one Chinese article."""
    return {
        "url": article.url,
        "docid": article.docid,
        "channel": article.channel,
        "title": article.title,
        "published": article.published.isoformat(),
        "shows_date": article.shows_date,
        "body": _body(article.paragraphs),
        "paragraphs": list(article.paragraphs),
    }


def export_zh(corpus: Corpus) -> Iterator[dict]:
    """One gold record per Chinese article, originals and filler alike."""
    return (zh_record(a) for a in corpus.zh)


def write_jsonl(records: Iterable[dict], path: str | Path) -> int:
    """Write records as JSON Lines (UTF-8, not ASCII-escaped); returns how many were written."""
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written
