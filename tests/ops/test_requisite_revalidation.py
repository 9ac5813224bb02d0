"""End to end against a live replica: later runs revalidate page requisites with conditional
requests (the pages they archive, every page on a weekly --full-list run); a 304 is archived as
a server-not-modified revisit of the earlier response, a change in full."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from mee_archive.archive.rawrecord import RawRecord, iter_records
from mee_archive.archive.records import NOT_MODIFIED
from mee_archive.archive.verify import verify_archive
from mee_archive.pages.requisites import html_requisites
from mee_archive.replica import requisites as served
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer
from mee_archive.replica.site import Site

from .conftest import manifests

pytestmark = pytest.mark.slow

SEED = 7
BASE = 30
SECTION = "http://english.mee.gov.cn/News_service/news_release/"
DAY_LATER = "MEE_REVALIDATE_AFTER_HOURS=0"  # runs seconds apart stand for runs a day apart


def is_requisite(url: str) -> bool:
    return "/images/" in url or url.endswith("/favicon.ico")


def requisite_answers(replica: ReplicaServer, start: int) -> dict[str, list[int]]:
    """The statuses the replica answered each requisite URL with since request ``start``."""
    out: dict[str, list[int]] = {}
    for r in replica.requests[start:]:
        if is_requisite(r.url):
            out.setdefault(r.url, []).append(r.status)
    return out


def decoded(payload: bytes) -> bytes:
    """A payload as archived, its gzip content coding (the replica's, for text) undone."""
    return gzip.decompress(payload) if payload.startswith(b"\x1f\x8b") else payload


def records_of(output: Path, crawl_id: str) -> list[RawRecord]:
    (run,) = [m for m in manifests(output) if m["crawl_id"] == crawl_id]
    return [rec for warc in run["warc_files"] for rec in iter_records(output / "warc" / warc)]


def test_later_runs_revalidate_requisites_and_archive_a_304_as_a_revisit(
        tmp_path: Path, crawl: Callable[..., int], monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "archive"
    with ReplicaServer(build_corpus(SEED, BASE)).start() as replica:
        assert crawl(replica.url, output) == 0
        first = requisite_answers(replica, 0)
        start = len(replica.requests)
        assert crawl(replica.url, output, DAY_LATER) == 0  # nothing new: the list pages alone, no requisite
        assert requisite_answers(replica, start) == {}
    assert set(map(len, first.values())) == {1} and "http://english.mee.gov.cn/favicon.ico" in first
    assert all(statuses == [200] for statuses in first.values())  # the favicon too: the replica serves it
    originals = {rec.header("WARC-Target-URI"): rec.header("WARC-Record-ID")
                 for rec in records_of(output, manifests(output)[0]["crawl_id"]) if rec.type == "response"}

    grown = build_corpus(SEED, BASE + 1)  # one new release: its requisites are revalidated
    (newest,) = [r for r in grown.releases() if r.url not in {b.url for b in build_corpus(SEED, BASE).releases()}]
    page = Site(grown).resolve("en", newest.path).body.decode("utf-8", "replace")
    named = set(filter(is_requisite, html_requisites(page, newest.url)))  # its body images are embeds
    with ReplicaServer(grown).start() as replica:
        assert crawl(replica.url, output, DAY_LATER) == 0
        daily = requisite_answers(replica, 0)
    assert named <= set(daily) <= set(first)  # what the new page names, and what its sheets pull in
    assert len(daily) > len(named) and all(statuses == [304] for statuses in daily.values())
    run = manifests(output)[-1]
    assert run["counts"]["requisites"] == {"fetched": 0, "not_modified": len(daily)}
    revisits = {rec.header("WARC-Target-URI"): rec for rec in records_of(output, run["crawl_id"])
                if rec.type == "revisit" and is_requisite(rec.header("WARC-Target-URI") or "")}
    assert set(revisits) == set(daily)
    assert all(rec.header("WARC-Profile") == NOT_MODIFIED and rec.header("WARC-Refers-To") == originals[url]
               for url, rec in revisits.items())

    list_page = Site(grown).resolve("en", "/News_service/news_release/").body.decode("utf-8", "replace")
    list_named = set(html_requisites(list_page, SECTION))
    sheet = next(u for u in sorted(list_named) if u.endswith(".css"))
    body = served.body

    def changed(kind: str, path: str) -> bytes:  # the site edits one stylesheet
        return body(kind, path) + (b"\n.new{color:red}\n" if sheet.endswith(path) else b"")

    monkeypatch.setattr(served, "body", changed)
    with ReplicaServer(grown).start() as replica:
        assert crawl(replica.url, output, "MEE_FULL_LIST=True", DAY_LATER) == 0  # the weekly run: every page's
        weekly = requisite_answers(replica, 0)
    assert weekly[sheet] == [200]
    assert set(weekly) >= list_named and all(s == [304] for url, s in weekly.items() if url != sheet)
    run = manifests(output)[-1]
    (response,) = [rec for rec in records_of(output, run["crawl_id"])
                   if rec.type == "response" and rec.header("WARC-Target-URI") == sheet]
    payload = response.http[1]
    assert decoded(payload).endswith(b".new{color:red}\n")  # the change, archived in full
    report = verify_archive(output)
    assert report.ok, report.faults
