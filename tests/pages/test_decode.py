import pytest

from mee_archive.pages.decode import declared_charsets, decode_html

TEXT = "<html><head>{meta}<title>生态环境部召开部常务会议</title></head><body><p>黄润秋主持会议。</p></body></html>"
GB_META = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'


def test_gb2312_page_with_correct_header():
    body = TEXT.format(meta="").encode("gb2312")
    assert decode_html(body, "text/html; charset=GB2312") == TEXT.format(meta="")


def test_gb2312_page_declared_only_in_meta():
    page = TEXT.format(meta=GB_META)
    assert decode_html(page.encode("gb2312"), "text/html") == page


@pytest.mark.parametrize("content_type", [None, "text/html", "text/html; charset=utf-8"])
def test_gb2312_page_with_missing_or_wrong_charset(content_type):
    page = TEXT.format(meta="")
    assert decode_html(page.encode("gb2312"), content_type) == page


def test_gbk_characters_on_a_page_declared_gb2312():
    page = TEXT.format(meta=GB_META) + "镕"  # 镕 is in GBK, not in GB2312
    assert decode_html(page.encode("gbk"), "text/html; charset=gb2312") == page


@pytest.mark.parametrize("content_type", ["text/html; charset=iso-8859-1", "text/html; charset=gb2312", None])
def test_utf8_page_with_wrong_or_missing_charset(content_type):
    page = TEXT.format(meta=GB_META)
    assert decode_html(page.encode("utf-8"), content_type) == page


def test_truncated_utf8_page_keeps_its_text():
    body = TEXT.format(meta="").encode("utf-8")[:-len("会议。</p></body></html>".encode()) - 1]
    text = decode_html(body, "text/html; charset=utf-8")
    assert text.startswith("<html><head><title>生态环境部召开部常务会议</title>")


def test_latin1_page_declared_latin1():
    page = "<p>café</p>"
    assert decode_html(page.encode("latin-1"), "text/html; charset=ISO-8859-1") == page


def test_bom_wins():
    assert decode_html("\ufeff<p>环境</p>".encode("utf-8"), "text/html; charset=gb2312") == "<p>环境</p>"


def test_declared_charsets_in_order_of_authority():
    body = b'<meta charset="gbk"><meta http-equiv="Content-Type" content="text/html; charset=bogus">'
    assert declared_charsets(body, "text/html; charset=UTF-8") == ["utf-8", "gb18030"]


@pytest.mark.parametrize("label", ["base64", "hex", "rot13", "zlib", "undefined", "no-such-codec"])
def test_a_declared_codec_that_decodes_no_text_is_ignored(label):
    """A hostile or broken page names a codec bytes.decode refuses, or one that decodes nothing:
    the GB18030 fallback reads it."""
    body = f'<meta charset="{label}"><p>中文</p>'.encode("gb18030") + b"\xff"
    assert "中文" in decode_html(body, f"text/html; charset={label}")


def test_only_text_encodings_are_declarations():
    body = b'<meta charset="base64"><meta charset="gb2312">'
    assert declared_charsets(body, "text/html; charset=rot13") == ["gb18030"]
