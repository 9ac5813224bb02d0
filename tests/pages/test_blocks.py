import parsel

from mee_archive.pages.blocks import attachments, block_lines, images, without_media_labels

PAGE = "http://www.mee.gov.cn/ywdt/hjywnews/202204/t20220412_974422.shtml"


def _body(html: str) -> parsel.Selector:
    return parsel.Selector(text=f"<html><body>{html}</body></html>").xpath("//body")[0]


def test_block_lines_follow_what_a_reader_sees():
    body = _body(
        "<div>　　第一段<b>加粗</b><!-- 注释 -->继续<br>换行</div>"
        "<script>document.write('脚本')</script><style>p{}</style>"
        '<div style="display: none"><h1>隐藏对话框</h1></div><p hidden>也隐藏</p>'
        "<p>Two\n  words&nbsp;here</p><ul><li>一</li><li>二</li></ul>"
    )
    assert block_lines(body) == ["第一段加粗继续", "换行", "Two words here", "一", "二"]


def test_block_lines_skip_page_chrome_only_when_asked():
    body = _body("<nav>Menu</nav><header>Top</header><p>Text</p><footer>Foot</footer>")
    assert block_lines(body) == ["Menu", "Top", "Text", "Foot"]
    assert block_lines(body, skip_chrome=True) == ["Text"]


def test_deeply_nested_malformed_markup_keeps_its_text():
    assert block_lines(_body("<div>" * 1500 + "深处的文字")) == ["深处的文字"]


def test_attachments_are_document_links_with_absolute_urls():
    body = _body(
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


def test_images_and_their_captions():
    body = _body(
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
