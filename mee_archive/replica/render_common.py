"""Pieces both hosts' templates share: one TRS WCM installation publishes both sites.

The CMS paginates every list the same way (``index.shtml``, ``index_1.shtml`` ... with the
page count only in inline JavaScript), so the helpers for that live here once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from typing import NamedTuple, TypeVar

T = TypeVar("T")


def esc(text: str) -> str:
    """HTML-escape text for element content and attribute values."""
    return escape(text, quote=True)


def page_count(n_items: int, per_page: int) -> int:
    """Number of list pages for ``n_items``; an empty list still has its first page."""
    return max(1, -(-n_items // per_page))


def page_slice(items: Sequence[T], page: int, per_page: int) -> Sequence[T]:
    """The items shown on list page ``page`` (0-based)."""
    return items[page * per_page : (page + 1) * per_page]


def list_page_name(page: int, stem: str = "index", ext: str = "shtml") -> str:
    """TRS list page file name: page 0 is ``index.shtml``, then ``index_1.shtml`` ..."""
    return f"{stem}.{ext}" if page == 0 else f"{stem}_{page}.{ext}"


def list_page_number(name: str, stem: str = "index", ext: str = "shtml") -> int | None:
    """Inverse of :func:`list_page_name`; None when ``name`` is not a list page name."""
    if name == f"{stem}.{ext}":
        return 0
    prefix, suffix = f"{stem}_", f".{ext}"
    if name.startswith(prefix) and name.endswith(suffix):
        digits = name[len(prefix) : -len(suffix)]
        if digits.isdigit() and not digits.startswith("0"):
            return int(digits)
    return None


def countpage_script(count: int, current: int, stem: str = "index", ext: str = "shtml") -> str:
    """The TRS pager: the page count exists only here, never as plain "next" links."""
    return (
        '<script type="text/javascript">\n'
        f"var countPage = {count}//共多少页\n"
        f"var currentPage = {current}//当前页\n"
        f'var prevPage = "{stem}";//前缀\n'
        f'var nextPage = "{ext}";//后缀\n'
        "createPageHTML(countPage, currentPage, prevPage, nextPage);\n"
        "</script>"
    )


class ListEntry(NamedTuple):
    """One line of a list page, as the site computed it (href may be relative or absolute)."""

    href: str
    title: str
    date: date
    summary: str = ""


def dated_items(entries: Sequence[ListEntry]) -> str:
    """``<li><a>title</a><span class="date">`` rows: the simple list idiom of both sites (the real
    Chinese 意见征集 list; the replica's English lists and both home pages)."""
    return "\n".join(
        f'<li><a href="{esc(e.href)}" target="_blank">{esc(e.title)}</a><span class="date">{e.date:%Y-%m-%d}</span></li>'
        for e in entries
    )


def meta_tags(pairs: Sequence[tuple[str, str | int]]) -> str:
    """``<meta name content>`` lines, the way TRS writes its article metadata into ``<head>``."""
    return "".join(f'<meta name="{name}" content="{esc(str(value))}" />\n' for name, value in pairs)
