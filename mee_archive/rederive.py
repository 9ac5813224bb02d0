"""Items re-derived from the archive alone: the WARC files are the record, the JSON is derived.

When extraction, boilerplate rules or the linker improve, the whole archive is read again, back
to its first crawl, without asking the site: every article page's response (and revisit) record
the CDXJ index names is run, oldest first, through the current page objects, the item pipelines'
rules (boilerplate, schema, revisions) and the linker, giving the items a crawl would have
written then. Pages are read by every core (one process per core over tasks of a few pages each,
all versions of a page in one task, so that the workers apply the revision rules too).

Run fields: ``run_id`` is the crawl id in the WARC file's name (the crawl that fetched the page);
``crawled_at`` is the record's ``WARC-Date`` (when the fetch began; a crawl stamps the moment it
parsed the page, a second or so later), and so is the ``crawled_at`` inside ``revision_of``.
"""

from __future__ import annotations

import gzip
import multiprocessing
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mee_archive.archive.index import read_index
from mee_archive.archive.layout import ArchiveLayout, parse_name
from mee_archive.archive.rawrecord import RawRecord, read_record
from mee_archive.incremental import kind_of
from mee_archive.link import link_items
from mee_archive.pages import en_release, zh_article
from mee_archive.pages.decode import decode_html
from mee_archive.pages.html import PageError
from mee_archive.pages.trs import EN_HOSTS, ZH_HOSTS
from mee_archive.pipelines import BoilerplatePipeline, Revisions, record_problems

# Which spider's items an article page on a host becomes, and the page object that reads it.
SPIDER_OF_HOST = {**{h: "news_release" for h in EN_HOSTS}, **{h: "zh_news" for h in ZH_HOSTS}}
PARSERS: dict[str, Callable[[str, str], dict[str, Any]]] = {
    "news_release": en_release.parse_release, "zh_news": zh_article.parse_article}
FEEDS = ("news_release", "zh_news")
# Fields about the fetch, not the page: left out when old and new items are compared.
RUN_FIELDS = ("crawled_at",)
CHUNK = 64  # records per task handed to a worker


@dataclass(frozen=True)
class Source:
    """An article page's record in the archive, as the CDXJ index points at it."""

    timestamp: str
    url: str
    file: str
    offset: int
    length: int
    spider: str
    digest: str  # of the payload, without its algorithm prefix


@dataclass
class FeedReport:
    """How one feed's re-derived records compare with the ones it replaces."""

    unchanged: int = 0
    changed: dict[str, int] = field(default_factory=dict)  # field name -> records where it changed
    changed_items: dict[str, list[str]] = field(default_factory=dict)  # url -> its changed fields
    new: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        fields = ", ".join(f"{n} {f}" for f, n in sorted(self.changed.items()))
        return (f"{name}: {self.unchanged} unchanged, {len(self.changed_items)} changed"
                + (f" ({fields})" if fields else "") + f", {len(self.new)} new, {len(self.lost)} lost"
                + f", {len(self.invalid)} invalid, {len(self.unreadable)} unreadable")


def sources(layout: ArchiveLayout) -> list[Source]:
    """Every article page response or revisit the index names, oldest first."""
    found = []
    for index in sorted(layout.index_dir.glob("*.cdxj")):
        for _, timestamp, fields in read_index(index):
            url = fields.get("url", "")
            spider = SPIDER_OF_HOST.get((urlsplit(url).hostname or "").lower())
            if spider and fields.get("status") == "200" and kind_of(url) == "page":
                found.append(Source(timestamp, url, fields["filename"], int(fields["offset"]),
                                    int(fields["length"]), spider, _bare(fields.get("digest", ""))))
    return sorted(found, key=lambda s: (s.timestamp, s.file, s.offset))


def _payload(head: bytes, body: bytes) -> tuple[bytes, str]:
    """The body as the page objects get it (content coding undone) and its Content-Type."""
    headers = {}
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip().decode("latin-1")
    coding = headers.get(b"content-encoding", "").lower()
    if coding in ("gzip", "x-gzip"):
        body = gzip.decompress(body)
    elif coding == "deflate":
        try:
            body = zlib.decompress(body)
        except zlib.error:
            body = zlib.decompress(body, -zlib.MAX_WBITS)
    return body, headers.get(b"content-type", "")


def _bare(digest: str) -> str:
    return digest.rpartition(":")[2]


Originals = dict[tuple[str, str], Source]


def _original(warc_dir: Path, record: RawRecord, originals: Originals) -> tuple[RawRecord, Source] | None:
    """The response record holding the payload a revisit stands for, or None."""
    uri = record.header("WARC-Refers-To-Target-URI") or record.header("WARC-Target-URI") or ""
    target = originals.get((uri, _bare(record.header("WARC-Payload-Digest") or "")))
    if target is None:
        return None
    return read_record(warc_dir / target.file, target.offset, target.length), target


def derive(warc_dir: Path, source: Source, originals: Originals) -> dict[str, Any] | str:
    """The item the page of ``source`` gives today, with its run fields and citation; or, when
    it gives none, one line on why."""
    record = read_record(warc_dir / source.file, source.offset, source.length)
    cited, holder = record, source
    if record.type == "revisit":
        found = _original(warc_dir, record, originals)
        if found is None:
            return "revisit of a record the index does not hold"
        cited, holder = found
    head, body = cited.http
    payload, content_type = _payload(head, body)
    if not payload.strip():
        return "empty page"
    try:
        item = PARSERS[source.spider](decode_html(payload, content_type), source.url)
    except PageError as error:
        return f"unreadable page: {error}"
    date = record.header("WARC-Date") or ""
    item["crawled_at"] = datetime.fromisoformat(date.replace("Z", "+00:00")).isoformat(timespec="seconds")
    item["warc"] = {"file": holder.file, "offset": holder.offset, "length": holder.length,
                    "record_id": cited.header("WARC-Record-ID"), "payload_digest": cited.header("WARC-Payload-Digest")}
    return item


