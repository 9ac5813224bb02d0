"""English templates: each generation shows the verified reader-visible text in its own markup."""

from __future__ import annotations

from datetime import date

import parsel
import pytest

from mee_archive.replica.render_common import ListEntry
from mee_archive.replica.render_en import NOTICE, NOTICE_A, render_home, render_list, render_release

FOOTER = [
    "Registration Number: 05009132",
    "All rights reserved. The content (including but not limited to text, photo, multimedia information, "
    "etc) published in this site belongs to",
    "Without written authorization from , such content shall not be republished or used in any form.",
]


def test_generation_a_reads_like_the_verified_example(make_release, visible_lines):
    r = make_release("A")
    lines = visible_lines(render_release(r))
    assert lines[:5] == [
        "Hot Keywords: inspection air water soil pollution",
        "Home > News > News Release",
        r.title,
        r.paragraphs[0],
        "The opening ceremony",
    ]
    assert lines[5:7] == [r.paragraphs[1], NOTICE_A]
    assert lines[-4].startswith("Copyright©") and lines[-4].endswith("| Statement | Sitemap | Contact us")
    assert lines[-3:] == FOOTER


@pytest.mark.parametrize(
    "generation, head",
    [
        ("A2", ["Hot Keywords: Belt and Road inspection air water", "Home > News > News Release"]),
        ("B", ["中文 Hot Keywords:", "News Release"]),
        ("C", ["MINISTRY OF ECOLOGY AND ENVIRONMENT", "THE PEOPLE'S REPUBLIC OF CHINA", "Mobile",
               "中文 Hot Keywords: ecological civilization air water soil", "News Release"]),
        ("D", ["MINISTRY OF ECOLOGY AND ENVIRONMENT", "THE PEOPLE'S REPUBLIC OF CHINA", "Mobile",
               "中文 Hot Keywords: carbon neutrality biodiversity air water", "News Release"]),
    ],
)
def test_each_generation_shows_its_strip_then_title_then_body(generation, head, make_release, visible_lines):
    r = make_release(generation)
    lines = visible_lines(render_release(r))
    assert lines[: len(head) + 1] == head + [r.title]
    body_at = lines.index(r.paragraphs[0])
    assert lines[body_at + 2] == r.paragraphs[1]
    assert lines[-3:] == FOOTER
    assert (NOTICE_A if generation == "A2" else NOTICE) in lines


def test_dated_lines_of_b_c_d(make_release, visible_lines):
    assert "Article type: Translated 2018-06-26 Font Size:[ S M L ] [Print] [Close]" in visible_lines(
        render_release(make_release("B"))
    )
    for gen in "CD":
        lines = visible_lines(render_release(make_release(gen, printed_date=date(2018, 12, 22))))
        assert "Source: Translated by Information Center, MEE2018-12-22" in lines


def test_notice_inside_body_container_only_in_a_generations(make_release):
    for gen in ["A", "A2", "B", "C", "D"]:
        sel = parsel.Selector(render_release(make_release(gen)))
        body = sel.xpath("//*[contains(text(), 'The centre opened')]/..")
        inside = body.xpath(".//*[contains(text(), 'for your reference only')]")
        assert bool(inside) == (gen in ("A", "A2")), gen


def test_trs_meta_tags_only_in_current_generation(make_release):
    r = make_release("D")
    sel = parsel.Selector(render_release(r))
    meta = {m.attrib["name"]: m.attrib["content"] for m in sel.css("meta[name]")}
    assert meta["ArticleTitle"] == r.title
    assert meta["PubDate"].startswith("2018-06-27 ")  # the URL (publication) date, as on the Chinese site
    assert meta["contentid"] == str(r.docid)
    assert meta["Url"] == r.url
    assert meta["ColumnName"] == "News Release"
    assert {"ContentSource", "catalogs"} <= meta.keys()
    assert sel.css("div.TRS_Editor p::text").get() == r.paragraphs[0]
    for gen in ["A", "A2", "B", "C"]:
        assert not parsel.Selector(render_release(make_release(gen))).css("meta[name=ArticleTitle]")


def test_generations_differ_in_markup(make_release):
    skeletons = set()
    for gen in ["A", "A2", "B", "C", "D"]:
        sel = parsel.Selector(render_release(make_release(gen)))
        path = sel.xpath("//*[contains(text(), 'The centre opened')]").xpath("ancestor-or-self::*")
        skeletons.add(tuple(f"{e.root.tag}.{e.attrib.get('class', '')}#{e.attrib.get('id', '')}" for e in path))
    assert len(skeletons) == 5


@pytest.mark.parametrize("generation", ["A", "A2", "B", "C", "D"])
def test_embeds_are_relative_and_titles_escaped(generation, make_release):
    r = make_release(generation)
    sel = parsel.Selector(render_release(r))
    img = sel.xpath("//img[contains(@src, 'W0')]")
    assert img.attrib["src"] == f"./{r.images[0].filename}"
    assert img.attrib["alt"] == "The opening ceremony"
    pdf = sel.xpath("//a[contains(@href, '.pdf')]")
    assert pdf.attrib["href"] == f"./{r.attachments[0].filename}"
    assert pdf.xpath("string()").get() == "Work plan 2018"
    assert sel.xpath("//title/text()").get().startswith("China & ROK <centre> launched")


def test_pages_link_sibling_sections_and_chinese_home(make_release):
    for gen in ["A", "B", "D"]:
        hrefs = parsel.Selector(render_release(make_release(gen))).xpath("//a/@href").getall()
        assert any(h.endswith("News_service/media_news/") for h in hrefs)
        assert any(h.endswith("News_service/Photo/") for h in hrefs)
        assert "http://www.mee.gov.cn/" in hrefs


def test_list_page_has_entries_and_only_a_script_pager():
    entries = [ListEntry(f"./201806/t2018062{i}_{100 + i}.shtml", f"Item {i}", date(2018, 6, 20 + i)) for i in range(3)]
    html = render_list("news_release", entries, page=2, count=7)
    sel = parsel.Selector(html)
    assert [li.css("a::attr(href)").get() for li in sel.css("ul.news_list > li")] == [e.href for e in entries]
    assert sel.css("ul.news_list span.date::text").getall() == ["2018-06-20", "2018-06-21", "2018-06-22"]
    assert "var countPage = 7//共多少页" in html
    assert not sel.xpath("//a[contains(@href, 'index_')]")


def test_home_links_each_section():
    e = ListEntry("./News_service/news_release/201806/t20180627_1.shtml", "X", date(2018, 6, 27))
    hrefs = parsel.Selector(render_home([("news_release", [e]), ("Photo", [])])).xpath("//a/@href").getall()
    assert "/News_service/news_release/" in hrefs and "/News_service/Photo/" in hrefs and e.href in hrefs
