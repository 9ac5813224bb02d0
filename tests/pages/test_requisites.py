"""Page requisites: what a page and its stylesheets load, read from the markup alone."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from hypothesis import given, settings
from hypothesis import strategies as st

from mee_archive.pages.requisites import css_requisites, html_requisites, is_stylesheet

PAGE = "http://www.mee.gov.cn/ywdt/hjywnews/202401/t20240102_1.shtml"
SAMPLE = Path("/work/shared/samples/www.mee.gov.cn/ywdt/hjywnews/202204/t20220417_974894.shtml")


def test_stylesheets_scripts_images_icons_and_inline_css_are_found_once_and_absolute() -> None:
    html = """<html><head>
      <link rel="stylesheet" href="/images/a.css"><link rel="StyleSheet" href="b.css#x">
      <link rel="shortcut icon" href="/fav.png"><link rel="alternate" href="/feed.xml">
      <link rel="canonical" href="/other.shtml">
      <script src="../js/app.js"></script><script>var x = 1;</script>
      <style>.top{background:url('/images/top.png')} @import "print.css";</style>
    </head><body>
      <img src="./W020.jpg"><img src="/images/logo.gif"><img src="/images/logo.gif">
      <img src="data:image/png;base64,AAAA"><img src="javascript:void(0)"><img src="http://[bad/x.png">
      <div style="background-image:url(/images/bg.jpg)"></div><input type="image" src="/images/go.gif">
      <a href="/not-a-requisite.shtml">a link</a>
    </body></html>"""
    assert html_requisites(html, PAGE) == [
        "http://www.mee.gov.cn/images/a.css", "http://www.mee.gov.cn/ywdt/hjywnews/202401/b.css",
        "http://www.mee.gov.cn/fav.png", "http://www.mee.gov.cn/ywdt/hjywnews/js/app.js",
        "http://www.mee.gov.cn/ywdt/hjywnews/202401/W020.jpg", "http://www.mee.gov.cn/images/logo.gif",
        "http://www.mee.gov.cn/images/go.gif", "http://www.mee.gov.cn/images/top.png",
        "http://www.mee.gov.cn/ywdt/hjywnews/202401/print.css", "http://www.mee.gov.cn/images/bg.jpg",
    ]


def test_a_page_without_an_icon_link_gets_the_hosts_favicon_and_base_href_is_honoured() -> None:
    html = '<html><head><base href="http://english.mee.gov.cn/x/"></head><body><img src="a.gif"></body></html>'
    assert html_requisites(html, PAGE) == ["http://english.mee.gov.cn/x/a.gif", "http://english.mee.gov.cn/favicon.ico"]


def test_css_urls_in_every_quoting_and_imports_resolve_against_the_sheet() -> None:
    css = """@import url("reset.css"); @import 'print.css';
    /* url(commented-out.png) */
    @font-face{src:url(fonts/a.woff) format("woff")}
    .a{background:url( 'a.png' )} .b{background:URL("../b.gif")} .c{background:url(data:image/gif;base64,R0)}"""
    assert css_requisites(css, "http://www.mee.gov.cn/images/base.css") == [
        "http://www.mee.gov.cn/images/reset.css", "http://www.mee.gov.cn/images/fonts/a.woff",
        "http://www.mee.gov.cn/images/a.png", "http://www.mee.gov.cn/b.gif", "http://www.mee.gov.cn/images/print.css",
    ]


def test_the_real_chinese_sample_loads_its_four_stylesheets_five_scripts_and_distinct_template_images() -> None:
    found = html_requisites(SAMPLE.read_bytes().decode("utf-8", "replace"), PAGE)
    assert sum(url.endswith(".css") for url in found) >= 4
    assert sum(url.endswith(".js") for url in found) >= 5
    assert sum(url.rsplit(".", 1)[-1] in ("png", "jpg", "gif") for url in found) >= 15  # distinct ones


def test_stylesheets_are_known_by_type_or_else_by_name() -> None:
    assert is_stylesheet("http://h/x", "text/css; charset=utf-8")
    assert is_stylesheet("http://h/a.CSS", "")
    assert not is_stylesheet("http://h/a.css", "text/html")
    assert not is_stylesheet("http://h/a.js", "application/javascript")


def _urljoined(base: str, refs: list[str]) -> list[str]:
    """What _absolute returned before it kept what references resolve to: urljoin on each."""
    from urllib.parse import urljoin, urlsplit

    found: dict[str, None] = {}
    for ref in (ref.strip() for ref in refs):
        if not ref or ref.startswith(("data:", "#", "javascript:", "about:")):
            continue
        try:
            url = urljoin(base, ref).split("#", 1)[0]
        except ValueError:
            continue
        if urlsplit(url).scheme in ("http", "https"):
            found[url] = None
    return list(found)


_PIECES = ["", "a", "b.gif", "..", ".", "/", "//", "?", "#", ";", ":", "http:", "https://h", "[", "\t", "\x01",
           " ", "\\", "é", "x=1", "%2e"]
_BASES = ["http://h.cn/a/b/c.shtml", "http://h.cn/a/b/d.shtml?q=1#f", "http://h.cn/a/b/;p", "http://h.cn",
          "https://h.cn/a/b/", "http://h.cn/a/c;x/e.html", "ftp://h.cn/a/b", "http://[bad/x", "http://h.cn/a/b/c.shtml;p?q",
          "http://other.cn/a/b/c.shtml", "http://h.cn:8080/a/b/", "http://u:p@h.cn/a/b/", "http://H.CN/a/b/", "https:foo"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_BASES), st.lists(
    st.lists(st.sampled_from(_PIECES), max_size=5).map("".join), max_size=6)), min_size=1, max_size=6))
def test_references_resolve_as_urljoin_resolves_them_page_after_page(pages: list[tuple[str, list[str]]]) -> None:
    """References are resolved once per base folder (the pages of a folder share them): the same
    URLs as urljoin against each page's own base, whatever the reference or base holds."""
    from mee_archive.pages.requisites import _absolute

    for base, refs in pages:
        assert _absolute(base, refs) == _urljoined(base, refs), (base, refs)


