"""Selectors made of class names and ids, asked of a tree by its attributes first.

The page objects look for containers by class and id (``.TRS_Editor .Custom_UnionStyle``,
``#zoom``, ``.content_top_box, .content_body_box``). The XPath parsel translates them to tests
every element of the tree (``descendant-or-self::*[@class and contains(...)]``) and joins the
alternatives of a list by a union, which libxml2 sorts: 300 µs for one such query on a 25 KB
Chinese page. Walking the ``class`` (or ``id``) attributes that contain the last compound's
first name and stepping to their elements finds a superset of the matches in document order
in a sixth of that; each is then checked exactly against the selector in Python, as CSS
defines it (class names are the attribute's tokens between ASCII whitespace; the ancestor of
a descendant combinator is a proper one).

A page object asks several such queries of one page (up to ten to find a body), and each walked
the whole tree again: on a page of the real site's weight (25 KB, 560 elements) that was 110 µs
a query, more than a quarter of the page reader's time. A :class:`NameIndex` walks a page's
``class`` and ``id`` attributes once and keeps the elements by name, so that a query asked of
the whole page (:meth:`NameQuery.among`) reads its candidates from the index instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

# One compound: an optional tag, then class names or one id ("h2.neiright_Title", "#zoom").
_COMPOUND = re.compile(r"([a-z][a-z0-9]*)?((?:\.[A-Za-z_][\w-]*)+|#[A-Za-z_][\w-]*)")
# What CSS (and css2xpath's normalize-space) splits a class attribute on.
_TOKENS = re.compile(r"[^ \t\n\r\f]+")


@dataclass(frozen=True)
class Compound:
    """A tag (or any), the class names an element must all carry, or the id it must have."""

    tag: str | None
    classes: tuple[str, ...] = ()
    id: str | None = None

    def matches(self, element: etree._Element) -> bool:
        if self.tag is not None and element.tag != self.tag:
            return False
        if self.id is not None:
            return element.get("id") == self.id
        tokens = _TOKENS.findall(element.get("class") or "")
        return all(name in tokens for name in self.classes)


def _compound(text: str) -> Compound | None:
    match = _COMPOUND.fullmatch(text)
    if not match:
        return None
    names = match.group(2)
    if names.startswith("#"):
        return Compound(match.group(1), id=names[1:])
    return Compound(match.group(1), tuple(names[1:].split(".")))


Alternative = tuple[Compound, ...]  # ancestors first, the element itself last


def parse(selector: str) -> tuple[Alternative, ...] | None:
    """The selector's alternatives, each compounds joined by descendant combinators; None
    unless every alternative is one or two compounds of names, all ending in class names or
    all in an id (anything else is left to parsel's XPath)."""
    alternatives = []
    for text in selector.split(","):
        compounds = [_compound(part) for part in text.split()]
        if not 1 <= len(compounds) <= 2 or None in compounds:
            return None
        alternatives.append(tuple(compounds))
    kinds = {alternative[-1].id is None for alternative in alternatives}
    return tuple(alternatives) if len(kinds) == 1 else None


def _literal(text: str) -> str:
    return f"'{text}'"  # names are [\w-]+: no quote to escape


class NameQuery:
    """A selector of names compiled once: asked of any element (``query(context)``), or of a
    whole page through its :class:`NameIndex` (``query.among(index)``)."""

    def __init__(self, alternatives: tuple[Alternative, ...]) -> None:
        self.alternatives = alternatives
        last = [alternative[-1] for alternative in alternatives]
        # The name a candidate must carry: its compound's id, or its first class name.
        self.keys = tuple(dict.fromkeys(c.id or c.classes[0] for c in last))
        if last[0].id is not None:
            test = " or ".join(f". = {_literal(c.id)}" for c in last if c.id)
            self._candidates = etree.XPath(f"descendant-or-self::node()/@id[{test}]/..")
        else:
            test = " or ".join(f"contains(., {_literal(c.classes[0])})" for c in last)
            self._candidates = etree.XPath(f"descendant-or-self::node()/@class[{test}]/..")

    def __call__(self, context: etree._Element) -> list[etree._Element]:
        """The elements under (and including) ``context`` that match any alternative, in
        document order."""
        return [element for element in self._candidates(context) if self._matching(element, context)]

    def among(self, index: NameIndex) -> list[etree._Element]:
        """What ``query(index.root)`` selects, from the index's candidates."""
        return [element for element in index.carrying(self.keys) if self._matching(element, index.root)]

    def _matching(self, element: etree._Element, context: etree._Element) -> bool:
        for *ancestors, itself in self.alternatives:
            if itself.matches(element) and all(any(a.matches(up) for up in _within(element, context))
                                               for a in ancestors):
                return True
        return False


# Every class and id attribute under an element (the root: not the elements libxml2 puts beside
# it for markup after ``</html>``, which a selector asked of the root does not reach either), in
# document order, as strings that know their element.
_CLASSES_AND_IDS = etree.XPath("descendant-or-self::*/@class | descendant-or-self::*/@id")


class NameIndex:
    """A tree's elements by the names their ``class`` and ``id`` attributes hold, split on any
    whitespace: for every name a selector can ask (``[\\w-]+``) a superset, in document order,
    of the elements carrying it as CSS reads them (which :class:`NameQuery` then checks)."""

    __slots__ = ("root", "names", "_elements", "_position")

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.names: dict[str, list[etree._Element]] = {}
        self._elements: list[etree._Element] = []  # each element with names once, in order
        self._position: dict[etree._Element, int] | None = None
        for value in _CLASSES_AND_IDS(root):
            element = value.getparent()
            if not self._elements or self._elements[-1] is not element:
                self._elements.append(element)
            for name in value.split():
                found = self.names.get(name)
                if found is None:
                    self.names[name] = [element]
                elif found[-1] is not element:  # a name twice in one element (class and id)
                    found.append(element)

    def carrying(self, names: tuple[str, ...]) -> list[etree._Element]:
        """The elements carrying any of ``names``, each once, in document order."""
        if len(names) == 1:
            return self.names.get(names[0], [])
        if self._position is None:
            self._position = {element: position for position, element in enumerate(self._elements)}
        found = {element: None for name in names for element in self.names.get(name, ())}
        return sorted(found, key=self._position.__getitem__)


def _within(element: etree._Element, context: etree._Element) -> Iterator[etree._Element]:
    """The element's ancestors up to the context element, which is the last (none for the
    context itself: an ancestor outside the context does not count)."""
    if element is context:
        return
    for up in element.iterancestors():
        yield up
        if up is context:
            return
