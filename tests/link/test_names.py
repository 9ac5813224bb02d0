"""Romanised names in English meet the pinyin of Chinese text."""

from mee_archive.link.names import chinese_pinyin, english_name_keys, is_pinyin, pinyin_many


def test_names_of_people_are_found_in_the_chinese_pinyin():
    keys = english_name_keys("MEE Minister Li Ganjie and Vice Minister Huang Runqiu met ROK Minister Kim Eunkyung.")
    assert keys == {"liganjie", "huangrunqiu"}
    pinyin = chinese_pinyin("生态环境部部长李干杰、副部长黄润秋会见韩国环境部长官")
    assert all(key in pinyin for key in keys)


def test_hyphens_and_capitals_in_names():
    assert english_name_keys("Director XIE Zhen-hua said") == {"xiezhenhua"}


def test_single_words_only_if_the_dictionary_cannot_translate_them():
    assert english_name_keys("Projects in Hebei Province") == set()  # 河北 is in CC-CEDICT
    assert english_name_keys("Minister Li said") == set()  # too short to be evidence


def test_is_pinyin():
    assert is_pinyin("ganjie") and is_pinyin("xiongan")
    assert not is_pinyin("ministry") and not is_pinyin("eunkyung")


def test_surnames_are_also_read_as_surnames():
    pinyin = chinese_pinyin("副部长翟青、曾晓东出席，单位负责人")
    assert "zhaiqing" in pinyin and "zengxiaodong" in pinyin  # 翟 is "di", 曾 "ceng" elsewhere
    assert "danwei" in pinyin  # the common reading is kept too
    assert str(chinese_pinyin("李干杰")) == "liganjie"


def test_pinyin_of_many_texts_is_each_texts_own_and_other_characters_are_barriers():
    texts = ["李干杰出席", "会议、召开", "黄润秋", "li gan jie"]
    many = pinyin_many(texts)
    assert many == [chinese_pinyin(t) for t in texts] and len({id(p.buffer) for p in many}) == 1
    assert str(many[1]).startswith("huiyi zhaokai") and "yizhao" not in many[1]  # 、 is a barrier
    assert "chuxi" in many[0] and "xihui" not in many[0] and "xihui" not in many[1]
    assert "gan" in many[3] and "ganjie" not in many[3]  # letters stay; a space is a barrier
