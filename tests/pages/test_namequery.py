"""Selectors of class names and ids asked attribute-first (namequery.py) select exactly what
parsel's XPath translation selects, in the same order, on any tree."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree
from parsel.csstranslator import css2xpath

from mee_archive.pages import namequery
from mee_archive.pages.article import BODY_SELECTORS
from mee_archive.pages.html import Css, HtmlPage, parse_html

_NAMES = ["a", "b", "ab", "a-b", "TRS_Editor", "Custom_UnionStyle"]
_SPACES = [" ", "  ", "\t", "\n", "\u00a0", "\u3000"]


@st.composite
def _markup(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(["div", "p", "span", "h2"]))
    attributes = ""
    if draw(st.booleans()):
        classes = draw(st.lists(st.sampled_from(_NAMES), max_size=3))
        attributes += ' class="{}"'.format(draw(st.sampled_from(_SPACES)).join(classes))
    if draw(st.booleans()):
        attributes += f' id="{draw(st.sampled_from(_NAMES))}"'
    children = draw(st.lists(_markup(depth + 1), max_size=3)) if depth < 3 else []
    return f"<{tag}{attributes}>x{''.join(children)}</{tag}>"


_COMPOUND = st.tuples(st.sampled_from(["", "div", "p", "h2"]), st.sampled_from([".", "#"]),
                      st.lists(st.sampled_from(_NAMES), min_size=1, max_size=2))


@st.composite
def _selector(draw: st.DrawFn) -> str:
    def compound() -> str:
        tag, kind, names = draw(_COMPOUND)
        return tag + ("#" + names[0] if kind == "#" else "".join("." + n for n in names))
    return ", ".join(" ".join(compound() for _ in range(draw(st.integers(1, 2)))) for _ in range(draw(st.integers(1, 3))))


def _same(selector: str, markup: str, context_at: int) -> None:
    alternatives = namequery.parse(selector)
    if alternatives is None:
        return  # left to parsel
    elements = list(parse_html(f"<html><body>{markup}</body></html>").iter())
    context = elements[context_at % len(elements)]  # the root, or an element inside
    expected = etree.XPath(css2xpath(selector))(context)
    assert namequery.NameQuery(alternatives)(context) == expected


@given(_selector(), _markup(), st.integers(0, 12))
@example(".TRS_Editor .Custom_UnionStyle", '<div class="TRS_Editor"><p class="Custom_UnionStyle">x</p></div>', 0)
@example(".a .a", '<div class="a">x</div>', 0)  # a proper ancestor, not the element itself
@example(".a", '<div class="a\u00a0b">x</div>', 0)  # only ASCII whitespace parts class names
# The ancestor must be inside the context: here the context is p.b, below div.a.
@example(".a .b", '<div class="a"><p class="b">x<span class="b">x</span></p></div>', 3)
def test_attribute_first_selects_what_the_xpath_translation_selects(selector, markup, context_at):
    _same(selector, markup, context_at)


@given(_selector(), _markup(), st.one_of(st.just(""), _markup()))
@example(".a, .b", '<div class="a b">x<p class="b">x</p></div>', "")  # one element under two names, once
@example(".b, .a", '<div class="a">x</div><p class="b">x</p><span class="a">x</span>', "")  # document order
@example("#b, #a", '<p id="a">x</p><span id="b">x</span>', "")
@example(".a", '<div class="a a">x</div>', "")  # a name twice in one attribute
@example(".a", '<div class="a\u00a0b">x</div>', "")  # no class name "a" for CSS
@example(".a", "<p>x</p>", '<div class="a">x</div>')  # after </html>: beside the root, not under it
def test_a_page_selects_through_its_index_what_the_xpath_translation_selects(selector, markup, tail):
    """HtmlPage.select answers from the page's NameIndex, one walk for all its queries, what
    parsel's translation asked of the root selects (markup after ``</html>`` is outside it)."""
    if namequery.parse(selector) is None:
        return
    page = HtmlPage(f"<html><body>{markup}</body></html>{tail}")
    for _ in range(2):  # the index made by the first query serves the second
        assert page.select(Css(selector)) == etree.XPath(css2xpath(selector))(page.tree)


@given(_markup())
def test_the_body_selectors_select_the_same(markup):
    for selector in BODY_SELECTORS:
        root = parse_html(f"<html><body>{markup}</body></html>")
        assert selector(root) == etree.XPath(css2xpath(selector.selector))(root)


def test_other_selectors_translate_as_parsel_translates_them() -> None:
    """pages/html.py translates with cssselect itself (parsel's translator only adds ::text and
    ::attr()): every selector the page objects ask outside namequery gets parsel's XPath."""
    import importlib
    import pkgutil

    import mee_archive.pages
    from mee_archive.pages.html import _TRANSLATOR, Css

    queries = []  # the page objects' selectors: module constants, alone or in tuples
    for module in pkgutil.iter_modules(mee_archive.pages.__path__):
        for value in vars(importlib.import_module(f"mee_archive.pages.{module.name}")).values():
            queries += [q for q in (value if isinstance(value, tuple) else (value,)) if isinstance(q, Css)]
    others = [query.selector for query in queries if not namequery.parse(query.selector)]
    assert "article" in others and len(others) >= 5
    for selector in others:
        assert _TRANSLATOR.css_to_xpath(selector) == css2xpath(selector), selector
