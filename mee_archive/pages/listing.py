"""What a list page says, for both sites: its article entries and its page count.

One definition shared by the English and Chinese list page objects, and the helpers that
turn a list row into an entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mee_archive.pages.article import first_date
from mee_archive.pages.html import Element, text_of, xpath
from mee_archive.pages.trs import ArticleURL, absolute_url, parse_article_url
from mee_archive.text import normalize

# Link texts TRS cuts short ("…", "...") keep the full title in the `title` attribute.
_ELLIPSIS = ("...", "…")
# Where a link's row is: its `li` or table row, else its definition list or parent.
_ROWS = tuple(map(xpath, ("ancestor::li[1]", "ancestor::tr[1]", "ancestor::dl[1]", "..")))
_ROW_TEXT = xpath(".//text()[not(ancestor::a) and not(ancestor::dd)]")
_SUMMARY_TEXT = xpath(".//dd//p//text()")


@dataclass(frozen=True)
class ListEntry:
    """One article of a list: absolute URL, title, the date the row prints (ISO) if any."""

    url: str
    title: str
    date: str | None = None
    summary: str | None = None


@dataclass
class ListPage:
    """The entries of one list page, in page order, without repeats, and the page count."""

    entries: list[ListEntry] = field(default_factory=list)
    page_count: int | None = None


def link_title(link: Element) -> str:
    """A link's title: its text, or its `title` attribute when the text is cut short or empty."""
    text = normalize(text_of(link))
    attribute = normalize(link.get("title", ""))
    if attribute and (not text or text.endswith(_ELLIPSIS)):
        return attribute
    return text


def resolve_article(link: Element, page_url: str) -> ArticleURL | None:
    """The article a link points to (href resolved against the page), or None."""
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("javascript:", "#", "mailto:")):
        return None
    return parse_article_url(absolute_url(page_url, href))


def deduplicated(entries: list[ListEntry]) -> list[ListEntry]:
    """Entries in first-seen order, one per URL; a later row fills a missing title or date."""
    merged: dict[str, ListEntry] = {}
    for entry in entries:
        first = merged.get(entry.url)
        if first is None:
            merged[entry.url] = entry
        else:
            merged[entry.url] = ListEntry(
                entry.url, first.title or entry.title, first.date or entry.date, first.summary or entry.summary
            )
    return list(merged.values())


def _row(link: Element) -> Element:
    """The list row holding a link: its `li` or table row, else its definition list or parent."""
    for axis in _ROWS:
        found = axis(link)
        if found:
            return found[0]
    return link


def link_entries(
    links: list[Element], page_url: str, accept: Callable[[ArticleURL], bool], require_date: bool = False
) -> list[ListEntry]:
    """List entries for the links that point to accepted articles, deduplicated.

    The date is read from the row's text outside the link and the summary (a title or a
    summary may hold dates: "自2017年4月1日起施行"), the summary from the row's `dd > p` (the
    TRS channel list markup). With `require_date`, rows without a date (navigation items) are
    skipped.
    """
    entries = []
    for link in links:
        article = resolve_article(link, page_url)
        if article is None or not accept(article):
            continue
        row = _row(link)
        printed = first_date(" ".join(_ROW_TEXT(row)))
        if require_date and printed is None:
            continue
        summary = normalize(" ".join(_SUMMARY_TEXT(row))) or None
        entries.append(ListEntry(article.url, link_title(link), printed, summary))
    return deduplicated(entries)
