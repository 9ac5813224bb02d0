"""English section list pages: the section's articles on this page, and the page count.

The English list markup is unknown, so entries are not found by selectors but by the URL
grammar: every visible link to an article of the list's own section (relative hrefs
resolved against the page), which leaves out navigation and sibling sections.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mee_archive.pages.blocks import visible
from mee_archive.pages.html import HtmlPage, as_page, xpath
from mee_archive.pages.listing import ListEntry, ListPage, link_entries
from mee_archive.pages.trs import ArticleURL, count_pages, list_folder, site_of

__all__ = ["ListEntry", "ListPage", "list_section", "parse_list"]

_LINKS = xpath("//body//a[@href]")


def list_section(url: str) -> str:
    """The section path a list page lists: its folder, e.g. "News_service/news_release"."""
    return list_folder(urlsplit(url).path).strip("/")


def parse_list(html: str | HtmlPage, url: str) -> ListPage:
    """Entries (in page order, deduplicated) and page count of an English list page."""
    section, site = list_section(url), site_of(urlsplit(url).hostname or "")

    def same_section(article: ArticleURL) -> bool:
        return article.section == section and article.site == site

    page = as_page(html)
    links = visible(_LINKS(page.tree))
    return ListPage(link_entries(links, url, same_section), count_pages(page.markup))
