"""Foreign names met across scripts by their consonant skeleton."""

from __future__ import annotations

import pytest

from mee_archive.link.transliteration import chinese_foreign_keys, english_foreign_keys, skeleton

# Transliterations as Xinhua writes them; none of these is a CC-CEDICT word.
PAIRS = [
    ("Erik Solheim", "联合国副秘书长埃里克·索尔海姆"), ("Achim Steiner", "执行主任阿希姆·施泰纳"),
    ("Jakaya Mrisho Kikwete", "坦桑尼亚总统基奎特"), ("Kim Eunkyung", "韩国环境部部长金恩京"),
    ("Elkin", "艾尔金"), ("Grasso", "意大利参议长格拉索"), ("Starmer", "英国新任首相斯塔默"),
    ("Máxima", "荷兰王后马克西玛"), ("Kenneth Clarke", "肯尼思·克拉克"),
]


@pytest.mark.parametrize(("english", "chinese"), PAIRS)
def test_a_name_and_its_transliteration_share_a_key(english: str, chinese: str) -> None:
    assert english_foreign_keys(f"The minister met {english} in Beijing.") & chinese_foreign_keys(chinese)


def test_other_names_do_not_meet() -> None:
    assert not english_foreign_keys("Erik Solheim") & chinese_foreign_keys("坦桑尼亚总统基奎特")
    assert not english_foreign_keys("Achim Steiner") & chinese_foreign_keys("韩国环境部部长金恩京")


def test_english_words_and_chinese_names_in_pinyin_are_not_foreign_names() -> None:
    text = "Premier Li Keqiang met the Minister of Ecology and Environment in Beijing on Monday."
    assert english_foreign_keys(text) == set()


def test_skeleton_keeps_consonant_classes() -> None:
    assert skeleton("Solheim") == "SLHM" and skeleton("suoerhaimu") == "SLHM"
    assert skeleton("Rutte") == "LT" and skeleton("Steiner", english=True) == "STN"
