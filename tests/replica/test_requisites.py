"""Page requisites: every stylesheet, script, image and font a page loads is served, typed and valid."""

from __future__ import annotations

import io
import re
from urllib.parse import urljoin

import parsel
from PIL import Image

from mee_archive.replica import requisites
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.site import Site

MAGIC = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8", "image/gif": b"GIF89a", "font/woff": b"wOFF"}


def _references(html: str) -> set[str]:
    sel = parsel.Selector(html)
    return set(sel.css("link[rel=stylesheet]::attr(href), link[rel=icon]::attr(href), script::attr(src), "
                       "img::attr(src)").getall())


def _local(kind: str, page_url: str, refs: set[str]) -> set[str]:
    host = {"en": "english.mee.gov.cn", "zh": "www.mee.gov.cn"}[kind]
    urls = {urljoin(page_url, r) for r in refs}
    return {u.split(host, 1)[1] for u in urls if f"//{host}/images/" in u}


def test_every_local_requisite_of_every_page_kind_is_served_with_its_type() -> None:
    corpus = build_corpus(2, 60)
    site = Site(corpus)
    pages = [("zh", a.url, a.path) for a in corpus.zh[:80]]
    pages += [("en", r.url, r.path) for r in corpus.en]
    seen: dict[str, set[str]] = {"en": set(), "zh": set()}
    for kind, url, path in pages:
        html = site.resolve(kind, path).body.decode(errors="replace")
        for requisite in _local(kind, url, _references(html)):
            res = site.resolve(kind, requisite)
            assert res is not None and res.status == 200, requisite
            assert res.content_type == requisites.catalogue(kind)[requisite]
            seen[kind].add(requisite)
    generations = {r.generation for r in corpus.en}
    assert len(seen["zh"]) >= 4 + 5 + 20  # the sample's 4 sheets, 5 scripts, ~25 images
    assert all(any(f"/images/{f}" in seen["en"] for f in requisites.EN_BY_GENERATION[g]) for g in generations)


def test_stylesheets_pull_images_fonts_and_sheets_that_resolve() -> None:
    site = Site(build_corpus(2, 5))
    for kind in ("zh", "en"):
        sheets = [p for p, t in requisites.catalogue(kind).items() if t.startswith("text/css")]
        imported = 0
        for sheet in sheets:
            css = site.resolve(kind, sheet).body.decode()
            refs = re.findall(r'url\("?([^")]+)"?\)', css)
            imported += "@import" in css
            for ref in refs:
                target = site.resolve(kind, urljoin(sheet, ref))
                assert target is not None and target.status == 200, (sheet, ref)
                if target.content_type in MAGIC:
                    assert target.body.startswith(MAGIC[target.content_type])
        assert imported >= len(sheets) - 1  # all but the imported sheet import it


def test_requisites_have_plausible_weights_and_are_deterministic() -> None:
    site, again = Site(build_corpus(2, 5)), Site(build_corpus(3, 5))
    sizes = {p: len(site.resolve("zh", p).body) for p in requisites.catalogue("zh")}
    assert sizes["/images/jquery-1.12.4.min.js"] > 90_000
    assert all(1_000 <= n <= 120_000 or p.endswith(".gif") for p, n in sizes.items())
    assert all(site.resolve("zh", p).body == again.resolve("zh", p).body for p in sizes)


def test_chinese_pages_carry_the_real_chrome_weight() -> None:
    """The real sample is ~50 KB, ~41 KB of it chrome (menus, link lists, scripts)."""
    corpus = build_corpus(2, 60)
    site = Site(corpus)
    originals = {r.zh_docid for r in corpus.releases() if r.zh_docid}
    sizes = sorted(len(site.resolve("zh", a.path).body) for a in corpus.zh
                   if a.docid in originals and a.template == "channel")
    assert sizes[len(sizes) // 2] >= 30_000


def test_both_hosts_serve_a_favicon_that_reads_as_an_icon() -> None:
    """Where a browser asks for the icon of a page that declares none (the Chinese pages)."""
    site = Site(build_corpus(2, 5))
    icons = {}
    for kind in ("en", "zh"):
        res = site.resolve(kind, "/favicon.ico")
        assert res is not None and res.status == 200 and res.content_type == "image/vnd.microsoft.icon"
        with Image.open(io.BytesIO(res.body)) as icon:
            assert (icon.format, icon.size) == ("ICO", (16, 16))
            icons[kind] = icon.convert("RGB").getpixel((8, 8))
    assert icons["en"] != icons["zh"]  # each site its own
