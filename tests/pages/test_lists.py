"""List pages of both sites: entries of this list only, absolute, deduplicated, and the page count."""

import json
from pathlib import Path

from mee_archive.pages import en_list, zh_list
from mee_archive.pages.decode import decode_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLD = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))


def test_en_list_rendered_by_the_replica():
    gold = GOLD["en_list"]
    html = (FIXTURES / gold["file"]).read_text(encoding="utf-8")
    page = en_list.parse_list(html, gold["url"])
    assert [(e.url, e.title, e.date) for e in page.entries] == [
        (e["url"], e["title"], e["date"]) for e in gold["entries"]
    ]
    assert page.page_count == gold["page_count"]
    assert en_list.parse_list(html, gold["url"] + "index.shtml") == page


def test_en_list_keeps_only_this_sections_articles():
    html = """<html><body>
<ul class="nav"><li><a href="/News_service/media_news/">Media News</a></li>
<li><a href="../media_news/201806/t20180620_444000.shtml">Sibling section article</a></li>
<li><a href="http://www.mee.gov.cn/ywdt/hjywnews/201806/t20180620_444001.shtml">Chinese article</a></li></ul>
<table><tr><td><a href="./201806/t20180627_444588.shtml" title="China-ROK Environmental Cooperation Center officially launched">China-ROK Environmental Cooperation...</a></td><td>[2018-06-27]</td></tr>
<tr><td><a href="http://english.mep.gov.cn/News_service/news_release/201806/t20180622_444300.shtml">Old host link, 2018-2020 plan</a></td><td></td></tr>
<tr><td><a href="201806/t20180627_444588.shtml#top">duplicate</a></td></tr>
<tr><td><a href="javascript:void(0)">Print</a> <a href="index_1.shtml">Next</a></td></tr></table>
<div style="display:none"><a href="./201801/t20180101_400000.shtml">hidden</a></div>
<script>var countPage = 3//共多少页</script></body></html>"""
    page = en_list.parse_list(html, "https://english.mee.gov.cn/News_service/news_release/index_1.shtml")
    assert [(e.url, e.title, e.date) for e in page.entries] == [
        ("https://english.mee.gov.cn/News_service/news_release/201806/t20180627_444588.shtml",
         "China-ROK Environmental Cooperation Center officially launched", "2018-06-27"),
        ("http://english.mep.gov.cn/News_service/news_release/201806/t20180622_444300.shtml",
         "Old host link, 2018-2020 plan", None),
    ]
    assert page.page_count == 3


def test_zh_real_simple_list(zh_list_sample):
    # The trimmed snapshot was saved at the source root as list.html, so its hrefs start there.
    page = zh_list.parse_list(zh_list_sample, "https://www.mee.gov.cn/list.html")
    assert [(e.url, e.date) for e in page.entries] == [
        ("https://www.mee.gov.cn/hdjl/yjzj/zjyj/202609/t20260914_1166201.shtml", "2026-09-14"),
        ("https://www.mee.gov.cn/xxgk2018/xxgk/xxgk06/202609/t20260911_1165826.html", "2026-09-11"),
        ("https://www.mee.gov.cn/xxgk2018/xxgk/xxgk06/202609/t20260907_1165270.html", "2026-09-07"),
    ]
    assert page.entries[1].title == "关于公开征求《沿海省（区、市）近岸海域重要物种名录》意见的函"
    assert page.page_count is None


def test_zh_channel_list_rendered_by_the_replica():
    gold = GOLD["zh_lists"][0]
    page = zh_list.parse_list((FIXTURES / gold["file"]).read_text(encoding="utf-8"), gold["url"])
    assert [(e.url, e.title, e.date, e.summary) for e in page.entries] == [
        ("http://www.mee.gov.cn/ywdt/hjywnews/202204/t20220412_974422.shtml", "生态环境部召开部常务会议", "2022-04-12",
         "4月12日，黄润秋主持召开部常务会议。"),
        ("http://www.mee.gov.cn/xxgk2018/xxgk/xxgk06/202204/t20220411_974303.html", "关于加强排污许可执法监管的指导意见",
         "2022-04-11", "近日，生态环境部印发了《指导意见》。"),
        ("http://www.mee.gov.cn/ywdt/xwfb/202204/t20220411_974313.shtml", "生态环境部公布第二批生态环境执法典型案例",
         "2022-04-11", None),
    ]
    assert page.page_count == gold["page_count"]


def test_zh_legacy_gb2312_list_without_charset():
    gold = GOLD["zh_lists"][1]
    html = decode_html((FIXTURES / gold["file"]).read_bytes(), "text/html")
    page = zh_list.parse_list(html, gold["url"])
    assert page.page_count == gold["page_count"] == 42
    assert [e.url for e in page.entries] == [
        "http://www.mep.gov.cn/gkml/hbb/bwj/202204/t20220412_974422.shtml",
        "http://www.mep.gov.cn/gkml/xxgk2018/xxgk/xxgk06/202204/t20220411_974303.html",  # ../../ from bwj/
        "http://www.mee.gov.cn/ywdt/xwfb/202204/t20220411_974313.shtml",
    ]
    assert page.entries[0].title == "生态环境部召开部常务会议" and page.entries[0].date == "2022-04-12"


def test_zh_channel_row_without_a_date_is_still_an_entry():
    html = """<ul class="cjcx_danduimg_list"><li><dl><dt><a class="cjcx_biaobnan" href="./202204/t20220412_974422.shtml">
    生态环境部召开部常务会议</a></dt><dd><p>摘要</p></dd></dl></li></ul>
    <ul class="sub"><li><a href="./202204/t20220413_974500.shtml">侧栏无日期</a></li></ul>"""
    page = zh_list.parse_list(html, "http://www.mee.gov.cn/ywdt/hjywnews/index_1.shtml")
    assert [(e.url, e.title, e.date, e.summary) for e in page.entries] == [
        ("http://www.mee.gov.cn/ywdt/hjywnews/202204/t20220412_974422.shtml", "生态环境部召开部常务会议", None, "摘要")
    ]


def test_zh_channel_row_date_is_the_printed_one_not_a_date_in_its_summary():
    html = """<ul class="cjcx_danduimg_list"><li><dl><dt><a class="cjcx_biaobnan" href="./201701/t20170106_305425.shtml">
生态环境部印发《危险废物经营许可证管理办法》</a></dt><dd><p>近日，生态环境部印发《危险废物经营许可证管理办法》，自2017年4月1日起施行……</p></dd></dl>
<span class="cjcx_shijian">2017-01-06</span></li></ul>"""
    page = zh_list.parse_list(html, "http://www.mee.gov.cn/ywdt/hjywnews/index_12.shtml")
    assert [(e.url, e.date) for e in page.entries] == [
        ("http://www.mee.gov.cn/ywdt/hjywnews/201701/t20170106_305425.shtml", "2017-01-06")]