def test_the_resolved_references_kept_are_bounded_in_number_and_length(monkeypatch) -> None:
    from mee_archive.pages import requisites

    monkeypatch.setattr(requisites, "_RESOLVED", {})
    monkeypatch.setattr(requisites, "_RESOLVED_MAX", 3)
    refs = [f"img/{i}.gif" for i in range(10)] + ["x" * (requisites._RESOLVED_REF_CHARS + 1)]
    for base in ("http://h.cn/a/b.shtml", "http://h.cn/c/d.shtml"):
        assert requisites._absolute(base, refs) == _urljoined(base, refs)
        assert len(requisites._RESOLVED) <= 3
    assert all(len(ref) <= requisites._RESOLVED_REF_CHARS for *_, ref in requisites._RESOLVED)


def _one_query_a_kind(html: str, url: str) -> list[str]:
    """What html_requisites returned before it walked the tree once: an XPath query per kind."""
    from lxml import etree

    from mee_archive.pages.html import parse_html
    from mee_archive.pages.requisites import _ICON_RELS, _absolute, _css_refs

    tree = parse_html(html)
    base = urljoin(url, next(iter(etree.XPath("//base/@href")(tree)), "").strip())
    refs, icons = [], False
    for link in etree.XPath("//link[@href]")(tree):
        rel = " ".join((link.get("rel") or "").lower().split())
        if rel == "stylesheet" or rel in _ICON_RELS:
            refs.append(link.get("href", ""))
            icons = icons or rel in _ICON_RELS
    for query in ("//script/@src", "//img/@src", "//input[@type='image']/@src"):
        refs += etree.XPath(query)(tree)
    for css in etree.XPath("//style/text()")(tree) + etree.XPath("//@style")(tree):
        refs += _css_refs(css)
    return _absolute(base, refs + ([] if icons else ["/favicon.ico"]))


_LOADERS = st.sampled_from([
    '<link rel="stylesheet" href="a.css">', '<link rel="Shortcut  Icon" href="/i.png">', '<link href="x.css">',
    '<link rel="stylesheet">', '<link rel="alternate" href="/feed">', '<script src="s.js"></script>',
    "<script>var u = 'url(no.png)';</script>", '<img src="p.gif">', "<img>", '<img src="">',
    '<input type="image" src="go.gif">', '<input type="IMAGE" src="up.gif">', '<input src="no.gif">',
    "<style>.a{background:url(bg.png)}</style>", '<div style="background:url(/d.jpg)">x</div>',
    '<base href="http://other.cn/b/">', '<p style="">y</p>', '<img src="p.gif" style="x:url(q.png)">',
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LOADERS, max_size=12), st.lists(_LOADERS, max_size=3))
def test_one_walk_finds_what_a_query_a_kind_found(elements: list[str], after: list[str]) -> None:
    """Markup after ``</html>`` (a script a server appends) lies beside the root: found too."""
    html = ("<html><head>" + "".join(elements[::2]) + "</head><body>" + "".join(elements[1::2])
            + "</body></html>" + "".join(after))
    assert html_requisites(html, PAGE) == _one_query_a_kind(html, PAGE)


def test_a_script_after_the_end_of_the_page_is_a_requisite() -> None:
    html = '<html><body><p>x</p></body></html><script src="/stats.js"></script>'
    assert html_requisites(html, PAGE) == ["http://www.mee.gov.cn/stats.js", "http://www.mee.gov.cn/favicon.ico"]
