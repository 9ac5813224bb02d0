"""Romanised names in English meet the pinyin of Chinese text."""

import numpy as np

from mee_archive.link.names import (
    BARRIER, _readings, chinese_pinyin, english_name_keys, is_pinyin, pinyin_many, pinyin_rows,
)


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


def test_a_key_is_found_in_the_pinyin_exactly_where_the_full_surname_reading_has_it():
    # The surname reading is kept only for the stretches it changes: nothing found in the
    # whole of it (the common reading, a barrier, the surname reading) is lost or added.
    texts = ["区长单霁翔、解振华在查干湖调查", "曾晓东：翟青出席", "黄润秋会见", "", "单", "召开会议，区域单位"]
    for text, pinyin in zip(texts, pinyin_many(texts)):
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        (common, surname) = (_readings(codes, *rows, [0, len(codes)])[0] for rows in pinyin_rows())
        whole = common + bytes([BARRIER]) + surname
        keys = {stretch[a:b] for stretch in whole.split(bytes([BARRIER]))
                for a in range(len(stretch)) for b in range(a + 1, len(stretch) + 1)}
        assert all(key.decode() in pinyin for key in keys) and (keys or not text)
        stretches = set(whole.split(bytes([BARRIER])))
        assert all(each.encode() in stretches for each in str(pinyin).split(" "))  # none added
    assert "shanjixiang" in pinyin_many(texts)[0] and "quzhang" in pinyin_many(texts)[0]
    assert str(pinyin_many(texts)[2]) == "huangrunqiuhuijian"  # no surname reading differs
    partly = chinese_pinyin("单霁翔，黄润秋，解振华")  # only the changed stretches come again
    assert str(partly) == "danjixiang huangrunqiu jiezhenhua shanjixiang xiezhenhua" and "xiangxie" not in partly
