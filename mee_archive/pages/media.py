"""The media an article embeds: its images and attachments, with absolute URLs and captions.

Shared by the English and Chinese page objects: both sites are TRS, which stores an article's
files in its own month folder and links them from the body.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from mee_archive.pages.blocks import visible
from mee_archive.pages.html import Element, text_of, xpath
from mee_archive.pages.trs import absolute_url
from mee_archive.text import normalize

# Images as [{url, caption}], attachments as [{url, title}]: the item fields.
Media = list[dict[str, str | None]]
# Files an article links as attachments (TRS stores them as W0…/P0… in the month folder):
# an href whose path ends in a document extension.
_ATTACHMENT_HREF = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|wps|et|zip|rar|7z|txt|csv|ofd)\s*(?:[?#]|$)", re.IGNORECASE
)
_LINKS = xpath(".//a[@href]")
_IMAGES = xpath(".//img[@src]")
_FIGCAPTION = xpath("ancestor::figure[1]/figcaption")
# A heading printed before attachment links: "Attachments:", "附件：", "附件1：".
_ATTACHMENT_HEADING = re.compile(r"^(?:attachments?|附件|相关附件)\s*\d*\s*[:：]?\s*", re.IGNORECASE)


def _path(url: str) -> str:
    """The URL's path; "" for a string that is not a URL (an unresolvable href kept as written)."""
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def attachments(element: Element, page_url: str) -> Media:
    """Links to document files (PDF, Word, Excel, archives) with their link text as title."""
    found: dict[str, dict[str, str | None]] = {}
    links = [a for a in _LINKS(element) if _ATTACHMENT_HREF.search(a.get("href", ""))]
    for link in visible(links):
        url = absolute_url(page_url, link.get("href", ""))
        if url not in found:
            title = normalize(text_of(link))
            found[url] = {"url": url, "title": title or posixpath.basename(_path(url))}
    return list(found.values())


def in_folder_of(page_url: str) -> Callable[[str], bool]:
    """Whether a URL lies in the page's folder: where TRS stores an article's own files (the
    page's folder found once: a page's chrome holds many images to test)."""
    folder = posixpath.dirname(_path(page_url))
    return lambda url: posixpath.dirname(_path(url)) == folder


def images(element: Element, page_url: str, keep: Callable[[str], bool] | None = None) -> Media:
    """Images of an article body with absolute URLs and their caption (alt, title or figcaption);
    with ``keep``, only those whose URL it accepts (tested first: a page holds many images of
    its chrome, and a caption costs more than a URL)."""
    found: dict[str, dict[str, str | None]] = {}
    for image in _IMAGES(element):
        url = absolute_url(page_url, image.get("src", ""))
        if url in found or url.startswith("data:") or (keep and not keep(url)) or not visible([image]):
            continue
        caption = normalize(
            image.get("alt") or image.get("title") or " ".join(text_of(f) for f in _FIGCAPTION(image))
        )
        found[url] = {"url": url, "caption": caption or None}
    return list(found.values())


def without_media_labels(lines: list[str], pictures: Media, files: Media) -> list[str]:
    """Text lines minus what only labels media: captions printed under images, attachment
    link titles, with or without an "Attachments:"/"附件：" heading, and the bare heading.
    What they say is kept in `images` and `attachments`."""
    captions = {p["caption"] for p in pictures}
    titles = {f["title"] for f in files}

    def labels_media(line: str) -> bool:
        rest = _ATTACHMENT_HEADING.sub("", line) if files else line
        return line in captions or rest in titles or not rest

    return [line for line in lines if not labels_media(line)]