# What every worker needs, set before the workers fork so that they inherit it, not receive it:
# the sources, the response record of each payload (for revisits) and MEE_MAX_TEXT_CHARS.
_FOUND: list[Source] = []
_ORIGINALS: Originals = {}
_MAX_TEXT = [1_000_000]
# Result of a page that gives no item: which list of the report it goes to, and why.
Lost = tuple[str, str]
# What a source gives: a new or changed record, None (an unchanged repeat of its page), or a loss.
Derived = dict[str, Any] | Lost | None


def cleaned(source: Source, found: dict[str, Any] | str) -> dict[str, Any] | Lost:
    """The item after the boilerplate and schema pipelines' rules, or why there is none."""
    if isinstance(found, str):
        return "unreadable", f"{source.url}: {found}"
    item = BoilerplatePipeline().process_item(found)
    if record_problems(source.spider, item, _MAX_TEXT[0]):
        return "invalid", source.url
    return item


def _work(task: tuple[Path, list[int]]) -> list[tuple[int, Derived]]:
    """Every version of a few pages, oldest first: each page's versions are in one task, so the
    revision rules (a repeat is dropped, a change names what it revises) run here, not in the
    parent, which only puts the records back in order."""
    warc_dir, indices = task
    revisions = {name: Revisions() for name in FEEDS}
    out: list[tuple[int, Derived]] = []
    for index in indices:
        source = _FOUND[index]
        result = cleaned(source, derive(warc_dir, source, _ORIGINALS))
        if isinstance(result, dict):
            result["run_id"] = parse_name(source.file).get("crawl_id", "")
            if revisions[source.spider].classify(result) == "unchanged":
                result = None
        out.append((index, result))
    return out


def _tasks(found: list[Source]) -> list[list[int]]:
    """Indices of ``found`` in tasks of about CHUNK records, all versions of a URL in one task."""
    by_url: dict[str, list[int]] = {}
    for index, source in enumerate(found):
        by_url.setdefault(source.url, []).append(index)
    tasks, current = [], []
    for indices in by_url.values():
        current += indices
        if len(current) >= CHUNK:
            tasks.append(current)
            current = []
    return tasks + ([current] if current else [])


def derived(layout: ArchiveLayout, found: list[Source], workers: int) -> Iterator[tuple[int, Derived]]:
    """(index in ``found``, what it gives) for every source, in no set order, over ``workers``
    processes (forked: they inherit the sources instead of receiving them)."""
    _FOUND[:] = found
    _ORIGINALS.clear()
    for source in found:  # oldest first: the response holding each payload, before its revisits
        _ORIGINALS.setdefault((source.url, source.digest), source)
    tasks = [(layout.warc_dir, task) for task in _tasks(found)]
    if workers <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield from _work(task)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for results in pool.imap_unordered(_work, tasks):
            yield from results


def rederive_items(layout: ArchiveLayout, max_text: int, workers: int | None = None
                   ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, FeedReport]]:
    """The items of every feed as re-derived from the archive, and per feed what could not be."""
    found = sources(layout)
    feeds: dict[str, list[dict[str, Any]]] = {name: [] for name in FEEDS}
    reports = {name: FeedReport() for name in FEEDS}
    _MAX_TEXT[0] = max_text
    results: list[Derived] = [None] * len(found)
    for index, result in derived(layout, found, workers or os.cpu_count() or 1):
        results[index] = result
    for source, result in zip(found, results):
        if isinstance(result, tuple):
            getattr(reports[source.spider], result[0]).append(result[1])
        elif result is not None:
            feeds[source.spider].append(result)
    return feeds, reports


def link(feeds: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Link the English records to the Chinese ones as the crawl does when zh_news ends (every
    version of a release gets its latest version's link); the links file's lines."""
    english, chinese = feeds["news_release"], feeds["zh_news"]
    if not chinese:
        return []
    latest = list({record["url"]: record for record in english}.values())
    chinese_latest = list({record["url"]: record for record in chinese}.values())
    results = {r.url: r for r in link_items(latest, chinese_latest)}
    for record in english:
        result = results[record["url"]]
        record["zh"], record["zh_status"] = result.zh, result.zh_status
    return [r.record() for r in results.values()]


def _comparable(record: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in record.items() if k not in RUN_FIELDS}
    if isinstance(out.get("revision_of"), dict):
        out["revision_of"] = {k: v for k, v in out["revision_of"].items() if k not in RUN_FIELDS}
    return out


def _versions(records: Iterable[dict[str, Any]]) -> dict[tuple[str, int], dict[str, Any]]:
    """Records keyed by (url, which version of the page: 0 for the first)."""
    seen: dict[str, int] = {}
    out = {}
    for record in records:
        url = str(record.get("url"))
        out[(url, seen.get(url, 0))] = record
        seen[url] = seen.get(url, 0) + 1
    return out


def compare(old: Iterable[dict[str, Any]], new: Iterable[dict[str, Any]], report: FeedReport) -> None:
    """Fill ``report`` with what changed from ``old`` to ``new`` records (run fields aside)."""
    before, after = _versions(old), _versions(new)
    for key, record in after.items():
        if key not in before:
            report.new.append(key[0])
            continue
        a, b = _comparable(before[key]), _comparable(record)
        fields = sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))
        if not fields:
            report.unchanged += 1
            continue
        report.changed_items[key[0]] = fields
        for name in fields:
            report.changed[name] = report.changed.get(name, 0) + 1
    report.lost = [key[0] for key in before if key not in after]
