"""What the TRS WCM publishing system writes the same way on both MEE hosts.

Both english.mee.gov.cn and www.mee.gov.cn are static pages published by one TRS WCM install:
article URLs follow one grammar, list pages are paginated by a number written only in inline
JavaScript, and article pages carry TRS ``<meta>`` tags. Knowing these three things is what
lets spiders and page objects work on pages never seen before.
"""

from __future__ import annotations

import math
import posixpath
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urljoin, urlparse, urlsplit, urlunsplit

from mee_archive.pages.html import Element, parse_html, xpath

# English site and its former names (site-spec: "Old hosts serve the same paths").
EN_HOSTS = ("english.mee.gov.cn", "english.mep.gov.cn", "english.sepa.gov.cn")
# Chinese site and its former name.
ZH_HOSTS = ("www.mee.gov.cn", "www.mep.gov.cn", "mee.gov.cn", "mep.gov.cn")

# `/<channel path>/<YYYYMM>/t<YYYYMMDD>_<docid>.<ext>`: .shtml for channels, .html for
# /xxgk2018/ documents, .htm for pre-2018 /gkml/ pages.
_ARTICLE_PATH = re.compile(
    r"^/(?P<section>(?:[^/]+/)*?[^/]+)/(?P<yyyymm>\d{6})/t(?P<tdate>\d{8})_(?P<docid>\d+)\.(?P<ext>s?html?)$"
)

# `var countPage = 12//共多少页` (modern lists), possibly quoted.
_COUNT_PAGE = re.compile(r"""\bvar\s+countPage\s*=\s*["']?(\d+)""")
# TRS's pager call `createPageHTML(12, 0, "index", "shtml")`, the same number in another place.
_CREATE_PAGE_HTML = re.compile(r"""\bcreatePageHTML\(\s*["']?(\d+)""")
# Legacy /gkml/ lists: `var m_nRecordCount = "835";` and `var m_nPageSize = 20;`.
_RECORD_COUNT = re.compile(r"""\bm_nRecordCount\s*=\s*["']?(\d+)""")
_PAGE_SIZE = re.compile(r"""\bm_nPageSize\s*=\s*["']?(\d+)""")

# A list page's own file name: `index.shtml`, or legacy `index_835.htm` (835 is the channel).
_LIST_FILE = re.compile(r"^(?P<stem>index(?:_\d+)?)\.(?P<ext>s?html?)$")


@dataclass(frozen=True)
class ArticleURL:
    """The parts of a TRS article URL; `date` is the publication date (the `t` date)."""

    url: str
    scheme: str
    host: str
    site: str | None  # "en", "zh", or None for a host of neither MEE site
    section: str  # channel path without slashes at the ends, e.g. "News_service/news_release"
    yyyymm: str
    date: date
    docid: int
    ext: str  # "shtml", "html" or "htm"

    @property
    def folder(self) -> str:
        """The section's own folder, the last part of its path ("news_release", "hjywnews")."""
        return self.section.rsplit("/", 1)[-1]


def site_of(host: str) -> str | None:
    """'en' or 'zh' for a host of the English or Chinese MEE site (old names included)."""
    host = host.lower().split(":", 1)[0]
    if host in EN_HOSTS:
        return "en"
    if host in ZH_HOSTS:
        return "zh"
    return None


