import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mee_archive.text import (
    has_translation_notice,
    join_paragraphs,
    normalize,
    strip_boilerplate,
)

EXAMPLE_TITLE = "China-ROK Environmental Cooperation Center officially launched"

NOTICE = (
    "(This English version is for your reference only.In case any discrepancy exists between the "
    "Chinese and English context, the Chinese version shall prevail.)"
)


def test_normalize_fixes_whitespace_only():
    assert normalize("\u3000\u3000生态环境部召开\n  部常务会议\u200b（4.10-4.16）") == "生态环境部召开部常务会议（4.10-4.16）"
    assert normalize(" MEE\u00a0 holds\ta\n meeting ") == "MEE holds a meeting"
    assert normalize("河北邯郸钢铁行业去产能存在乱象 产业结构调整落实不力") == "河北邯郸钢铁行业去产能存在乱象 产业结构调整落实不力"
    assert normalize("ＰＭ2.5，") == "ＰＭ2.5，"  # no NFKC: full-width forms stay


# normalize's rules spelled out as plain regular expressions, one pass each (normalize itself
# skips passes that cannot change a text): it must give the same text for any input.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                       "\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_BREAK = re.compile(f"(?<=[{_CJK}])[ \t\u3000]*[\r\n][\\s\u3000]*(?=[{_CJK}])")
_SPACES = re.compile("[\\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ALPHABET = st.sampled_from(list("ab 环境。\n\r\t\u3000\u00a0\u2003\u200b\u202e\x01\x85\u2028\ufeffＰ"))


@given(st.text(_ALPHABET, max_size=40) | st.text(max_size=40))
@example("环\r境")
@example("环 \n\u3000境。")
@example("a\u200b\u2028b\x85")
@example("\u3000\u00a0")
def test_normalize_follows_its_rules_on_any_text(text):
    expected = _SPACES.sub(" ", _BREAK.sub("", _CONTROLS.sub("", text))).strip()
    assert normalize(text) == expected


def test_body_separates_paragraphs_by_one_blank_line():
    assert join_paragraphs(["First line continued.", "Second.", "Third."]) == "First line continued.\n\nSecond.\n\nThird."


def test_example_release_page_text_is_cleaned_to_its_body(example_release_lines):
    kept, removed = strip_boilerplate(example_release_lines, title=EXAMPLE_TITLE)
    assert len(kept) == 8
    assert kept[0].startswith("China-ROK Environmental Cooperation Center was officially launched on Jun. 25.")
    assert kept[-1].startswith("Counselor with the Chinese Ministry of Foreign Affairs")
    assert removed[:3] == ["Hot Keywords: inspection air water soil pollution", "Home > News > News Release", EXAMPLE_TITLE]
    assert removed[-1].startswith("Without written authorization")
    assert len(removed) == 8


@pytest.mark.parametrize(
    "line",
    [
        "Hot Keywords: inspection air water soil pollution",
        "Hot Keywords: Belt and Road inspection air water",
        "中文 Hot Keywords:",
        "中文Hot Keywords: Belt and Road",
        "MINISTRY OF ECOLOGY AND ENVIRONMENT",
        "THE PEOPLE'S REPUBLIC OF CHINA",
        "MINISTRY OF ECOLOGY AND ENVIRONMENT THE PEOPLE’S REPUBLIC OF CHINA",
        "Mobile",
        "Home > News > News Release",
        "News Release",
        "Article type: Translated 2018-07-02 Font Size:[ S M L ] [Print] [Close]",
        "Font Size:[ S M L ]",
        "[Print] [Close]",
        "Source: Translated by Information Center, MEE2018-12-22",
        NOTICE,
        "(This English version is for your reference only. In case any discrepancy exists between "
        "the Chinese and English context, the Chinese version shall prevail.)",
        "Copyright©2015-2016 | Statement | Sitemap | Contact us",
        "Statement | Sitemap | Contact us",
        "Registration Number: 05009132",
        "All rights reserved. The content (including but not limited to text, photo, multimedia "
        "information, etc) published in this site belongs to",
        "Without written authorization from, such content shall not be republished or used in any form.",
    ],
)
def test_every_listed_boilerplate_line_is_removed_above_and_below_the_body(line):
    body = ["MEE held a meeting on Monday.", "It adopted two standards."]
    for page in ([line, *body], [*body, line]):
        kept, removed = strip_boilerplate(page)
        assert kept == body
        assert removed == [line]


@pytest.mark.parametrize(
    "sentence",
    [
        "Copyright protection of environmental data was discussed, said Li.",
        "The registration number of the facility was revoked in 2018.",
        "All rights reserved by the parties shall be respected under the agreement.",
        "Source: the Ministry said water quality improved in 2018.",
        "Home appliances recycling reached 80 million units > target.",
        "News releases will be published every Thursday.",
        "Statement",
        "Contact us",
        "Mobile monitoring vehicles were deployed in Hebei.",
        "Hot spots of pollution were identified in three provinces.",
    ],
)
def test_body_sentences_that_mention_boilerplate_words_are_kept(sentence):
    kept, removed = strip_boilerplate(["A first paragraph.", sentence, "A last paragraph."])
    assert sentence in kept
    assert removed == []


def test_title_is_removed_only_when_repeated_at_the_top():
    title = "MEE holds a ministerial executive meeting"
    kept, removed = strip_boilerplate(["Home > News > News Release", title, "The meeting was held."], title=title)
    assert kept == ["The meeting was held."] and title in removed
    body = ["The minister spoke first.", title, "More."]
    assert strip_boilerplate(body, title=title)[0] == body


def test_whole_page_fallback_drops_unknown_navigation_and_footer():
    page = [
        "Home", "About MEE", "News", "Events", "中文 Hot Keywords:", "inspection", "air",
        EXAMPLE_TITLE, "Source: Translated by Information Center, MEE2018-06-26",
        "The center was launched on Jun. 25.", "It will deepen cooperation.",
        NOTICE, "Copyright©2015-2016 | Statement | Sitemap | Contact us", "Links", "UNEP",
    ]
    kept, removed = strip_boilerplate(page, title=EXAMPLE_TITLE)
    assert kept == ["The center was launched on Jun. 25.", "It will deepen cooperation."]
    assert set(removed) == set(page) - set(kept)


def test_notice_glued_to_the_last_paragraph_is_cut_off():
    kept, removed = strip_boilerplate([f"The meeting was held. {NOTICE}"])
    assert kept == ["The meeting was held."]
    assert removed == [NOTICE]


def test_has_translation_notice(example_release_lines):
    assert has_translation_notice("\n".join(example_release_lines))
    assert has_translation_notice("x (This  English\nversion is for your reference only.)")
    assert not has_translation_notice("The English version of the plan is for reference.")


def test_repeated_title_is_recognised_despite_quotes_and_case():
    kept, removed = strip_boilerplate(["Home", "MEE’s minister meets UNEP chief", "Body."], title="MEE's Minister meets UNEP chief")
    assert kept == ["Body."] and removed == ["Home", "MEE’s minister meets UNEP chief"]


def test_whitespace_controls_separate_words_and_other_controls_go() -> None:
    from mee_archive.pages.html import parse_html

    assert normalize("Soil\x0cLaw on Monday.\rIt decided\x0bto act.\x1b\x00") == "Soil Law on Monday. It decided to act."
    html = "<html><body><p>on Monday.\rIt decided\x0bto act\x0cnow\x08.</p></body></html>"
    assert normalize("".join(parse_html(html).xpath("//p//text()"))) == "on Monday. It decided to act now."
