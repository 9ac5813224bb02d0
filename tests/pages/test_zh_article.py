"""Chinese article extraction: the real channel sample, xxgk2018 documents, legacy GB2312 pages."""

import json
import re
from pathlib import Path

import pytest

from mee_archive.pages.decode import decode_html
from mee_archive.pages.zh_article import parse_article
from mee_archive.text import strip_boilerplate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLD = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
SAMPLE_URL = "http://www.mee.gov.cn/ywdt/hjywnews/202204/t20220417_974894.shtml"
DIALOG = "您访问的链接即将离开生态环境部门户网站，是否继续？"


def test_real_channel_sample(zh_sample):
    item = parse_article(zh_sample, SAMPLE_URL)
    assert item["title"] == "生态环境部一周要闻（4.10-4.16）"
    assert item["published"] == "2022-04-17T14:46:00"
    assert (item["source"], item["docid"], item["channel"], item["template"]) == ("生态环境部", 974894, "hjywnews", "channel")
    paragraphs = item["paragraphs"]
    assert paragraphs[0] == "1.生态环境部召开部常务会议"
    assert len(paragraphs) == zh_sample.count("\n<div>") == 28
    assert paragraphs[-1].startswith("近日，由生态环境部组织编写")
    text = "\n".join(paragraphs)
    assert "\u3000" not in text and "分享到" not in text and "打印" not in text and "版权所有" not in text
    assert item["attachments"] == []


def test_real_channel_sample_without_meta_tags(zh_sample):
    """The printed date, source and title of the channel template stand in for the meta tags."""
    item = parse_article(re.sub(r"<meta name=[^>]*>", "", zh_sample), SAMPLE_URL)
    assert (item["title"], item["published"], item["source"]) == ("生态环境部一周要闻（4.10-4.16）", "2022-04-17", "生态环境部")
    assert len(item["paragraphs"]) == 28


@pytest.mark.parametrize("gold", GOLD["zh"], ids=lambda g: g["file"].split("/")[2])
def test_replica_rendered_templates(gold):
    body = (FIXTURES / gold["file"]).read_bytes()
    content_type = "text/html" if gold["encoding"] != "utf-8" else "text/html; charset=utf-8"
    item = parse_article(decode_html(body, content_type), gold["url"])
    assert item["title"] == gold["title"]
    assert item["published"] in (gold["published"], gold["published"][:10])
    assert (item["docid"], item["channel"], item["template"], item["source"]) == (
        gold["docid"], gold["channel"], gold["template"], gold["source"])
    assert item["paragraphs"] == gold["paragraphs"]
    assert item["attachments"] == gold["attachments"]


def _xxgk_page(dialog_attributes: str, with_meta: bool) -> str:
    meta = '<meta name="ArticleTitle" content="关于开展2026年排污许可执法检查的通知">' if with_meta else ""
    return f"""<html><head><meta charset="utf-8">{meta}<title>关于开展2026年排污许可执法检查的通知_中华人民共和国生态环境部</title></head>
<body><div class="header"><h1 class="site">生态环境部</h1></div>
<div class="content_box"><div class="content_top_box"><ul>
<li><div>名　　称：</div><div>关于开展2026年排污许可执法检查的通知</div></li>
<li><div>索 引 号：</div><div>000014672/2026-01122</div></li>
<li><div>发布机关：</div><div>生态环境部执法局</div></li>
<li><div>生成日期：</div><div>2026年03月02日</div></li>
<li><div>文　　号：</div><div>环执法〔2026〕3号</div></li></ul></div>
<h1>关于开展2026年排污许可执法检查的通知</h1>
<div class="content_body_box"><div class="Custom_UnionStyle"><p>　　各省、自治区、直辖市生态环境厅（局）：</p>
<p>　　为加强排污许可执法监管，现将有关事项通知如下。</p></div>
<p>附件：<a href="./P020260302000000000001.pdf">检查要点</a></p></div></div>
<div class="tc_box" {dialog_attributes}><h1>{DIALOG}</h1><a>继续访问</a><a>放弃</a></div>
</body></html>"""


@pytest.mark.parametrize("dialog", ['style="display:none"', 'class="dialog_hidden_by_css"'])
@pytest.mark.parametrize("with_meta", [True, False])
def test_xxgk2018_title_is_never_the_hidden_dialog(dialog, with_meta):
    url = "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk03/202603/t20260302_1170001.html"
    item = parse_article(_xxgk_page(dialog, with_meta), url)
    assert item["title"] == "关于开展2026年排污许可执法检查的通知"
    assert item["template"] == "xxgk2018" and item["channel"] == "xxgk03" and item["docid"] == 1170001
    assert item["published"] == "2026-03-02"
    assert item["source"] == "生态环境部执法局"
    assert item["paragraphs"] == ["各省、自治区、直辖市生态环境厅（局）：", "为加强排污许可执法监管，现将有关事项通知如下。"]
    assert item["attachments"] == [{"url": url.rsplit("/", 1)[0] + "/P020260302000000000001.pdf", "title": "检查要点"}]


def test_legacy_gb2312_page_from_bytes():
    page = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于发布《建设项目环境影响评价分类管理名录》的公告-中华人民共和国环境保护部</title></head><body>
<table><tr><td class="bt">关于发布《建设项目环境影响评价分类管理名录》的公告</td></tr>
<tr><td>发布日期：2015-04-09&nbsp;&nbsp;来源：环境保护部</td></tr>
<tr><td><div class=TRS_Editor><p>　　为规范建设项目环境影响评价工作，现发布《名录》。</p><p>　　特此公告。</p></div></td></tr></table>
</body></html>"""
    url = "http://www.mep.gov.cn/gkml/hbb/bgg/201504/t20150409_298808.htm"
    item = parse_article(decode_html(page.encode("gb2312"), "text/html"), url)
    assert item["title"] == "关于发布《建设项目环境影响评价分类管理名录》的公告"
    assert (item["published"], item["source"], item["template"], item["channel"]) == ("2015-04-09", "环境保护部", "legacy", "bgg")
    assert item["paragraphs"] == ["为规范建设项目环境影响评价工作，现发布《名录》。", "特此公告。"]


def test_boilerplate_stripping_leaves_a_chinese_body_whole(zh_sample):
    """The pipeline runs strip_boilerplate on Chinese items too: it must remove nothing there."""
    item = parse_article(zh_sample, SAMPLE_URL)
    assert strip_boilerplate(item["paragraphs"], title=item["title"]) == (item["paragraphs"], [])
