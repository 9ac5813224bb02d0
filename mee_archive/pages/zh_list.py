"""Chinese channel list pages: the articles listed on this page, and the page count.

Rows are `ul.cjcx_danduimg_list > li` on the channel lists (title `dt > a.cjcx_biaobnan` or
`a.cjcx_biaob`, date `span.cjcx_shijian`, summary `dd > p`), or the simpler
`<li><a>title</a><span class="date">` idiom, where a row without a date is navigation. Items may
link across channels (`../../…`, absolute URLs), so any Chinese-site article is accepted.
"""

from __future__ import annotations

from mee_archive.pages.html import HtmlPage, as_page, css, xpath
from mee_archive.pages.blocks import visible
from mee_archive.pages.listing import ListEntry, ListPage, link_entries
from mee_archive.pages.trs import ArticleURL, count_pages

__all__ = ["ListEntry", "ListPage", "parse_list"]

# The channel list proper; when present, links elsewhere on the page (sidebars) are ignored.
CHANNEL_LIST = css("ul.cjcx_danduimg_list > li")
_BODY = xpath("//body")
_LINKS = xpath(".//a[@href]")


def _chinese_site(article: ArticleURL) -> bool:
    return article.site != "en"


def parse_list(html: str | HtmlPage, url: str) -> ListPage:
    """Entries (in page order, deduplicated, each with its printed date) and page count."""
    page = as_page(html)
    rows = visible(page.select(CHANNEL_LIST))
    scope = rows if rows else visible(_BODY(page.tree))
    links = [link for row in scope for link in visible(_LINKS(row))]
    # Outside the channel list markup, a dated row is what tells an entry from navigation.
    entries = link_entries(links, url, _chinese_site, require_date=not rows)
    return ListPage(entries, count_pages(page.markup))
