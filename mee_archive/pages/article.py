"""What article pages of both MEE sites share: finding the body, the title and dates.

The same TRS CMS publishes both sites, so the body container, the title heading and the
date formats are found the same way; the English and Chinese page objects differ only in
the fields around them.
"""

from __future__ import annotations

import re
from datetime import date

from mee_archive.pages.blocks import block_lines, has_text, visible
from mee_archive.pages.html import Css, Element, HtmlPage, css, xpath
from mee_archive.pages.trs import ArticleURL
from mee_archive.text import normalize

# Body containers, most specific first: the TRS editor's own wrappers, then the ids and
# classes TRS templates and other CMSs give article bodies.
BODY_SELECTORS = tuple(map(css, (
    ".TRS_Editor .Custom_UnionStyle",
    ".content_body_box .Custom_UnionStyle",
    ".Custom_UnionStyle",
    ".TRS_Editor",
    ".content_body_box",
    "#ContentRegion",
    "#zoom",
    "[itemprop=articleBody]",
    ".article_text, .article_con, .article-content, .article_content, .art_con",
    "article",
)))
# Title elements, most specific first (a page may have several h1/h2 for logos and dialogs).
TITLE_SELECTORS = tuple(map(css, ("h1", "h2", ".art_title, .article_title, .title, [class*=title]")))
_BODY = xpath("//body")
_TITLE_TEXT = xpath("//head/title//text()")
_PRECEDING = xpath("preceding::*")
# Site names appended to `<title>` ("… -- Ministry of Ecology and Environment of …", "…_中华人民共和国生态环境部").
_SITE_SUFFIX = re.compile(
    r"\s*(?:--|—|–|-|_|\|)\s*(?:Ministry of (?:Ecology and Environment|Environmental Protection)|MEE\b|MEP\b|中华人民共和国(?:生态)?环境(?:保护)?部|(?:生态)?环境(?:保护)?部$).*$",
    re.IGNORECASE,
)
# A `<title>` that names only the site (a list-like or unknown page).
_SITE_NAME = re.compile(
    r"(?:Ministry of (?:Ecology and Environment|Environmental Protection)(?: of the People's Republic of China)?"
    r"|MEE|MEP|(?:中华人民共和国)?(?:生态)?环境(?:保护)?部)",
    re.IGNORECASE,
)
# Dates as pages print them: 2018-06-27, 2018/6/27, 2018.06.27, 2018年6月27日.
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# A TRS PubDate value: "2022-04-17 14:46:00" (seconds optional).
_DATETIME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def first_date(value: str | None) -> str | None:
    """The first valid date written in `value`, as ISO, or None."""
    for match in _DATE.finditer(value or ""):
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            continue
    return None


def meta_datetime(value: str | None) -> str | None:
    """ISO date-time (or date) of a TRS PubDate value, or None when it is not one."""
    match = _DATETIME.match((value or "").strip())
    if not match:
        return None
    day = first_date(match.group(0)[:10])
    if day is None or match[4] is None:
        return day
    return f"{day}T{int(match[4]):02d}:{match[5]}:{match[6] or '00'}"


def document_id(address: ArticleURL | None, metas: dict[str, str]) -> int | None:
    """The TRS document id: the URL's, else the `contentid` meta (a URL outside the grammar)."""
    if address is not None:
        return address.docid
    value = metas.get("contentid", "")
    return int(value) if value.strip().isdigit() else None


def page_body(page: Element) -> Element:
    """The `<body>` element, or the whole document when broken markup left none."""
    bodies = _BODY(page)
    return bodies[0] if bodies else page


def find_body(page: HtmlPage, selectors: tuple[Css, ...] = BODY_SELECTORS) -> Element | None:
    """The first visible container with text, trying the selectors in order; None if none."""
    for selector in selectors:
        for candidate in visible(page.select(selector)):
            if has_text(candidate):
                return candidate
    return None


def page_title(page: Element) -> str:
    """`<title>` without the site name appended to it; "" when it is only the site name."""
    title = _SITE_SUFFIX.sub("", normalize(" ".join(_TITLE_TEXT(page))))
    return "" if _SITE_NAME.fullmatch(title) else title


def headings(page: HtmlPage, body: Element | None) -> list[str]:
    """Texts of visible title-like elements; with a body, only those before it, nearest first
    (a hidden dialog or a "related" box after the body has headings of its own)."""
    found = []
    before = None if body is None else set(_PRECEDING(body))
    for selector in TITLE_SELECTORS:
        elements = visible(page.select(selector))
        if before is not None:
            elements = [e for e in elements if e in before][::-1]
        found += [lines[0] for e in elements if (lines := block_lines(e))]
    return found


def choose_title(head: str, candidates: list[str]) -> str:
    """The heading that `<title>` names (equal, or one a prefix of the other), else `<title>`,
    else the first heading."""
    if head and (head in candidates or not candidates):
        return head
    matching = [c for c in candidates if head and (head.startswith(c) or c.startswith(head))]
    return (matching or ([head] if head else []) or candidates or [""])[0]
