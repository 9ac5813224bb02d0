"""End to end against a live replica: re-runs fetch only what is new; refresh finds revisions."""

from __future__ import annotations

from dataclasses import replace
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from mee_archive.replica import requisites
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.faults import FaultConfig
from mee_archive.replica.model import Corpus
from mee_archive.replica.server import ReplicaServer
from mee_archive.state import CrawlState, state_path
from mee_archive.runner import project_settings

from .conftest import fetched_since, items, manifests

pytestmark = pytest.mark.slow

SEED = 7


def test_a_second_run_fetches_no_release_again_and_a_third_only_the_new_ones(
        tmp_path: Path, crawl: Callable[..., int]) -> None:
    output = tmp_path / "archive"
    small = build_corpus(SEED, 20)
    with ReplicaServer(small).start() as replica:
        assert crawl(replica.url, output) == 0
        first_feed = (output / "items" / "news_release.jsonl").read_bytes()
        assert sorted(i["url"] for i in items(output)) == sorted(r.url for r in small.releases())

        start = len(replica.requests)
        assert crawl(replica.url, output) == 0
        assert fetched_since(replica, start, "page") == []
        assert fetched_since(replica, start, "resource") == ["http://english.mee.gov.cn/robots.txt"]
        assert {r.status for r in replica.requests[start:] if "news_release" in r.url} == {304}
        assert (output / "items" / "news_release.jsonl").read_bytes() == first_feed

    second = manifests(output)[-1]
    assert second["counts"]["releases"] == {"new": 0, "changed": 0, "unchanged": 0,
                                            "not_fetched_archived": 20, "invalid": 0}
    assert second["counts"]["list_pages_not_modified"] == second["counts"]["list_pages"] > 0
    profiles = {uri: profile for warc in second["warc_files"] for uri, profile in revisits(output / "warc" / warc)}
    assert profiles["http://english.mee.gov.cn/News_service/news_release/"].endswith("/server-not-modified")

    larger = build_corpus(SEED, 26)  # append-stable: the 20 plus 6 newer releases
    with ReplicaServer(larger).start() as replica:
        assert crawl(replica.url, output) == 0
        new_urls = {r.url for r in larger.releases()} - {r.url for r in small.releases()}
        assert sorted(fetched_since(replica, 0, "page")) == sorted(new_urls)
    records = items(output)
    assert len(records) == 26 and len({i["url"] for i in records}) == 26
    third = manifests(output)[-1]
    assert {i["url"] for i in records if i["run_id"] == third["crawl_id"]} == new_urls
    assert third["counts"]["releases"]["new"] == 6 and third["counts"]["releases"]["not_fetched_archived"] == 20


def test_releases_listed_under_old_host_names_are_not_fetched_again_either(
        tmp_path: Path, crawl: Callable[..., int]) -> None:
    corpus = build_corpus(SEED, 12)
    aliased = FaultConfig(modes=frozenset({"redirect"}), rate=0.5, seed=1)  # list links via english.mep.gov.cn
    with ReplicaServer(corpus, faults=aliased).start() as replica:
        assert crawl(replica.url, tmp_path) == 0
        assert any(r.status == 301 for r in replica.requests)
        start = len(replica.requests)
        assert crawl(replica.url, tmp_path) == 0
        assert fetched_since(replica, start, "page") == []
    assert sorted(i["url"] for i in items(tmp_path)) == sorted(r.url for r in corpus.releases())


def revisits(warc: Path) -> list[tuple[str, str]]:
    """(target URI, profile) of each revisit record of a WARC file."""
    with warc.open("rb") as stream:
        return [(r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers.get_header("WARC-Profile"))
                for r in ArchiveIterator(stream) if r.rec_type == "revisit"]


def with_changed_body(corpus: Corpus, url: str) -> Corpus:
    """The same corpus, but one release's text was corrected after publication."""
    edited = [replace(r, paragraphs=(*r.paragraphs, "(Corrected: the meeting was held in Beijing.)"))
              if r.url == url else r for r in corpus.en]
    return replace(corpus, en=edited)


def test_refresh_fetches_everything_and_keeps_a_changed_release_as_a_revision(
        tmp_path: Path, crawl: Callable[..., int]) -> None:
    output = tmp_path / "archive"
    corpus = build_corpus(SEED, 12)
    with ReplicaServer(corpus).start() as replica:
        assert crawl(replica.url, output) == 0
    before = {i["url"]: i for i in items(output)}
    target = corpus.releases()[3].url
    with ReplicaServer(with_changed_body(corpus, target)).start() as replica:
        assert crawl(replica.url, output, "MEE_REFRESH=True") == 0
        assert sorted(fetched_since(replica, 0, "page")) == sorted(before)
    records = items(output)
    assert len(records) == 13
    (revision,) = records[12:]
    assert revision["url"] == target and revision["body"].endswith("held in Beijing.)")
    assert revision["revision_of"] == {"run_id": before[target]["run_id"], "crawled_at": before[target]["crawled_at"],
                                       "content_digest": before[target]["content_digest"]}
    assert revision["content_digest"] != before[target]["content_digest"]
    refresh = manifests(output)[-1]
    assert refresh["settings"]["MEE_REFRESH"] is True
    assert refresh["counts"]["releases"] == {"new": 0, "changed": 1, "unchanged": 11,
                                             "not_fetched_archived": 0, "invalid": 0}
    identical = {uri for warc in refresh["warc_files"] for uri, profile in revisits(output / "warc" / warc)
                 if profile.endswith("/identical-payload-digest")}
    assert identical & set(before) == set(before) - {target}  # the changed page is archived in full


def test_embeds_a_kill_cut_off_are_fetched_by_the_next_run_and_nothing_else(
        tmp_path: Path, crawl: Callable[..., int]) -> None:
    output = tmp_path / "archive"
    corpus = build_corpus(SEED, 20)
    embeds = {e for r in corpus.releases() for e in [*r.images, *r.attachments]}
    assert embeds, "the corpus should embed images or attachments"
    with ReplicaServer(corpus).start() as replica:
        assert crawl(replica.url, output) == 0
        # What a kill after the releases' items but before their embeds' answers leaves behind.
        state = CrawlState(state_path(project_settings({"MEE_OUTPUT_DIR": str(output)})))
        state.db.execute("UPDATE resources SET status = NULL")
        wanted = {row[0] for row in state.db.execute("SELECT url FROM resources")}
        state.close()
        start = len(replica.requests)
        assert crawl(replica.url, output) == 0
        again = fetched_since(replica, start, "resource")
        assert fetched_since(replica, start, "page") == []
    assert sorted(again) == sorted(["http://english.mee.gov.cn/robots.txt", *wanted])
    template = {f"http://english.mee.gov.cn{path}" for path in requisites.catalogue("en")}
    assert len(wanted - template) == len(embeds)  # the page requisites are resumed as well
    assert manifests(output)[-1]["counts"]["embeds"]["resumed"] == len(wanted)
