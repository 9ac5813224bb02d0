"""Reader-visible text of an HTML element, one line per block, and the media it embeds.

Shared by the English and Chinese page objects: both need an element's paragraphs as a
reader sees them (scripts, hidden blocks and widgets left out), and the images and
attachments of an article with absolute URLs.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import parsel
from lxml import etree

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
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Files an article links as attachments (TRS stores them as W0…/P0… in the month folder):
# an href whose path ends in a document extension.
_ATTACHMENT_HREF = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|wps|et|zip|rar|7z|txt|csv|ofd)\s*(?:[?#]|$)", re.IGNORECASE
)


def is_hidden(element: etree._Element) -> bool:
    """Hidden by inline style or the `hidden` attribute (dialogs, recommendation blocks)."""
    return "hidden" in element.attrib or bool(_HIDDEN_STYLE.search(element.get("style", "")))


def _tag(element: etree._Element) -> str | None:
    return element.tag.lower() if isinstance(element.tag, str) else None


def _pieces(root: etree._Element, skip: frozenset[str]) -> Iterator[str]:
    """Text pieces of `root` in reading order, with _EDGE at block edges (no recursion:
    malformed pages nest thousands deep)."""
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = _tag(element)
        tail = (element.tail or "") if element is not root else ""
        if closing:
            yield (_EDGE if tag in BLOCK_TAGS else "") + tail
        elif tag is None or tag in skip or is_hidden(element):
            yield tail
        else:
            yield (_EDGE if tag in BLOCK_TAGS else "") + (element.text or "")
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))


def block_lines(selector: parsel.Selector, skip_chrome: bool = False) -> list[str]:
    """The element's visible text, one normalised line per block, empty lines dropped."""
    skip = SKIP_TAGS | CHROME_TAGS if skip_chrome else SKIP_TAGS
    text = "".join(_pieces(selector.root, skip))
    return [line for line in map(normalize, text.split(_EDGE)) if line]


def visible(selectors: list[parsel.Selector]) -> list[parsel.Selector]:
    """The selected elements that are neither hidden nor inside a hidden ancestor."""
    return [s for s in selectors if not any(is_hidden(e) for e in s.root.iterancestors()) and not is_hidden(s.root)]


def attachments(selector: parsel.Selector, page_url: str) -> list[dict[str, str | None]]:
    """Links to document files (PDF, Word, Excel, archives) with their link text as title."""
    found: dict[str, dict[str, str | None]] = {}
    links = [a for a in selector.xpath(".//a[@href]") if _ATTACHMENT_HREF.search(a.attrib["href"])]
    for link in visible(links):
        url = urljoin(page_url, link.attrib["href"].strip())
        if url not in found:
            title = normalize(" ".join(link.xpath(".//text()").getall()))
            found[url] = {"url": url, "title": title or posixpath.basename(urlsplit(url).path)}
    return list(found.values())


# A heading printed before attachment links: "Attachments:", "附件：", "附件1：".
_ATTACHMENT_HEADING = re.compile(r"^(?:attachments?|附件|相关附件)\s*\d*\s*[:：]?\s*", re.IGNORECASE)


def same_folder(url: str, page_url: str) -> bool:
    """True when `url` lies in the page's folder: where TRS stores an article's own files."""
    return posixpath.dirname(urlsplit(url).path) == posixpath.dirname(urlsplit(page_url).path)


def images(selector: parsel.Selector, page_url: str) -> list[dict[str, str | None]]:
    """Images of an article body with absolute URLs and their caption (alt, title or figcaption)."""
    found: dict[str, dict[str, str | None]] = {}
    for image in visible(selector.xpath(".//img[@src]")):
        url = urljoin(page_url, image.attrib["src"].strip())
        if url in found or url.startswith("data:"):
            continue
        figure = image.xpath("ancestor::figure[1]/figcaption")
        caption = normalize(image.attrib.get("alt") or image.attrib.get("title") or " ".join(figure.xpath(".//text()").getall()))
        found[url] = {"url": url, "caption": caption or None}
    return list(found.values())


def without_media_labels(lines: list[str], pictures: list[dict[str, str | None]], files: list[dict[str, str | None]]) -> list[str]:
    """Text lines minus what only labels media: captions printed under images, attachment
    link titles, with or without an "Attachments:"/"附件：" heading, and the bare heading.
    What they say is kept in `images` and `attachments`."""
    captions = {p["caption"] for p in pictures}
    titles = {f["title"] for f in files}

    def labels_media(line: str) -> bool:
        rest = _ATTACHMENT_HEADING.sub("", line) if files else line
        return line in captions or rest in titles or not rest

    return [line for line in lines if not labels_media(line)]
