"""Images and attachments of an article: absolute URLs, captions and titles, labels left out of the text."""

import html

from hypothesis import example, given
from hypothesis import strategies as st

from mee_archive.pages.html import parse_html
from mee_archive.pages.media import _ATTACHMENT_HREF, attachments, images, without_media_labels
from mee_archive.pages.trs import absolute_url

PAGE = "http://www.mee.gov.cn/ywdt/hjywnews/202204/t20220412_974422.shtml"


def test_attachments_are_document_links_with_absolute_urls(html_body):
    body = html_body(
        '<p>附件：<a href="./P020220412512345678901.pdf">六氟化铀运输容器</a></p>'
        '<a href="../202204/W020220412000000000002.DOCX?v=2"> </a>'
        '<a href="./t20220412_974421.shtml">上一篇</a><a href="/images/logo.png">logo</a>'
        '<div style="display:none"><a href="./hidden.pdf">hidden</a></div>'
    )
    assert attachments(body, PAGE) == [
        {"url": "http://www.mee.gov.cn/ywdt/hjywnews/202204/P020220412512345678901.pdf", "title": "六氟化铀运输容器"},
        {"url": "http://www.mee.gov.cn/ywdt/hjywnews/202204/W020220412000000000002.DOCX?v=2",
         "title": "W020220412000000000002.DOCX"},
    ]


def test_images_and_their_captions(html_body):
    body = html_body(
        '<p><img src="./W020220412000000000003.jpg" alt="会议现场"></p><p>会议现场</p>'
        '<figure><img src="W020220412000000000004.jpg"><figcaption>签约 仪式</figcaption></figure>'
        '<img src="data:image/gif;base64,R0lGOD">'
    )
    pictures = images(body, PAGE)
    assert pictures == [
        {"url": "http://www.mee.gov.cn/ywdt/hjywnews/202204/W020220412000000000003.jpg", "caption": "会议现场"},
        {"url": "http://www.mee.gov.cn/ywdt/hjywnews/202204/W020220412000000000004.jpg", "caption": "签约 仪式"},
    ]
    files = [{"url": "x.pdf", "title": "Full text"}]
    lines = ["Body.", "会议现场", "签约 仪式", "Attachments:", "Full text", "附件1：Full text", "Full text of the speech"]
    assert without_media_labels(lines, pictures, files) == ["Body.", "Full text of the speech"]


@given(st.lists(st.text(st.sampled_from(list("ab.?# \n\tPDFpdfzip/")), max_size=10), max_size=4))
@example(["x.pdf\nfoo", "y.html"])  # a line break inside an href: only the whole href counts
@example(["report.PDF ", "?q"])
def test_the_page_wide_attachment_test_keeps_every_attachment(hrefs):
    """The one search over all of a page's hrefs finds what a search of each href finds."""
    links = "".join(f'<a href="{html.escape(h, quote=True)}">t</a>' for h in hrefs)
    root = parse_html(f"<html><body><div>{links}</div></body></html>")
    each = [a.get("href") for a in root.iter("a") if _ATTACHMENT_HREF.search(a.get("href", ""))]
    assert [f["url"] for f in attachments(root, "http://h/a/b.html")] == list(
        dict.fromkeys(absolute_url("http://h/a/b.html", href) for href in each))
