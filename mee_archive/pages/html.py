"""Parsing a page's HTML into a selector, or saying plainly why it cannot be read.

Every page object parses through :func:`parse_html`, so a hostile page fails the same way on both
sites: libxml2 stops building the tree below 2,048 levels of nesting (its ``XML_PARSE_HUGE``
limit) and silently drops the rest of the document, so such a page is refused as a
:class:`PageError` instead of yielding an item that lacks part of its text.
"""

from __future__ import annotations

import lxml.html
import parsel
from lxml import etree

from mee_archive.text import plain


class PageError(ValueError):
    """A page the page objects cannot read in full; the message names why (one line)."""


def parse_html(html: str) -> parsel.Selector:
    """The page as a parsel selector (the parser parsel itself uses), or PageError when libxml2
    hit a resource limit (nesting depth) and left part of the page out of the tree. Control
    characters are taken out of the markup first: HTML forbids them, and lxml refuses strings
    holding them (an attribute with U+0008 broke extraction)."""
    parser = lxml.html.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
    body = plain(html).strip().encode("utf-8") or b"<html/>"
    root = etree.fromstring(body, parser=parser)
    limits = [error for error in parser.error_log if error.type_name == "ERR_RESOURCE_LIMIT"]
    if limits:
        raise PageError(f"markup too deep to read in full ({limits[0].message.split(',')[0].strip()})")
    if root is None:  # only comments or a doctype: an empty document
        root = etree.fromstring(b"<html/>", parser=parser)
    return parsel.Selector(root=root, type="html")