def parse_article_url(url: str) -> ArticleURL | None:
    """Split an article URL into its parts, or None when it is not a TRS article URL.

    Query and fragment are ignored; the host may be any (old names, mirrors), `site` says
    which MEE site it belongs to. A string that is not a URL is None too.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[bad"
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    match = _ARTICLE_PATH.match(parts.path)
    if not match:
        return None
    tdate = match["tdate"]
    try:
        published = date(int(tdate[:4]), int(tdate[4:6]), int(tdate[6:]))
    except ValueError:
        return None
    host = parts.hostname or ""
    return ArticleURL(
        url=urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, "", "")),
        scheme=parts.scheme.lower(),
        host=host,
        site=site_of(host),
        section=match["section"],
        yyyymm=match["yyyymm"],
        date=published,
        docid=int(match["docid"]),
        ext=match["ext"],
    )


def count_pages(html: str) -> int | None:
    """Number of pages of a TRS list, read from its inline script; None if not stated.

    TRS writes the count only in JavaScript (no "next" links), so a crawler that does not
    read it sees only page 0.
    """
    declared = _COUNT_PAGE.search(html)
    if declared:
        return int(declared[1])
    records, size = _RECORD_COUNT.search(html), _PAGE_SIZE.search(html)
    if records and size and int(size[1]) > 0:
        return max(1, math.ceil(int(records[1]) / int(size[1])))
    pager = _CREATE_PAGE_HTML.search(html)
    return int(pager[1]) if pager else None


def list_folder(path: str) -> str:
    """The folder a list page path stands for: `/a/b/`, `/a/b/index_3.shtml` and `/a/b` are `/a/b`."""
    if path.endswith("/") or "." not in posixpath.basename(path):
        return path.rstrip("/") or "/"
    return posixpath.dirname(path)


def list_page_url(first_page_url: str, page: int) -> str:
    """URL of page ``page`` of a TRS list whose page 0 is `first_page_url` (as given).

    Page n of `…/chan/` or `…/chan/index.shtml` is `…/chan/index_n.shtml`; page n of a legacy
    `…/index_835.htm` is `…/index_835_n.htm`. ValueError for a string that is not a URL.
    """
    if page == 0:
        return first_page_url
    parts = urlsplit(first_page_url)
    folder, filename = list_folder(parts.path), posixpath.basename(parts.path)
    match = _LIST_FILE.match(filename)
    stem, ext = (match["stem"], match["ext"]) if match else ("index", "shtml")
    return urlunsplit((parts.scheme, parts.netloc, posixpath.join(folder, f"{stem}_{page}.{ext}"), "", ""))


def absolute_url(page_url: str, href: str) -> str:
    """`href` resolved against the page; as written (stripped) when it cannot be resolved
    (``http://[bad``), so that whoever requests it names the refusal instead of losing the page.

    A reference with a path resolves against the page's folder alone (RFC 3986 merges it
    with the base path up to its last "/"; one without, "?q" or "//", takes the page's own
    path), and every page of a folder links the same chrome images and scripts: those are
    resolved once per folder (``urljoin`` was a sixth of an English page's extraction)."""
    href = href.strip()
    scheme_end = page_url.find("//")
    folder_end = page_url.rfind("/") + 1
    if folder_end > scheme_end + 2 and _has_path(href) and not _UNSAFE_BASE.search(page_url):
        return _resolved(page_url[:folder_end], href)
    return _resolved(page_url, href)


# References remembered resolved: a folder's pages link a few dozen chrome files, and a crawl
# meets its pages folder by folder; more would only grow a long crawl's memory.
RESOLVED_CACHED = 2048
# Characters urljoin strips out of a base before parsing it (a "/" after them may not be the path's).
_UNSAFE_BASE = re.compile(r"[\t\r\n]")


@lru_cache(maxsize=1024)
def _has_path(href: str) -> bool:
    """Whether urljoin merges ``href`` with the base's folder: it has a path or parameters
    (";" alone has neither, as urljoin parses it)."""
    try:
        parsed = urlparse(href)
    except ValueError:
        return False
    return bool(parsed.path or parsed.params)


@lru_cache(maxsize=RESOLVED_CACHED)
def _resolved(base: str, href: str) -> str:
    try:
        return urljoin(base, href)
    except ValueError:
        return href


_METAS = xpath("//meta[@name]")


def meta_tags(html: str | Element) -> dict[str, str]:
    """`<meta name=… content=…>` pairs of a page (TRS: ArticleTitle, PubDate, ContentSource…).

    Names are kept as written (TRS pages carry both `Author` and `author`); the first
    non-empty value of a name wins; values are stripped. An already parsed page may be given.
    """
    page = parse_html(html) if isinstance(html, str) else html
    tags: dict[str, str] = {}
    for meta in _METAS(page):
        name = (meta.get("name") or "").strip()
        value = (meta.get("content") or "").strip()
        if name and value and name not in tags:
            tags[name] = value
    return tags
