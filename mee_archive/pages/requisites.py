"""What a page needs to be shown as it was served: its requisites (HTML or CSS in, URLs out).

An archive that replays as the reader saw it must hold the stylesheets, scripts, template images,
fonts and icons a page loads, as Heritrix, ``wget -p`` and Browsertrix archive them. These
functions only read: which URLs the spider fetches is the spider's decision.

- HTML: ``<link rel=stylesheet|icon|shortcut icon|apple-touch-icon>``, ``<script src>``,
  ``<img src>`` (template images as well as body images), inline ``<style>`` and ``style=``
  attributes; ``/favicon.ico`` of the page's host when the page declares no icon (what a browser
  asks for then).
- CSS: ``url(...)`` and ``@import`` (a stylesheet is parsed again for what it pulls in).

URLs are made absolute against ``<base href>`` or the page's URL; fragments are dropped; only
http(s) URLs are returned, each once, in document order.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from mee_archive.pages.html import HtmlPage, as_page, document_elements, xpath

# url(...) in any of its quotings, and @import "x.css" without url().
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_ICON_RELS = {"icon", "shortcut icon", "apple-touch-icon"}
# The elements that load something, found in one walk of the tree (libxml2 walked it once per
# query, seven times: 120 µs on a page of the real site's weight) and taken kind by kind in this
# order, each kind in document order: stylesheets and icons, scripts, images, image inputs,
# inline stylesheets; then style attributes (any element's), read for url() and @import.
_LOADING = ("link", "script", "img", "input", "style")
_TEXT = xpath("text()")
_STYLE_ATTRIBUTES = xpath("//@style")
_BASE = xpath("//base/@href")


# What a reference without a scheme resolves to (None: no requisite) against a base's scheme, host
# and folder: every page of a section names the same template images, scripts and stylesheets,
# from a few hundred folders (2,100 pages of the replica: 25,000 references, 700 distinct; their
# requisites were read in 0.26 s, 0.16 s with this). Emptied when it holds _RESOLVED_MAX
# entries; only references up to _RESOLVED_REF_CHARS long are kept (a page's attribute can be
# megabytes, and the cache outlives the page).
_RESOLVED: dict[tuple[str, str, str, str], str | None] = {}
_RESOLVED_MAX = 8192
_RESOLVED_REF_CHARS = 1024
# A reference like these (no scheme, no host) has a non-empty path once parsed, so what it
# resolves to depends only on the base's scheme, host and folder, not on its last path segment,
# parameters, query or fragment (urllib.parse.urljoin). Tabs and line breaks, which urlsplit
# deletes, are left to urljoin as well, as a precaution.
_FOLDER_RELATIVE = re.compile(r"(?:[.\w]|/(?!/))[^:\t\r\n]*")


def _resolve(base: str, ref: str) -> str | None:
    """``ref`` against ``base``: an http(s) URL without its fragment, or None."""
    try:
        url = urljoin(base, ref).split("#", 1)[0]
    except ValueError:  # a broken reference (``http://[bad``) is no requisite
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


def _absolute(base: str, refs: list[str]) -> list[str]:
    """``refs`` resolved against ``base``: http(s) only, without fragments, each once."""
    found: dict[str, None] = {}
    try:
        scheme, host, path, _, _ = urlsplit(base)
        folder: tuple[str, str, str] | None = (scheme, host, path[:path.rfind("/") + 1])
    except ValueError:
        folder = None
    for ref in refs:
        ref = ref.strip()
        if not ref or ref.startswith(("data:", "#", "javascript:", "about:")):
            continue
        if folder is None or len(ref) > _RESOLVED_REF_CHARS or not _FOLDER_RELATIVE.fullmatch(ref):
            url = _resolve(base, ref)
        else:
            key = (*folder, ref)
            url = _RESOLVED.get(key, "")  # "": not resolved yet (a resolved URL is never empty)
            if url == "":
                if len(_RESOLVED) >= _RESOLVED_MAX:
                    _RESOLVED.clear()
                url = _RESOLVED[key] = _resolve(base, ref)
        if url is not None:
            found[url] = None
    return list(found)


def _css_refs(css: str) -> list[str]:
    css = _CSS_COMMENT.sub("", css)
    refs = [next(g for g in m.groups() if g is not None) for m in _CSS_URL.finditer(css)]
    return refs + [m[1] or m[2] for m in _CSS_IMPORT.finditer(css)]


def css_requisites(css: str, url: str) -> list[str]:
    """What a stylesheet at ``url`` loads: images, fonts and imported sheets (relative to the sheet)."""
    return _absolute(url, _css_refs(css))


def html_requisites(html: str | HtmlPage, url: str) -> list[str]:
    """What the page at ``url`` loads to be shown (see the module docstring)."""
    page = as_page(html).tree
    base = urljoin(url, next(iter(_BASE(page)), "").strip())
    kinds: dict[str, list[str]] = {tag: [] for tag in _LOADING}
    icons = False
    for element in document_elements(page, _LOADING):
        tag = element.tag
        if tag == "link":
            rel = " ".join((element.get("rel") or "").lower().split())
            href = element.get("href")
            if href is not None and (rel == "stylesheet" or rel in _ICON_RELS):
                kinds[tag].append(href)
                icons = icons or rel in _ICON_RELS
        elif tag == "style":
            kinds[tag] += _TEXT(element)
        elif (src := element.get("src")) is not None and (tag != "input" or element.get("type") == "image"):
            kinds[tag].append(src)
    refs = kinds["link"] + kinds["script"] + kinds["img"] + kinds["input"]
    for css in kinds["style"] + _STYLE_ATTRIBUTES(page):
        refs += _css_refs(css)
    if not icons:
        refs.append("/favicon.ico")
    return _absolute(base, refs)


def is_stylesheet(url: str, content_type: str) -> bool:
    """Whether a fetched requisite is CSS (to be read for more): by its type, else its name."""
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind == "text/css" or (not kind and urlsplit(url).path.lower().endswith(".css"))
