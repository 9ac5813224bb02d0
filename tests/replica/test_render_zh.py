"""Chinese templates: the sample's markup for channel articles, xxgk2018 and legacy pages, lists."""

from __future__ import annotations

from datetime import date

import parsel

from mee_archive.replica.embeds import content_type, embed_bytes, pdf_bytes
from mee_archive.replica.model import Embed
from mee_archive.replica.render_common import ListEntry
from mee_archive.replica.render_zh import LEAVE_DIALOG, render_zh_article
from mee_archive.replica.render_zh_lists import render_channel_list, render_legacy_list, render_sitemap


def test_channel_article_has_the_samples_structure(make_zh, visible_lines):
    a = make_zh(attachments=(Embed("P020180625512345678901.pdf", "附件一", "pdf"),))
    html = render_zh_article(a)
    sel = parsel.Selector(html)
    meta = {m.attrib["name"]: m.attrib["content"] for m in sel.css("meta[name]")}
    assert meta["ArticleTitle"] == a.title
    assert meta["PubDate"] == "2018-06-25 17:30:00"
    assert meta["ContentSource"] == "生态环境部"
    assert meta["Url"] == a.url and meta["contentid"] == str(a.docid)
    assert meta["ColumnName"] == "环境要闻" and meta["catalogs"].isdigit()
    assert sel.css("div.crumbsNav a::text").getall() == ["首页", "要闻动态", "环境要闻"]
    assert sel.css("h2.neiright_Title::text").get() == a.title
    assert sel.css("span.xqLyPc.time::text").get() == "2018-06-25"
    assert "来源：生态环境部" in sel.css("span.xqLyPc::text").getall()
    paras = sel.css("div.neiright_JPZ_GK_CP > div.TRS_Editor > div.Custom_UnionStyle > *::text").getall()
    assert paras == ["\u3000\u3000" + p for p in a.paragraphs]
    assert sel.css("div.neiright_JPZ_GK_CP a::attr(href)").get() == "./P020180625512345678901.pdf"
    assert "http://english.mee.gov.cn/" in sel.xpath("//a/@href").getall()
    lines = visible_lines(html)
    assert "版权所有：中华人民共和国生态环境部|ICP备案编号: 京ICP备05009132号" in lines
    assert "相关阅读推荐" not in lines  # hidden recommendation blocks


def test_paragraph_tags_vary_between_documents(make_zh):
    tags = {parsel.Selector(render_zh_article(make_zh(docid=d))).css("div.Custom_UnionStyle > *").xpath("name()").get()
            for d in (10, 11)}
    assert tags == {"div", "p"}


def test_xxgk_document_title_is_neither_first_nor_last_h1(make_zh):
    a = make_zh(channel="xxgk06", template="xxgk2018", title="关于发布标准的公告")
    sel = parsel.Selector(render_zh_article(a))
    h1s = [h.xpath("string()").get().strip() for h in sel.css("h1")]
    assert h1s[-1] == LEAVE_DIALOG and h1s[0] != a.title and a.title in h1s[1:-1]
    grid = " ".join(sel.css(".content_top_box ::text").getall())
    for label in ["名", "索 引 号", "分", "发布机关", "生成日期", "文", "主 题 词"]:
        assert label in grid
    assert sel.css(".content_body_box > .Custom_UnionStyle > *::text").get().endswith(a.paragraphs[0])
    assert a.url.endswith(".html") and "/xxgk2018/xxgk/xxgk06/" in a.url


def test_legacy_page_declares_charset_or_not(make_zh):
    a = make_zh(channel="bgth", template="legacy", encoding="gb2312")
    with_meta = render_zh_article(a, declare_charset=True)
    assert 'charset=gb2312' in with_meta
    assert "charset" not in render_zh_article(a, declare_charset=False)
    assert a.title in with_meta and "发布日期：2018-06-25" in with_meta
    with_meta.encode("gb2312")  # every character of the template itself exists in GB2312


def test_channel_list_markup_and_pager():
    entries = [ListEntry(f"./201806/t2018062{i}_{9 + i}.shtml", f"标题{i}", date(2018, 6, 20 + i), f"摘要{i}")
               for i in range(4)]
    html = render_channel_list("hjywnews", entries, page=0, count=3)
    sel = parsel.Selector(html)
    items = sel.css("ul.cjcx_danduimg_list > li")
    assert len(items) == 4
    assert [li.css("dl > dt > a::attr(href)").get() for li in items] == [e.href for e in entries]
    assert [li.css("span.cjcx_shijian::text").get() for li in items] == [f"2018-06-2{i}" for i in range(4)]
    assert [li.css("dl > dd > p::text").get() for li in items] == [f"摘要{i}" for i in range(4)]
    assert set(items.css("dt > a").xpath("@class").getall()) == {"cjcx_biaob", "cjcx_biaobnan"}
    assert "var countPage = 3//共多少页" in html


def test_legacy_list_counts_records():
    e = ListEntry("./201605/t20160506_1.htm", "旧文件", date(2016, 5, 6))
    html = render_legacy_list("bgth", [e], page=1, total=41, list_id=835, declare_charset=False)
    assert 'var m_nRecordCount = "41";' in html and "var m_nPageSize = 20;" in html
    assert parsel.Selector(html).css("a::attr(href)").get() == e.href


def test_sitemap_links_channels_legacy_and_english():
    hrefs = parsel.Selector(render_sitemap(["hjywnews", "xwfb"], [("bgth", "/gkml/hbb/bgth/index_835.htm")])).xpath(
        "//a/@href").getall()
    assert {"/ywdt/hjywnews/", "/ywdt/xwfb/", "/gkml/hbb/bgth/index_835.htm", "http://english.mee.gov.cn/"} <= set(hrefs)


def test_embeds_are_valid_files():
    jpg = embed_bytes(Embed("W020180627000000000001.jpg", "x", "image"))
    assert jpg.startswith(b"\xff\xd8\xff") and jpg.endswith(b"\xff\xd9") and b"W020180627000000000001.jpg" in jpg
    png = embed_bytes(Embed("W020180627000000000002.png", "x", "image"))
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png.endswith(b"IEND\xaeB`\x82")
    pdf = embed_bytes(Embed("P020180627000000000003.pdf", "Plan (draft)", "pdf"))
    assert pdf.startswith(b"%PDF-1.4") and b"(Plan \\(draft\\)) Tj" in pdf
    xref_at = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[xref_at:].startswith(b"xref")
    assert "附件".encode("utf-16-be").hex().upper() in pdf_bytes("附件", "P0.pdf").decode("latin-1")
    assert content_type("a.JPG") == "image/jpeg" and content_type("a.pdf") == "application/pdf"


def test_home_shows_each_channels_newest_entries():
    from mee_archive.replica.render_zh_lists import render_zh_home

    e = ListEntry("./ywdt/hjywnews/202204/t20220417_1.shtml", "要闻一则", date(2022, 4, 17))
    sel = parsel.Selector(render_zh_home([("hjywnews", [e]), ("xwfb", [])]))
    hrefs = sel.xpath("//a/@href").getall()
    assert {"/ywdt/hjywnews/", "/ywdt/xwfb/", e.href, "http://english.mee.gov.cn/"} <= set(hrefs)
    assert sel.css("span.date::text").get() == "2022-04-17"
