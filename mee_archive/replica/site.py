"""URL -> response of both replica hosts: which page a path is, rendered lazily and cached.

Indexes over the corpus are plain dicts built once (fast even for 20,000 releases and many
more Chinese articles); pages are rendered only when asked for, through a bounded LRU cache,
so a large replica starts in seconds. Transport (gzip, chunking, validators) and faults are
the server's business; a :class:`Resource` is what the origin would have on disk.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from operator import attrgetter
from typing import TypeVar

from mee_archive.replica import embeds, render_en, render_zh, render_zh_lists, requisites
from mee_archive.replica.model import EN_ALIASES, EN_HOST, ZH_ALIASES, ZH_HOST, Corpus, Embed, EnRelease, ZhArticle
from mee_archive.replica.render_common import ListEntry, list_page_number, page_count, page_slice

HTML_UTF8 = "text/html; charset=utf-8"
EPOCH = datetime(2017, 1, 1, tzinfo=timezone.utc)  # Last-Modified of the static files
ROBOTS = {
    "en": "User-agent: *\nDisallow: /search/\nDisallow: /was5/\nAllow: /\n",
    "zh": "User-agent: *\nDisallow: /searchnew/\nDisallow: /api/\nDisallow: /wcm-like/\nAllow: /\n",
}
XXGK_LISTED_IN = "xwfb"  # news channel whose list also links the xxgk2018 documents
LEGACY_LISTED_IN = "hjywnews"  # news channel whose list also links old /gkml/ articles
CROSS_LISTED = ("zbft", "hjywnews")  # every 4th interview also shows in 环境要闻, via ../../
HOME_ENTRIES = 6  # newest entries per section/channel on a home page

Article = TypeVar("Article", EnRelease, ZhArticle)
# Called for every list page: (absolute URL of the page, its entries) -> entries to show.
EntriesHook = Callable[[str, list[ListEntry]], list[ListEntry]]

_EN_LIST = re.compile(r"^/News_service/(?P<section>\w+)/(?P<page>index(?:_\d+)?\.shtml)?$")
_ZH_LIST = re.compile(r"^/ywdt/(?P<channel>\w+)/(?P<page>index(?:_\d+)?\.shtml)?$")
_ARTICLE = re.compile(r"/t\d{8}_(?P<docid>\d+)\.s?html?$")
_LEGACY_LIST = re.compile(r"^/gkml/hbb/(?P<channel>\w+)/(?P<page>index_\d+(?:_\d+)?\.htm)$")


@dataclass(frozen=True)
class Resource:
    """What the origin serves for a path: body bytes with their type, or a redirect."""

    body: bytes
    content_type: str
    last_modified: datetime
    status: int = 200
    location: str | None = None  # path to redirect to (the server adds scheme and host)

    @property
    def is_text(self) -> bool:
        return self.content_type.startswith("text/")


def host_kind(host: str) -> str | None:
    """"en" or "zh" for the replica's host names (old names included), else None."""
    host = host.lower().split(":", 1)[0]
    if host == EN_HOST or host in EN_ALIASES:
        return "en"
    if host == ZH_HOST or host in ZH_ALIASES:
        return "zh"
    return None


def stable_hash(text: str) -> int:
    """A hash that is the same in every process (``hash()`` is salted per process)."""
    return zlib.crc32(text.encode("utf-8"))


def _at(day: date, docid: int) -> datetime:
    """A stable time of day for a dated resource: office hours, varied by docid."""
    return datetime.combine(day, time(8 + docid % 10, docid % 60), tzinfo=timezone.utc)


def _modified(item: EnRelease | ZhArticle) -> datetime:
    """Last-Modified of an article page and its files: when TRS published it."""
    if isinstance(item, EnRelease):
        return _at(item.url_date, item.docid)
    return item.published.replace(tzinfo=timezone.utc) + timedelta(minutes=5)


def _newest(items: Iterable[EnRelease | ZhArticle]) -> datetime:
    """Last-Modified of a list: its newest article's, or the epoch for an empty list."""
    return max(map(_modified, items), default=EPOCH)


def _summary(a: ZhArticle, limit: int = 60) -> str:
    first = a.paragraphs[0] if a.paragraphs else ""
    return first if len(first) <= limit else first[:limit] + "……"


def _relative(path: str, folder: str) -> str | None:
    """``./rest`` when ``path`` lies under ``folder`` (how TRS links within a channel)."""
    return "./" + path[len(folder):] if path.startswith(folder) else None


def _folder(path: str) -> str:
    return path.rsplit("/", 1)[0] + "/"


