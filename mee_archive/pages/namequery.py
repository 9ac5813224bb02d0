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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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


def compile_query(alternatives: tuple[Alternative, ...]) -> Callable[[etree._Element], list[etree._Element]]:
    """The elements under (and including) a context element that match any alternative, in
    document order."""
    last = [alternative[-1] for alternative in alternatives]
    if last[0].id is not None:
        test = " or ".join(f". = {_literal(c.id)}" for c in last if c.id)
        candidates = etree.XPath(f"descendant-or-self::node()/@id[{test}]/..")
    else:
        test = " or ".join(f"contains(., {_literal(c.classes[0])})" for c in last)
        candidates = etree.XPath(f"descendant-or-self::node()/@class[{test}]/..")

    def matching(element: etree._Element, context: etree._Element) -> bool:
        for *ancestors, itself in alternatives:
            if itself.matches(element) and all(any(a.matches(up) for up in _within(element, context))
                                               for a in ancestors):
                return True
        return False

    return lambda context: [element for element in candidates(context) if matching(element, context)]


def _within(element: etree._Element, context: etree._Element) -> Iterator[etree._Element]:
    """The element's ancestors up to the context element, which is the last (none for the
    context itself: an ancestor outside the context does not count)."""
    if element is context:
        return
    for up in element.iterancestors():
        yield up
        if up is context:
            return
