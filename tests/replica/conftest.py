"""Fixtures of the rendering/server tests: hand-built corpora and what a reader sees on a page.

Built by hand so these tests do not depend on the corpus generator's choices."""

from __future__ import annotations

import http.client
import re
from datetime import date, datetime

import lxml.html
import pytest

from mee_archive.replica.model import Corpus, Embed, EnRelease, ZhArticle
from mee_archive.replica.server import ReplicaServer

BLOCKS = {"p", "div", "td", "tr", "table", "li", "ul", "h1", "h2", "h3", "br", "dt", "dd", "dl", "span"}


def visible_lines(html: str | bytes) -> list[str]:
    """The page's text as a reader sees it: one line per block, scripts and hidden parts dropped."""
    root = lxml.html.document_fromstring(html).body
    for bad in root.xpath("//script|//style|//*[contains(@style,'display: none') or contains(@style,'display:none')]"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCKS - {"span"}:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    text = root.text_content()
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]


def make_release(generation: str = "D", docid: int = 444913, section: str = "news_release", **kw) -> EnRelease:
    defaults = dict(
        event_date=date(2018, 6, 25),
        url_date=date(2018, 6, 27),
        printed_date=date(2018, 6, 26),
        title="China & ROK <centre> launched",
        paragraphs=("The centre opened on Monday in Beijing.", "Both ministers spoke of air & water."),
        images=(Embed("W020180627512345678901.jpg", "The opening ceremony", "image"),),
        attachments=(Embed("P020180627512345678902.pdf", "Work plan 2018", "pdf"),),
        zh_docid=444900,
    )
    defaults.update(kw)
    return EnRelease(docid=docid, section=section, generation=generation, **defaults)


def make_zh(docid: int = 444900, channel: str = "hjywnews", template: str = "channel", **kw) -> ZhArticle:
    defaults = dict(
        published=datetime(2018, 6, 25, 17, 30),
        title="中韩环境合作中心正式启动",
        paragraphs=("6月25日，中韩环境合作中心在北京正式启动。", "双方部长出席启动仪式并致辞。"),
    )
    defaults.update(kw)
    return ZhArticle(docid=docid, channel=channel, template=template, **defaults)


def small_corpus(n_releases: int = 45) -> Corpus:
    """A corpus by hand: every generation, sibling sections, every Chinese template."""
    gens = ["A", "A2", "B", "C", "D"]
    en = []
    for i in range(n_releases):
        d = date(2017, 3, 1).toordinal() + i * 20
        day = date.fromordinal(d)
        en.append(
            make_release(
                gens[i % 5], docid=400000 + i * 10, url_date=day, printed_date=day,
                event_date=day, title=f"Release number {i}", zh_docid=500000 + i if i % 4 else None,
                images=() if i % 3 else (Embed(f"W0{day:%Y%m%d}{i:012d}.jpg", f"Caption {i}", "image"),),
                attachments=() if i % 5 else (Embed(f"P0{day:%Y%m%d}{i:012d}.pdf", f"Attachment {i}", "pdf"),),
            )
        )
    en += [make_release("D", docid=600001, section="media_news", title="A media news item"),
           make_release("C", docid=600002, section="Photo", title="A photo news item")]
    zh = []
    channels = ["hjywnews", "xwfb", "zbft", "szyw", "dfnews", "gsgg"]
    for i in range(60):
        when = datetime(2017, 3, 1, 9) + (datetime(2017, 3, 21) - datetime(2017, 3, 1)) * (i // 2)
        if i % 10 == 7:
            zh.append(make_zh(500000 + i, "xxgk06", "xxgk2018", published=when, title=f"关于印发文件的通知{i}"))
        elif i % 10 == 9:
            zh.append(make_zh(500000 + i, "bgth", "legacy", published=when, title=f"关于旧文件的函{i}",
                              encoding="gb2312"))
        else:
            zh.append(make_zh(500000 + i, channels[i % 6], published=when, title=f"生态环境部召开部常务会议{i}"))
    return Corpus(seed=7, en=en, zh=zh)


def fetch(srv: ReplicaServer, url: str, headers: dict[str, str] | None = None,
          proxy: bool = True) -> tuple[int, http.client.HTTPMessage, bytes]:
    """(status, headers, raw body) through a fresh connection, proxy-form or origin-form: raw, so
    tests see exactly what the replica sent (no decompression, no redirects followed)."""
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
    try:
        if proxy:
            conn.request("GET", url, headers=headers or {})
        else:
            host, _, path = url.removeprefix("http://").partition("/")
            conn.request("GET", "/" + path, headers={"Host": host, **(headers or {})})
        resp = conn.getresponse()
        return resp.status, resp.headers, resp.read()
    finally:
        conn.close()


@pytest.fixture
def corpus() -> Corpus:
    return small_corpus()


@pytest.fixture(name="visible_lines")
def visible_lines_fixture():
    return visible_lines


@pytest.fixture(name="make_release")
def make_release_fixture():
    return make_release


@pytest.fixture(name="make_zh")
def make_zh_fixture():
    return make_zh


@pytest.fixture(name="fetch")
def fetch_fixture():
    return fetch
