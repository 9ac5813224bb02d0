"""Reader-visible text of an HTML element, one line per block.

Shared by the English and Chinese page objects: both need an element's paragraphs as a
reader sees them (scripts, hidden blocks and widgets left out).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from mee_archive.pages.html import Element
from mee_archive.text import normalize

# Elements that start a new line for a reader.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br center dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6"
    " header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
# Elements whose text a reader never sees as content.
SKIP_TAGS = frozenset("script style noscript template iframe object embed select option button textarea svg head".split())
# Semantic page chrome that is never an article's text (used only when no container is known).
CHROME_TAGS = frozenset("nav header footer aside".split())
# Marks block edges in joined text; NUL never occurs in parsed HTML text, while "\n" does
# (source line breaks inside a paragraph are not paragraph breaks).
_EDGE = "\x00"
# Marks where the part of block_lines_and_part starts and ends; as unlikely in text as _EDGE.
_MARK = "\x01"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def is_hidden(element: Element) -> bool:
    """Hidden by inline style or the `hidden` attribute (dialogs, recommendation blocks)."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def _pieces(root: Element, skip: frozenset[str], mark: Element | None = None) -> Iterator[str]:
    """Text pieces of `root` in reading order, with _EDGE at block edges; _MARK just inside both
    ends of `mark`, if shown. lxml's iterwalk does the walk in C (no recursion either: malformed
    pages nest thousands deep); a skipped element gives only its tail, as a comment does."""
    walk = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    skipped = None  # the element whose subtree the walk skips: its end event comes next
    for event, element in walk:
        if event == "start":
            tag = element.tag.lower()
            if tag in skip or is_hidden(element):
                walk.skip_subtree()
                skipped = element
                yield (element.tail or "") if element is not root else ""
            else:
                yield (_MARK if element is mark else "") + (_EDGE if tag in BLOCK_TAGS else "") + (element.text or "")
        elif event == "end":
            if element is skipped:
                skipped = None
                continue
            edge = _EDGE if element.tag.lower() in BLOCK_TAGS else ""
            yield edge + (_MARK if element is mark else "") + ((element.tail or "") if element is not root else "")
        else:  # a comment or processing instruction: only its tail is text
            yield element.tail or ""


def _lines(text: str) -> list[str]:
    return [line for line in map(normalize, text.split(_EDGE)) if line]


def block_lines(element: Element, skip_chrome: bool = False) -> list[str]:
    """The element's visible text, one normalised line per block, empty lines dropped."""
    skip = SKIP_TAGS | CHROME_TAGS if skip_chrome else SKIP_TAGS
    return _lines("".join(_pieces(element, skip)))


def block_lines_and_part(element: Element, part: Element) -> tuple[list[str], list[str]]:
    """``block_lines`` of the element and of ``part``, an element inside it, from one walk (a
    page object needs both the whole page's lines and its body's: walking twice cost a fifth
    of the extraction time)."""
    text = "".join(_pieces(element, SKIP_TAGS, mark=part))
    pieces = text.split(_MARK)
    if len(pieces) != 3:  # the part is not shown where the walk went (inside a skipped element)
        return _lines(text.replace(_MARK, "")), block_lines(part)
    return _lines("".join(pieces)), _lines(pieces[1])


def has_text(element: Element) -> bool:
    """True when the element shows a reader any text: ``block_lines`` would not be empty, found
    without building them (stops at the first piece with text)."""
    return any(normalize(piece) for piece in _pieces(element, SKIP_TAGS))


def visible(elements: list[Element]) -> list[Element]:
    """The elements that are neither hidden nor inside a hidden ancestor."""
    return [e for e in elements if not is_hidden(e) and not any(is_hidden(a) for a in e.iterancestors())]
