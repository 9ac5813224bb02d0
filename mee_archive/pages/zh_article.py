"""Chinese article pages of www.mee.gov.cn: channel articles, xxgk2018 documents, legacy pages.

Channel template (verified on a real page): TRS meta tags, title `h2.neiright_Title`, date
`span.xqLyPc.time`, source `span.xqLyPc` ("来源：…"), body `div.TRS_Editor >
div.Custom_UnionStyle` with U+3000-indented paragraphs. xxgk2018 documents: a metadata grid
(`.content_top_box`: 名称, 索引号, 发布机关, 生成日期 …), an `h1` title, body in
`.content_body_box`, and a hidden dialog with its own `h1` after the body. Legacy /gkml/
pages are found by the same generic means (meta, body containers, printed labels).
"""

from __future__ import annotations

import re
from typing import Any

from mee_archive.pages.html import HtmlPage, as_page, css, text_of
from mee_archive.pages.article import (
    choose_title, document_id, find_body, first_date, headings, meta_datetime, page_body, page_title,
)
from mee_archive.pages.blocks import block_lines
from mee_archive.pages.media import attachments, images, without_media_labels
from mee_archive.pages.trs import meta_tags, parse_article_url
from mee_archive.text import normalize

# "label：value" pairs of a page header, several to a line ("发布日期：2016-05-05 来源：生态环境部").
_PAIR = re.compile(r"(?:^|(?<=\s))([^\s：:]{1,8})\s*[：:]\s*(.+?)(?=\s+[^\s：:]{1,8}\s*[：:]|$)")
# Labels that carry the date and the publisher, in order of preference.
DATE_LABELS = ("生成日期", "发布日期", "发文日期", "成文日期", "发布时间", "日期", "时间")
SOURCE_LABELS = ("来源", "发布机关", "信息来源", "发布单位")


def labelled_values(lines: list[str]) -> dict[str, str]:
    """Values by label from "label：value" lines; a line that is only a label (a grid cell,
    "名　　称：") takes the next line as value. The first value of a label wins."""
    values: dict[str, str] = {}
    for index, line in enumerate(lines):
        if line.endswith(("：", ":")) and index + 1 < len(lines):
            pairs = [(line[:-1], lines[index + 1])]
        else:
            pairs = [(m[1], m[2]) for m in _PAIR.finditer(line)]
        for label, value in pairs:
            values.setdefault(re.sub(r"\s", "", label), value.strip())
    return values


def _first(values: dict[str, str], labels: tuple[str, ...]) -> str | None:
    return next((values[label] for label in labels if values.get(label)), None)


_XXGK_MARKUP = css(".content_top_box, .content_body_box")
_CHANNEL_MARKUP = css(".neiright_JPZ_GK_CP, h2.neiright_Title")
_HEADER_SPANS = css("span.xqLyPc")
_GRID = css(".content_top_box")


def guess_template(page: HtmlPage, url: str) -> str:
    """"channel", "xxgk2018" or "legacy" by the markup and URL each template has, else "unknown"."""
    if page.select(_XXGK_MARKUP) or "/xxgk2018/" in url:
        return "xxgk2018"
    if page.select(_CHANNEL_MARKUP):
        return "channel"
    if "/gkml/" in url or url.lower().endswith(".htm"):
        return "legacy"
    return "unknown"


def _header_lines(page: HtmlPage) -> list[str]:
    """Lines that state date and source: the channel's `span.xqLyPc`, the xxgk2018 grid."""
    spans = [normalize(text_of(s)) for s in page.select(_HEADER_SPANS)]
    grid = [line for box in page.select(_GRID) for line in block_lines(box)]
    return spans + grid


def parse_article(html: str | HtmlPage, url: str) -> dict[str, Any]:
    """Fields of a Chinese article page: url, docid, channel, title, published, source,
    paragraphs (no indents, no share/print widgets), attachments, template."""
    page = as_page(html)
    metas = meta_tags(page.tree)
    address = parse_article_url(url)
    container = find_body(page)
    whole = page_body(page.tree)
    header = _header_lines(page)
    values = labelled_values(header + (block_lines(whole) if container is None or not header else []))
    printed = next((d for d in map(first_date, header) if d), None) or first_date(_first(values, DATE_LABELS))
    title = normalize(metas.get("ArticleTitle", "")) or choose_title(
        page_title(page.tree), headings(page, container) + [values.get("名称", "")] * ("名称" in values)
    )
    lines = block_lines(container) if container is not None else block_lines(whole, skip_chrome=True)
    files = attachments(page.tree, url)
    return {
        "url": url,
        "docid": document_id(address, metas),
        "channel": address.folder if address else None,
        "title": title,
        "published": meta_datetime(metas.get("PubDate")) or printed or (address.date.isoformat() if address else None),
        "source": normalize(metas.get("ContentSource", "")) or _first(values, SOURCE_LABELS),
        "paragraphs": without_media_labels(lines, images(container, url) if container is not None else [], files),
        "attachments": files,
        "template": guess_template(page, url),
    }
