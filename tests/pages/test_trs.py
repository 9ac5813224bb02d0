from datetime import date
from urllib.parse import urljoin

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mee_archive.pages.trs import absolute_url, count_pages, list_page_url, meta_tags, parse_article_url


@pytest.mark.parametrize(
    ("url", "site", "section", "day", "docid", "ext"),
    [
        ("http://english.mee.gov.cn/News_service/news_release/201806/t20180627_444588.shtml",
         "en", "News_service/news_release", date(2018, 6, 27), 444588, "shtml"),
        ("https://english.mep.gov.cn/News_service/media_news/201712/t20171201_427500.shtml?x=1#top",
         "en", "News_service/media_news", date(2017, 12, 1), 427500, "shtml"),
        ("https://english.sepa.gov.cn/News_service/news_release/201001/t20100105_183925.htm",
         "en", "News_service/news_release", date(2010, 1, 5), 183925, "htm"),
        ("http://www.mee.gov.cn/xxgk2018/xxgk/xxgk06/202609/t20260911_1165826.html",
         "zh", "xxgk2018/xxgk/xxgk06", date(2026, 9, 11), 1165826, "html"),
        ("http://www.mep.gov.cn/gkml/hbb/bwj/201605/t20160505_337420.htm",
         "zh", "gkml/hbb/bwj", date(2016, 5, 5), 337420, "htm"),
        ("http://example.org/a/201806/t20180627_1.shtml", None, "a", date(2018, 6, 27), 1, "shtml"),
    ],
)
def test_article_urls_are_split_into_their_parts(url, site, section, day, docid, ext):
    parsed = parse_article_url(url)
    assert parsed is not None
    assert (parsed.site, parsed.section, parsed.date, parsed.docid, parsed.ext) == (site, section, day, docid, ext)
    assert parsed.yyyymm == day.strftime("%Y%m")
    assert "?" not in parsed.url and "#" not in parsed.url


@pytest.mark.parametrize(
    "url",
    [
        "http://english.mee.gov.cn/News_service/news_release/",
        "http://english.mee.gov.cn/News_service/news_release/index_2.shtml",
        "http://www.mee.gov.cn/ywdt/hjywnews/202204/t20221317_974894.shtml",  # month 13
        "http://www.mee.gov.cn/ywdt/hjywnews/202204/P020220417512345.pdf",
        "ftp://www.mee.gov.cn/ywdt/hjywnews/202204/t20220417_974894.shtml",
        "/ywdt/hjywnews/202204/t20220417_974894.shtml",
    ],
)
def test_other_urls_are_not_articles(url):
    assert parse_article_url(url) is None


def test_count_pages_reads_the_inline_script():
    assert count_pages('<script>var countPage = 34//共多少页\ncreatePageHTML(34, 0, "index", "shtml");</script>') == 34
    assert count_pages("<script>var countPage = '7';</script>") == 7
    assert count_pages('<script>createPageHTML(5, 0, "index", "shtml");</script>') == 5


def test_count_pages_computes_legacy_record_counts():
    assert count_pages('var m_nRecordCount = "835";\nvar m_nPageSize = 20;') == 42
    assert count_pages('var m_nRecordCount = "40"; var m_nPageSize = 20;') == 2
    assert count_pages('var m_nRecordCount = "0"; var m_nPageSize = 20;') == 1


def test_count_pages_is_none_when_not_stated():
    assert count_pages("<html><body><a href='index_1.shtml'>next</a></body></html>") is None


def test_list_page_urls_follow_the_trs_naming():
    base = "http://english.mee.gov.cn/News_service/news_release/"
    assert [list_page_url(base, n) for n in range(3)] == [base, base + "index_1.shtml", base + "index_2.shtml"]
    assert [list_page_url(base + "index.shtml", n) for n in range(2)] == [base + "index.shtml", base + "index_1.shtml"]
    assert [list_page_url(base.rstrip("/"), n) for n in range(2)] == [base.rstrip("/"), base + "index_1.shtml"]
    legacy = "http://www.mep.gov.cn/gkml/hbb/bwj/index_835.htm"
    assert [list_page_url(legacy, n) for n in (1, 2)] == [
        "http://www.mep.gov.cn/gkml/hbb/bwj/index_835_1.htm",
        "http://www.mep.gov.cn/gkml/hbb/bwj/index_835_2.htm",
    ]


def test_meta_tags_of_the_real_sample(zh_sample):
    tags = meta_tags(zh_sample)
    assert tags["ArticleTitle"] == "生态环境部一周要闻（4.10-4.16）"
    assert tags["PubDate"] == "2022-04-17 14:46:00"
    assert tags["ContentSource"] == "生态环境部"
    assert tags["contentid"] == "974894"
    assert tags["ColumnName"] == "环境要闻"
    assert tags["author"] == "王丽平"
    assert "Author" not in tags  # empty content is no value


_BASES = st.sampled_from([
    "http://english.mee.gov.cn/News_service/news_release/202001/t20200102_756145.shtml",
    "https://www.mee.gov.cn/ywdt/", "http://english.mee.gov.cn", "http://h/a/b?x=/c/d", "http://h/a/b#f/g",
    "http://h/a/./b/../c.html", "http:///x/y", "http://[bad/x",
])
_HREF = st.text(st.sampled_from(list("ab./?#:[] %")), max_size=12) | st.sampled_from(
    ["", "#top", "?q=1", "../../images/x.png", "/images/y.png", "W0200.jpg", "//cdn.example/z.js", "https://o/x",
     "mailto:x@y", "..", "../../../../../../x", "http://[bad"])


@given(_BASES, _HREF, _BASES)
@example("http://english.mee.gov.cn", "x.png", "http://english.mee.gov.cn/a/b.html")
@example("http://h/a/b.html?q=1", "//", "http://h/a/c.html")  # no path: the page's own
@example("http://h/a/b.html?q=1", "http:", "http://h/a/c.html")
@example("http://h/a/b.html", ";p", "http://h/a/c.html")
def test_absolute_url_resolves_as_urljoin_whatever_page_came_before(base, href, earlier):
    """Resolved per folder and remembered: the same answer as urljoin for any page and href,
    whichever page of another folder resolved the same href first."""
    absolute_url(earlier, href)
    try:
        expected = urljoin(base, href.strip())
    except ValueError:
        expected = href.strip()
    assert absolute_url(base, href) == expected
