"""English release pages: what a release says, whatever template generation printed it.

Only the reader-visible text of the real pages is known (four generations), not their markup,
so every field is found by the most trustworthy means available: TRS `<meta>` tags first,
then structural selectors that TRS sites use for article bodies, then, for a layout never
seen, the page's whole visible text, which the boilerplate stripper then cleans. Which means
was used for the body is reported in `extraction`. `published` is the URL's t-date (the
publication date by the URL grammar), the PubDate meta only for a URL without one.
"""

from __future__ import annotations

import re
from typing import Any

from mee_archive.pages.html import Element, HtmlPage, as_page
from mee_archive import text
from mee_archive.pages.article import (
    choose_title, document_id, find_body, first_date, headings, meta_datetime, page_body, page_title,
)
from mee_archive.pages.blocks import block_lines, block_lines_and_part
from mee_archive.pages.media import Media, attachments, images, in_folder_of, without_media_labels
from mee_archive.pages.trs import meta_tags, parse_article_url

# A labelled date in the article header: "Source: … MEE2018-12-22", "Article type: Translated
# 2018-07-02 …", "Date: 2018-06-27", "Updated: …".
_LABELLED_DATE = re.compile(r"^(?:Source|Article\s*type|Date|Updated|Release\s*date|Time)\s*[:：]", re.IGNORECASE)
_CN_SWITCH = re.compile(r"^中文\s*Hot\s*Keywords", re.IGNORECASE)


def _title(page: HtmlPage, container: Element | None, metas: dict[str, str]) -> str:
    """ArticleTitle meta; else the visible heading that `<title>` names; else either of them."""
    if metas.get("ArticleTitle"):
        return text.normalize(metas["ArticleTitle"])
    return choose_title(page_title(page.tree), headings(page, container))


def _pictures(whole: Element, container: Element | None, url: str) -> Media:
    """Images of the body container, then those elsewhere on the page stored in the article's
    own folder (TRS keeps an article's embeds there; logos and menus live elsewhere)."""
    inside = images(container, url) if container is not None else []
    seen, in_folder = {p["url"] for p in inside}, in_folder_of(url)
    return inside + images(whole, url, keep=lambda found: found not in seen and in_folder(found))


def printed_date(lines: list[str]) -> str | None:
    """The date the page prints in its article header ("Source: … MEE2018-12-22"), or None."""
    return next((day for line in lines if _LABELLED_DATE.match(line) and (day := first_date(line))), None)


def guess_template(lines: list[str], metas: dict[str, str]) -> str | None:
    """The template generation the page's visible header matches (site-spec), or None.

    A: "Hot Keywords: inspection …" and a breadcrumb; A2: the strip starts "Belt and Road";
    B: "Article type: Translated …"; C: "Source: Translated by Information Center, MEE";
    D (current): C with TRS meta tags.
    """
    header = "\n".join(lines[:40])
    if re.search(r"^Source\s*:\s*Translated by Information Center", header, re.IGNORECASE | re.MULTILINE):
        return "D" if metas.get("ArticleTitle") else "C"
    if re.search(r"^Article\s*type\s*:\s*Translated", header, re.IGNORECASE | re.MULTILINE):
        return "B"
    strip = next((line for line in lines[:40] if text.HOT_KEYWORDS.match(line)), None)
    if strip is None or _CN_SWITCH.match(strip):
        return None
    return "A2" if re.search(r"Keywords\s*:\s*Belt and Road", strip, re.IGNORECASE) else "A"


def parse_release(html: str | HtmlPage, url: str) -> dict[str, Any]:
    """Fields of an English release page (see the module doc for how each is found).

    `paragraphs` may still hold boilerplate when `extraction` is "fallback" (the whole page
    text); the boilerplate pipeline removes it with `text.strip_boilerplate`.
    """
    page = as_page(html)
    whole = page_body(page.tree)
    metas = meta_tags(page.tree)
    address = parse_article_url(url)
    container = find_body(page)
    if container is None:
        page_lines = block_lines(whole)
        lines, extraction = block_lines(whole, skip_chrome=True), "fallback"
    else:
        page_lines, lines = block_lines_and_part(whole, container)
        extraction = "meta" if metas.get("ArticleTitle") else "structural"
    pictures = _pictures(whole, container, url)
    files = attachments(page.tree, url)
    # The URL's t-date is the publication date (verified, site-spec); TRS rewrites PubDate when
    # a document is re-published, so it only stands in for a URL without a date.
    published = address.date.isoformat() if address else (meta_datetime(metas.get("PubDate")) or "")[:10] or None
    printed = printed_date(page_lines)
    return {
        "url": url,
        "docid": document_id(address, metas),
        "section": address.folder if address else None,
        "title": _title(page, container, metas),
        "published": published,
        "printed_date": printed if printed != published else None,
        "paragraphs": without_media_labels(lines, pictures, files),
        "images": pictures,
        "attachments": files,
        "translation_notice": text.has_translation_notice(" ".join(page_lines), normalized=True),
        "extraction": extraction,
        "template": guess_template(page_lines, metas),
    }
