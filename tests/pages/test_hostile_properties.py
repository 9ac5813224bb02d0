"""Property-based: random and mutated HTML, URLs and TRS scripts never break the page objects.

Whatever a page holds, parse_list / parse_release / parse_article return their fields or raise
PageError (the documented refusal), text fields come out plain, list_page_url makes any page's URL or refuses, and each
call keeps within Hypothesis's deadline and the process within a memory bound."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mee_archive.pages import en_list, en_release, zh_article, zh_list
from mee_archive.pages.html import PageError
from mee_archive.pages.trs import count_pages, list_page_url, parse_article_url

_CHILD = "MEE_PROPERTIES_CHILD"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLES = [path.read_text("utf-8", errors="replace") for path in sorted(FIXTURES.rglob("*.*htm*"))]
RELEASE = "http://english.mee.gov.cn/News_service/news_release/201806/t20180627_444588.shtml"
ARTICLE = "http://www.mee.gov.cn/ywdt/hjywnews/202204/t20220417_974894.shtml"
NOT_PLAIN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = ["<div>" * 3000, "<!--", "<script>", "]]>", "\x00", "\u202e", "\x1b[2J", "<img src='file:///dev/zero'>",
           "<a href='http://[bad/x.shtml'>", "<a href='http://english.mee.gov.cn:99999/a/201806/t20180627_1.shtml'>",
           "var countPage = 99999999999999999999", "createPageHTML(", "m_nPageSize = 0", "<meta name='ArticleTitle' content='\x01'>",
           "<title>", "</html>", "&#0;", "&#x202e;", "<p>", "<table><tr><td>", "\ufeff"]
settings.register_profile("pages", deadline=5000, max_examples=60,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("pages")


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    """A real page with random slices cut out and hostile or random fragments put in."""
    html = draw(st.sampled_from(SAMPLES))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(html)))
        piece = draw(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40)))
        cut = draw(st.integers(0, 200))
        html = html[:at] + piece * draw(st.integers(1, 3)) + html[at + cut:]
    return html


PAGES = st.one_of(st.text(max_size=300), mutated_pages())


def text_fields(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for key, v in value.items() if key not in ("url",) for t in text_fields(v)]
    if isinstance(value, list):
        return [t for v in value for t in text_fields(v)]
    return []


def check_fields(parse, html: str, url: str) -> None:
    try:
        fields = parse(html, url)
    except PageError:
        return
    for text in text_fields(fields if isinstance(fields, dict) else [e.title for e in fields.entries]):
        assert not NOT_PLAIN.search(text), text


@given(PAGES)
def test_release_and_article_pages_return_fields_or_refuse(html: str) -> None:
    check_fields(en_release.parse_release, html, RELEASE)
    check_fields(zh_article.parse_article, html, ARTICLE)


@given(PAGES)
def test_list_pages_return_entries_or_refuse(html: str) -> None:
    check_fields(en_list.parse_list, html, "http://english.mee.gov.cn/News_service/news_release/")
    check_fields(zh_list.parse_list, html, "http://www.mee.gov.cn/ywdt/hjywnews/")
    count = count_pages(html)
    assert count is None or count >= 0


@given(st.one_of(st.text(max_size=200), st.from_regex(r"\Ahttps?://[^/]{0,20}/[a-z_/]{0,30}(index(_\d+)?\.s?html?)?\Z")),
       st.integers(0, 10**18))
def test_a_list_page_url_is_made_for_any_url_and_page(url: str, page: int) -> None:
    try:
        made = list_page_url(url, page)
    except ValueError:  # a string urlsplit rejects ("http://[bad"): the documented error
        return
    assert made == url if page == 0 else re.search(rf"_{page}\.s?html?$", made)


@given(st.text(max_size=200))
def test_article_urls_parse_or_are_none(url: str) -> None:
    article = parse_article_url(url)
    assert article is None or article.url.startswith(("http://", "https://"))


# Runs this file's tests, then prints the process's peak RSS in KiB. VmHWM, not ru_maxrss: Linux
# keeps a process's peak across exec, so a child forked from a 2 GB pytest session reports 2 GB.
_PEAK_AFTER_TESTS = ("import sys, pytest; code = pytest.main(['-q', '-p', 'no:cacheprovider', sys.argv[1]]); "
                     "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM:')).split()[1]); "
                     "sys.exit(code)")


def test_all_of_it_stays_within_a_memory_bound() -> None:
    """The properties above, run in a process of their own (this one's peak is the whole
    session's), peak under 1 GiB resident."""
    if os.environ.get(_CHILD):
        pytest.skip("the child itself")
    child = subprocess.run([sys.executable, "-c", _PEAK_AFTER_TESTS, __file__], env={**os.environ, _CHILD: "1"},
                           capture_output=True, text=True)
    assert child.returncode == 0, child.stdout[-2000:]
    assert int(child.stdout.split()[-1]) < 1024 * 1024


def test_a_control_character_in_an_attribute_does_not_break_extraction() -> None:
    """Found by the properties above: lxml refused the string of an href holding U+0008."""
    fields = en_release.parse_release(f'<html><body><a href="\x08"><img src="x\x08.jpg"></a><p>{"Soil law."}</p></body></html>', RELEASE)
    assert fields["paragraphs"] == ["Soil law."] and fields["images"][0]["url"].endswith("/x.jpg")


def test_an_attribute_name_lxml_reads_as_a_namespace_does_not_break_a_list() -> None:
    """Found by the properties above: `<a href="{"{"/x">` gives an attribute named `{"/x"`, and
    parsel's attribute dictionary refused it ("Invalid tag name")."""
    html = '<html><body><ul><li><a href="{"{"/x">broken</a></li><li><a href="./201806/t20180627_5.shtml">kept</a></li></ul></body></html>'
    entries = en_list.parse_list(html, "http://english.mee.gov.cn/News_service/news_release/").entries
    assert [entry.title for entry in entries] == ["kept"]
