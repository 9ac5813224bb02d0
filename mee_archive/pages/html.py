"""Parsing a page's HTML into an lxml tree, or saying plainly why it cannot be read; the compiled
queries the page objects ask of it.

Every page object parses through :func:`parse_html`, so a hostile page fails the same way on both
sites: libxml2 stops building the tree below 2,048 levels of nesting (its ``XML_PARSE_HUGE``
limit) and silently drops the rest of the document, so such a page is refused as a
:class:`PageError` instead of yielding an item that lacks part of its text.

Page objects work on lxml elements, not parsel selectors: a page is parsed once and every field
reads the same tree through XPath compiled once at import (:func:`css`, :func:`xpath`); parsel
wrapped each result in a new selector and compiled each query again, a quarter of the
extraction time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set

from cssselect import HTMLTranslator
from lxml import etree

from mee_archive.pages import namequery
from mee_archive.text import plain

Element = etree._Element


class PageError(ValueError):
    """A page the page objects cannot read in full; the message names why (one line)."""


def parse_html(html: str) -> Element:
    """The page's root element (libxml2's HTML parser, the one parsel uses), or PageError when
    libxml2 hit a resource limit (nesting depth) and left part of the page out of the tree.
    Control characters are taken out of the markup first: HTML forbids them, and lxml refuses
    strings holding them (an attribute with U+0008 broke extraction); vertical tab and form feed
    separate words but are no XML characters, so they become spaces."""
    parser = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    # str.replace, not str.translate: translate costs 1 ms on a 50 KB page, replace microseconds.
    body = plain(html).replace("\x0b", " ").replace("\x0c", " ").strip().encode("utf-8") or b"<html/>"
    root = etree.fromstring(body, parser=parser)
    limits = [error for error in parser.error_log if error.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:
        raise PageError(f"markup too deep to read in full ({limits[0].message.split(',')[0].strip()})")
    if root is None:  # only comments or a doctype: an empty document
        root = etree.fromstring(b"<html/>", parser=parser)
    return root


class HtmlPage:
    """A page's markup and its tree, parsed on first use and kept: a spider hands one page to its
    page object and to ``html_requisites``, so the page is parsed once, not twice."""

    __slots__ = ("markup", "_tree", "_index")

    def __init__(self, markup: str) -> None:
        self.markup = markup
        self._tree: Element | None = None
        self._index: namequery.NameIndex | None = None

    def select(self, query: Css) -> list[Element]:
        """The page's elements ``query`` selects, in document order: a selector of names from the
        page's :class:`~mee_archive.pages.namequery.NameIndex` (one walk for all its queries);
        none, without asking libxml2, when the page lacks the class names or ids the query
        needs (:class:`Css`)."""
        if self._index is None:
            self._index = namequery.NameIndex(self.tree)
        if not query.may_match(self._index.names.keys()):
            return []
        if isinstance(query.query, namequery.NameQuery):
            return query.query.among(self._index)
        return query(self.tree)

    @property
    def tree(self) -> Element:
        """The root element (:func:`parse_html`; PageError for a page that cannot be read in full)."""
        if self._tree is None:
            self._tree = parse_html(self.markup)
        return self._tree


def as_page(page: str | HtmlPage) -> HtmlPage:
    """A page object's argument, markup or an :class:`HtmlPage`, as an HtmlPage."""
    return HtmlPage(page) if isinstance(page, str) else page


def document_elements(root: Element, tags: tuple[str, ...]) -> Iterator[Element]:
    """The document's elements of these tags, in document order, in one walk: markup after
    ``</html>`` (a script a server appends) is parsed into top-level elements beside the root,
    which ``root.iter()`` alone, unlike an XPath ``//``, leaves out."""
    for top in (*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()):
        yield from top.iter(*tags)


def xpath(query: str) -> etree.XPath:
    """An XPath query compiled once; string results are plain ``str`` (no smart strings)."""
    return etree.XPath(query, smart_strings=False)


# The class names and ids a compound selector names (``.x``, ``#x``); attribute tests in brackets.
_NAME = re.compile(r"[.#]([\w-]+)")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_PLAIN_SELECTOR = re.compile(r"[\w.#\s>+~-]*")
# cssselect's translator, which parsel's extends with ::text and ::attr(): the same XPath for any
# other selector, without importing parsel (w3lib, urllib.request, http.client: 40 ms of every
# page reader process's start). A selector with ::text or ::attr() fails as its module loads
# (cssselect's ExpressionError): none is taken silently for another.
_TRANSLATOR = HTMLTranslator()


class Css:
    """A CSS selector compiled once (class names and ids attribute-first, namequery.py; others
    into XPath as cssselect translates them), with what each of its
    comma-separated alternatives needs a page to hold: the class names and ids it names. libxml2
    walks the whole tree for each query (up to ten to find an English body), while a page that
    lacks every alternative's names cannot match, which one walk for all names tells
    (:meth:`HtmlPage.select`)."""

    def __init__(self, selector: str) -> None:
        self.selector = selector
        names = namequery.parse(selector)
        # Selectors of class names and ids go attribute-first (namequery.py: a sixth of the time).
        self.query = namequery.NameQuery(names) if names else xpath(_TRANSLATOR.css_to_xpath(selector))
        needs = []
        for alternative in selector.split(","):
            rest = _ATTRIBUTE.sub("", alternative)
            # Anything but names and combinators (pseudo-classes, "*"): needs nothing, always asked.
            plain_names = _PLAIN_SELECTOR.fullmatch(rest) is not None
            needs.append(frozenset(_NAME.findall(rest)) if plain_names else frozenset())
        self.needs = tuple(needs)

    def may_match(self, names: Set[str]) -> bool:
        """False when a page with these class names and ids (its
        :class:`~mee_archive.pages.namequery.NameIndex`'s) cannot hold a match."""
        return any(need <= names for need in self.needs)

    def __call__(self, element: Element) -> list[Element]:
        return self.query(element)


def css(selector: str) -> Css:
    """A CSS selector compiled once (:class:`Css`)."""
    return Css(selector)


_TEXTS = xpath(".//text()")


def text_of(element: Element) -> str:
    """All text below ``element``, pieces joined by spaces (as the fields' callers normalise it)."""
    return " ".join(_TEXTS(element))
