"""What a reader sees of an element: one line per block, hidden and script text left out."""

from mee_archive.pages.blocks import block_lines


def test_block_lines_follow_what_a_reader_sees(html_body):
    body = html_body(
        "<div>　　第一段<b>加粗</b><!-- 注释 -->继续<br>换行</div>"
        "<script>document.write('脚本')</script><style>p{}</style>"
        '<div style="display: none"><h1>隐藏对话框</h1></div><p hidden>也隐藏</p>'
        "<p>Two\n  words&nbsp;here</p><ul><li>一</li><li>二</li></ul>"
    )
    assert block_lines(body) == ["第一段加粗继续", "换行", "Two words here", "一", "二"]


def test_block_lines_skip_page_chrome_only_when_asked(html_body):
    body = html_body("<nav>Menu</nav><header>Top</header><p>Text</p><footer>Foot</footer>")
    assert block_lines(body) == ["Menu", "Top", "Text", "Foot"]
    assert block_lines(body, skip_chrome=True) == ["Text"]


def test_deeply_nested_malformed_markup_keeps_its_text(html_body):
    assert block_lines(html_body("<div>" * 1500 + "深处的文字")) == ["深处的文字"]
