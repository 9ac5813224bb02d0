"""URL -> resource mapping: every page reachable from the lists, pagination honest, 404s."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import parsel
import pytest

from mee_archive.replica.render_common import ListEntry, list_page_name
from mee_archive.replica.site import Site, host_kind


def _count_page(body: bytes) -> int:
    return int(re.search(rb"var countPage = (\d+)//", body).group(1))


def _walk_list(site: Site, kind: str, folder: str, item_css: str) -> list[list[str]]:
    """Absolute item URLs per list page, reading the page count only from the script."""
    host = {"en": "http://english.mee.gov.cn", "zh": "http://www.mee.gov.cn"}[kind]
    first = site.resolve(kind, folder)
    pages = []
    for n in range(_count_page(first.body)):
        path = folder + list_page_name(n)
        res = site.resolve(kind, path)
        assert res is not None and res.status == 200, path
        hrefs = parsel.Selector(res.body.decode("utf-8")).css(item_css).getall()
        pages.append([urljoin(host + path, h) for h in hrefs])
    assert site.resolve(kind, folder + list_page_name(len(pages))) is None
    return pages


@pytest.mark.parametrize("n", [0, 1, 20, 45])
def test_every_release_on_exactly_one_english_list_page(n, corpus):
    corpus.en = [r for r in corpus.en if r.section != "news_release"] + corpus.releases()[:n]
    site = Site(corpus)
    pages = _walk_list(site, "en", "/News_service/news_release/", "ul.news_list a::attr(href)")
    listed = [u for page in pages for u in page]
    assert sorted(listed) == sorted(r.url for r in corpus.releases())
    assert len(pages) == max(1, -(-n // 20))


def test_english_list_is_newest_first_and_siblings_have_their_own(corpus):
    site = Site(corpus)
    listed = _walk_list(site, "en", "/News_service/news_release/", "ul.news_list a::attr(href)")[0]
    dates = [u.rsplit("/t", 1)[1][:8] for u in listed]
    assert dates == sorted(dates, reverse=True)
    photo = _walk_list(site, "en", "/News_service/Photo/", "ul.news_list a::attr(href)")
    assert photo == [[r.url for r in corpus.en if r.section == "Photo"]]


def test_every_chinese_article_is_listed_in_a_channel(corpus):
    site = Site(corpus)
    listed = set()
    for channel in sorted(site.zh_channels):
        for page in _walk_list(site, "zh", f"/ywdt/{channel}/", "ul.cjcx_danduimg_list > li dt > a::attr(href)"):
            listed.update(page)
    assert {a.url for a in corpus.zh} <= listed
    hrefs = parsel.Selector(site.resolve("zh", "/ywdt/hjywnews/").body.decode()).css("dt > a::attr(href)").getall()
    assert any(h.startswith("../../ywdt/zbft/") for h in hrefs) and any(h.startswith("http://") for h in hrefs)


def test_articles_and_embeds_resolve_with_types(corpus):
    site = Site(corpus)
    for r in corpus.en:
        res = site.resolve("en", urlsplit(r.url).path)
        assert res.content_type == "text/html; charset=utf-8" and r.title.encode() in res.body
        for e in r.images + r.attachments:
            f = site.resolve("en", r.path.rsplit("/", 1)[0] + "/" + e.filename)
            assert f.content_type in ("image/jpeg", "application/pdf") and f.last_modified == res.last_modified
    for a in corpus.zh:
        res = site.resolve("zh", a.path)
        assert a.title in res.body.decode(a.encoding)


def test_legacy_pages_are_gb2312_some_without_charset(corpus):
    site = Site(corpus)
    legacy = [a for a in corpus.zh if a.template == "legacy"]
    types = {site.resolve("zh", a.path).content_type for a in legacy}
    assert types == {"text/html; charset=gb2312", "text/html"}
    body = site.resolve("zh", legacy[0].path).body
    assert legacy[0].title.encode("gb2312") in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    listing = site.resolve("zh", site.legacy_list_path("bgth"))
    assert b'var m_nRecordCount = "%d";' % len(legacy) in listing.body
    assert site.legacy_list_path("bgth") in site.resolve("zh", "/home/wzdt/").body.decode()


def test_robots_home_folders_and_404(corpus):
    site = Site(corpus)
    for kind in ("en", "zh"):
        robots = site.resolve(kind, "/robots.txt")
        assert robots.content_type.startswith("text/plain") and b"Disallow:" in robots.body
        assert site.resolve(kind, "/") is not None
        assert site.resolve(kind, "/no/such/page.shtml") is None
    moved = site.resolve("en", "/News_service/news_release")
    assert (moved.status, moved.location) == (301, "/News_service/news_release/")
    assert site.resolve("en", "/News_service/Events/") is None
    assert site.resolve("en", "/News_service/news_release/index_0.shtml") is None


def test_last_modified_is_stable_and_cache_is_bounded(corpus):
    a, b = Site(corpus, cache_size=2), Site(corpus, cache_size=2)
    paths = ["/", "/News_service/news_release/", corpus.en[0].path, "/robots.txt"]
    assert [a.resolve("en", p).last_modified for p in paths] == [b.resolve("en", p).last_modified for p in paths]
    assert a.resolve("en", paths[1]).body == b.resolve("en", paths[1]).body
    assert a.resolve.cache_info().currsize == 2


def test_entries_hook_sees_each_list_page(corpus):
    seen = []

    def hook(url: str, entries: list[ListEntry]) -> list[ListEntry]:
        seen.append(url)
        return entries + entries[:1]

    site = Site(corpus, entries_hook=hook)
    body = site.resolve("en", "/News_service/news_release/index_1.shtml").body.decode()
    assert seen == ["http://english.mee.gov.cn/News_service/news_release/index_1.shtml"]
    assert len(parsel.Selector(body).css("ul.news_list > li")) == 21


def test_host_kind_knows_old_names():
    assert [host_kind(h) for h in ["english.mee.gov.cn", "ENGLISH.SEPA.GOV.CN:80", "www.mep.gov.cn", "x.org"]] == [
        "en", "en", "zh", None]


def test_pages_render_lazily_once_each(corpus, monkeypatch):
    from mee_archive.replica import render_en

    calls = []
    real = render_en.render_release
    monkeypatch.setattr(render_en, "render_release", lambda r: calls.append(r.docid) or real(r))
    site = Site(corpus)
    assert calls == []  # nothing is rendered at start, whatever the corpus size
    path = corpus.releases()[3].path
    assert site.resolve("en", path).body == site.resolve("en", path).body
    assert calls == [corpus.releases()[3].docid]


@pytest.mark.parametrize("added", [1, 25])
def test_a_new_release_changes_every_list_page_and_its_validators(added):
    """TRS lists are newest first: one more release shifts every page by one entry, so every
    page's body (its ETag) and its Last-Modified move; old article pages stay as they were."""
    from mee_archive.replica.corpus import build_corpus
    from mee_archive.replica.server import _etag

    before, after = Site(build_corpus(3, 90)), Site(build_corpus(3, 90 + added))
    folders = [("en", "/News_service/news_release/"), ("zh", "/ywdt/hjywnews/")]
    for kind, folder in folders:
        for n in range(_count_page(before.resolve(kind, folder).body)):
            old, new = before.resolve(kind, folder + list_page_name(n)), after.resolve(kind, folder + list_page_name(n))
            assert _etag(old.body) != _etag(new.body), (folder, n)
            assert new.last_modified > old.last_modified, (folder, n)
    release = before.corpus.releases()[0]
    assert before.resolve("en", release.path).body == after.resolve("en", release.path).body