class Site:
    """Both hosts of the replica over one corpus: ``resolve(kind, path)`` gives a Resource."""

    def __init__(self, corpus: Corpus, entries_hook: EntriesHook | None = None, cache_size: int = 4096) -> None:
        self.corpus = corpus
        self._hook = entries_hook
        # Articles by docid, not by path: formatting 200,000 dated paths would slow the start.
        self.en_docs: dict[int, EnRelease] = {r.docid: r for r in corpus.en}
        self.zh_docs: dict[int, ZhArticle] = {a.docid: a for a in corpus.zh}
        self.en_sections: dict[str, list[EnRelease]] = defaultdict(list)
        for r in sorted(corpus.en, key=attrgetter("url_date", "docid"), reverse=True):
            self.en_sections[r.section].append(r)
        self.en_sections.setdefault("news_release", [])
        self.zh_channels: dict[str, list[ZhArticle]] = defaultdict(list)
        self.legacy: dict[str, list[ZhArticle]] = defaultdict(list)
        self._index_zh(corpus.zh)
        self.files: dict[tuple[str, str], list[tuple[EnRelease | ZhArticle, Embed]]] = defaultdict(list)
        for item in corpus.en:
            for e in item.images + item.attachments:
                self.files[("en", e.filename)].append((item, e))
        for item in corpus.zh:
            for e in item.attachments:
                self.files[("zh", e.filename)].append((item, e))
        self.resolve = lru_cache(maxsize=cache_size)(self._resolve)

    def _index_zh(self, articles: list[ZhArticle]) -> None:
        for a in sorted(articles, key=attrgetter("published", "docid"), reverse=True):
            if a.template == "legacy":
                self.legacy[a.channel].append(a)
                self.zh_channels[LEGACY_LISTED_IN].append(a)
            elif a.template == "xxgk2018":
                self.zh_channels[XXGK_LISTED_IN].append(a)
            else:
                self.zh_channels[a.channel].append(a)
                if a.channel == CROSS_LISTED[0] and a.docid % 4 == 0:
                    self.zh_channels[CROSS_LISTED[1]].append(a)

    def article(self, kind: str, path: str) -> EnRelease | ZhArticle | None:
        """The article whose page is at ``path``, if any."""
        m = _ARTICLE.search(path)
        item = (self.en_docs if kind == "en" else self.zh_docs).get(int(m["docid"])) if m else None
        return item if item is not None and item.path == path else None

    def is_article(self, kind: str, path: str) -> bool:
        """Whether ``path`` is an article page (what list pages link to)."""
        return self.article(kind, path) is not None

    def _file(self, kind: str, path: str) -> Resource | None:
        folder, _, name = path.rpartition("/")
        for item, embed in self.files.get((kind, name), ()):
            if _folder(item.path) == folder + "/":
                return Resource(embeds.embed_bytes(embed), embeds.content_type(embed.filename), _modified(item))
        return None

    # --- routing -------------------------------------------------------------------------

    def _resolve(self, kind: str, path: str) -> Resource | None:
        """The resource at ``path`` on the ``kind`` ("en"/"zh") host; None means 404."""
        if path == "/robots.txt":
            return Resource(ROBOTS[kind].encode(), "text/plain; charset=utf-8", EPOCH)
        requisite = requisites.catalogue(kind).get(path)
        if requisite is not None:
            return Resource(requisites.body(kind, path), requisite, EPOCH)
        found = self._file(kind, path) or (self._en(path) if kind == "en" else self._zh(path))
        folder_without_slash = not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]
        if found is None and folder_without_slash and self._resolve(kind, path + "/") is not None:
            return Resource(b"", HTML_UTF8, EPOCH, status=301, location=path + "/")
        return found

    def _en(self, path: str) -> Resource | None:
        r = self.article("en", path)
        if isinstance(r, EnRelease):
            return _html(render_en.render_release(r), _modified(r))
        if path in ("/", "/index.shtml"):
            return _home(self._en_sections(), lambda section, r: self._en_entry(r, "/"), render_en.render_home)
        m = _EN_LIST.match(path)
        if m and m["section"] in self.en_sections:
            return self._list_page(
                "en", path, m["page"], self.en_sections[m["section"]], render_en.EN_PER_PAGE,
                render_en.list_entry,
                lambda entries, page, count: render_en.render_list(m["section"], entries, page, count),
            )
        return None

    def _en_entry(self, r: EnRelease, list_folder: str) -> ListEntry:
        """An entry linked from a page outside the section's own folder (the home page)."""
        return ListEntry(_relative(r.path, list_folder) or r.path, r.title, r.url_date)

    def _en_sections(self) -> list[tuple[str, list[EnRelease]]]:
        """Sections in menu order: the news releases first."""
        return sorted(self.en_sections.items(), key=lambda kv: (kv[0] != "news_release", kv[0]))

    def _zh(self, path: str) -> Resource | None:
        a = self.article("zh", path)
        if isinstance(a, ZhArticle):
            return self._zh_article(a)
        if path in ("/", "/index.shtml"):
            return _home(self._news_channels(), lambda channel, a: self._zh_entry(a, f"/ywdt/{channel}/"),
                         render_zh_lists.render_zh_home)
        if path in ("/home/wzdt/", "/home/wzdt/index.shtml"):
            legacy = [(c, self.legacy_list_path(c)) for c in sorted(self.legacy)]
            html = render_zh_lists.render_sitemap([c for c, _ in self._news_channels()], legacy)
            return _html(html, EPOCH)
        m = _ZH_LIST.match(path)
        if m and m["channel"] in self.zh_channels:
            folder = f"/ywdt/{m['channel']}/"
            return self._list_page(
                "zh", path, m["page"], self.zh_channels[m["channel"]], render_zh_lists.ZH_PER_PAGE,
                lambda a: self._zh_entry(a, folder),
                lambda entries, page, count: render_zh_lists.render_channel_list(m["channel"], entries, page, count),
            )
        m = _LEGACY_LIST.match(path)
        if m and m["channel"] in self.legacy:
            return self._legacy_list(path, m["channel"], m["page"])
        return None

    def _news_channels(self) -> list[tuple[str, list[ZhArticle]]]:
        return sorted(self.zh_channels.items())

    def legacy_list_path(self, channel: str) -> str:
        """First page of a legacy channel's list, e.g. ``/gkml/hbb/bgth/index_835.htm``."""
        return f"/gkml/hbb/{channel}/index_{render_zh_lists.legacy_list_id(channel, list(self.legacy))}.htm"

    def _zh_entry(self, a: ZhArticle, list_folder: str) -> ListEntry:
        """Own-channel items link ``./YYYYMM/...``; others ``../../...`` or absolute, as the site does."""
        if a.host != ZH_HOST:  # a copy on the old host is linked absolutely
            return ListEntry(a.url, a.title, a.published.date(), _summary(a))
        href = _relative(a.path, list_folder) or (a.url if a.template != "channel" else "../.." + a.path)
        return ListEntry(href, a.title, a.published.date(), _summary(a))

    def _zh_article(self, a: ZhArticle) -> Resource:
        declared = a.docid % 3 != 0
        html = render_zh.render_zh_article(a, declare_charset=declared)
        if a.encoding == "utf-8":
            return _html(html, _modified(a))
        ctype = f"text/html; charset={a.encoding}" if declared else "text/html"
        return Resource(html.encode(a.encoding, "xmlcharrefreplace"), ctype, _modified(a))

    # --- lists -----------------------------------------------------------------------------

    def _list_page(
        self,
        kind: str,
        path: str,
        name: str | None,
        items: list[Article],
        per_page: int,
        entry: Callable[[Article], ListEntry],
        render: Callable[[list[ListEntry], int, int], str],
    ) -> Resource | None:
        """Page ``name`` (``index.shtml``, ``index_N.shtml``; None = the folder) of a list."""
        page = list_page_number(name or "index.shtml")
        count = page_count(len(items), per_page)
        if page is None or page >= count:
            return None
        entries = [entry(i) for i in page_slice(items, page, per_page)]
        if self._hook:
            host = EN_HOST if kind == "en" else ZH_HOST
            entries = self._hook(f"http://{host}{path}", entries)
        return _html(render(entries, page, count), _newest(items[:1]))

    def _legacy_list(self, path: str, channel: str, name: str) -> Resource | None:
        stem = self.legacy_list_path(channel).rsplit("/", 1)[-1][: -len(".htm")]
        page = list_page_number(name, stem, "htm")
        items = self.legacy[channel]
        if page is None or page >= page_count(len(items), render_zh_lists.LEGACY_PER_PAGE):
            return None
        entries = [self._zh_entry(a, _folder(path)) for a in page_slice(items, page, render_zh_lists.LEGACY_PER_PAGE)]
        list_id = int(stem.split("_")[1])
        declared = page % 2 == 0
        html = render_zh_lists.render_legacy_list(channel, entries, page, len(items), list_id, declared)
        ctype = "text/html; charset=gb2312" if declared else "text/html"
        return Resource(html.encode("gb2312", "xmlcharrefreplace"), ctype, _newest(items[:1]))


def _home(
    lists: list[tuple[str, list[Article]]],
    entry: Callable[[str, Article], ListEntry],
    render: Callable[[list[tuple[str, list[ListEntry]]]], str],
) -> Resource:
    """A home page: the newest entries of each list, modified when any list's newest article is."""
    latest = [(name, [entry(name, item) for item in items[:HOME_ENTRIES]]) for name, items in lists]
    return _html(render(latest), _newest(items[0] for _, items in lists if items))


def _html(html: str, last_modified: datetime) -> Resource:
    return Resource(html.encode("utf-8"), HTML_UTF8, last_modified)
