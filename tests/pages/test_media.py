"""Images and attachments of an article: absolute URLs, captions and titles, labels left out of the text."""

from mee_archive.pages.media import attachments, images, without_media_labels

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
