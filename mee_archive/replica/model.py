"""Plain data of the replica's corpus: what the generator produces and the renderer serves.

The corpus generator (``corpus.py``) builds these; the renderers turn them into pages; the
server maps URLs to them; ``truth.py`` exports the ground truth. Nothing outside
``mee_archive.replica`` (spiders, pages, pipelines, linker) may import this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

EN_HOST = "english.mee.gov.cn"
ZH_HOST = "www.mee.gov.cn"
# Old host names that serve the same paths (site-spec: "Old hosts serve the same paths").
EN_ALIASES = ("english.mep.gov.cn", "english.sepa.gov.cn")
ZH_ALIASES = ("www.mep.gov.cn",)


@dataclass(frozen=True)
class Embed:
    """An image or attachment stored in the article's month folder (``W0…``/``P0…`` names)."""

    filename: str  # e.g. "P020180626512345678901.pdf"
    title: str  # caption of an image, link text of an attachment
    kind: str  # "image" or "pdf"


@dataclass(frozen=True)
class EnRelease:
    """One English article: a news release, or a sibling-section article (``section``)."""

    docid: int
    section: str  # "news_release", or a sibling: "media_news", "Photo", ...
    generation: str  # template generation: "A", "A2", "B", "C" or "D" (current)
    event_date: date
    url_date: date  # publication date: month folder and t-date in the URL
    printed_date: date  # date printed on the page (can be 1-2 days before url_date)
    title: str
    paragraphs: tuple[str, ...]  # gold body text, one string per paragraph
    images: tuple[Embed, ...] = ()
    attachments: tuple[Embed, ...] = ()
    zh_docid: int | None = None  # docid of the Chinese original; None: it has none
    # Other Chinese coverage of the same event (not the original): the linker's near misses.
    zh_related: tuple[int, ...] = ()
    zh_copies: tuple[int, ...] = ()  # the original's verbatim copies (another channel, the old host)
    # Other events under the same title or with the same people (another day, place, agenda).
    zh_decoys: tuple[int, ...] = ()

    @property
    def path(self) -> str:
        return f"/News_service/{self.section}/{self.url_date:%Y%m}/t{self.url_date:%Y%m%d}_{self.docid}.shtml"

    @property
    def url(self) -> str:
        return f"http://{EN_HOST}{self.path}"


@dataclass(frozen=True)
class ZhArticle:
    """One Chinese article: an original of an English release, or one of the many others."""

    docid: int
    channel: str  # "hjywnews", "xwfb", "zbft", "szyw", "dfnews", "gsgg", or "xxgk06" (xxgk2018 docs)
    template: str  # "channel", "xxgk2018" or "legacy" (old /gkml/ pages)
    published: datetime
    title: str
    paragraphs: tuple[str, ...]
    source: str = "生态环境部"
    encoding: str = "utf-8"  # "utf-8" or "gb2312"
    attachments: tuple[Embed, ...] = ()
    host: str = ZH_HOST  # a copy can sit on the old host (www.mep.gov.cn)
    shows_date: bool = True  # False: a repost page that prints no date (only its URL has one)

    @property
    def path(self) -> str:
        d = self.published
        if self.template == "xxgk2018":
            return f"/xxgk2018/xxgk/{self.channel}/{d:%Y%m}/t{d:%Y%m%d}_{self.docid}.html"
        if self.template == "legacy":
            return f"/gkml/hbb/{self.channel}/{d:%Y%m}/t{d:%Y%m%d}_{self.docid}.htm"
        return f"/ywdt/{self.channel}/{d:%Y%m}/t{d:%Y%m%d}_{self.docid}.shtml"

    @property
    def url(self) -> str:
        return f"http://{self.host}{self.path}"


@dataclass
class Corpus:
    """The whole replica: deterministic for (seed, size), append-stable in size."""

    seed: int
    en: list[EnRelease] = field(default_factory=list)  # news releases and sibling articles
    zh: list[ZhArticle] = field(default_factory=list)

    def releases(self) -> list[EnRelease]:
        """The news releases proper (what the news_release spider must find)."""
        return [r for r in self.en if r.section == "news_release"]
