"""English inflections meet on one stem, as CC-CEDICT glosses and release text must."""

from mee_archive.link.english import content_stems, stem
from mee_archive.link.resources import cedict, to_simplified


def test_inflections_share_a_stem():
    assert stem("inspections") == stem("inspected") == stem("inspection")
    assert stem("environmental") == stem("environment")
    assert stem("ministry") == stem("minister") == stem("ministries")


def test_content_stems_drop_function_words_and_possessives():
    assert content_stems("China's Ministry of the Environment") == ["china", "minist", "environ"]


def test_dictionary_glosses_use_the_same_stems():
    assert stem("meeting") in cedict()["会议"]
    assert stem("biodiversity") in cedict()["生物多样性"]


def test_traditional_text_becomes_simplified_and_simplified_is_untouched():
    assert to_simplified("環境保護部召開會議") == "环境保护部召开会议"
    assert to_simplified("环境保护部召开会议") == "环境保护部召开会议"
