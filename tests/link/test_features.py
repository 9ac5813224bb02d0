"""Items become linking keys: days and docids, and the same keys from either script."""

from datetime import date

from mee_archive.link.english import stem
from mee_archive.link.features import chinese_features, chinese_features_many, english_features, url_day_and_docid
from mee_archive.link.resources import _t2s, cedict
from mee_archive.link.scan import ScannedTexts, lexicon


def words(ids) -> set[str]:
    """The dictionary words of some word ids."""
    return {lexicon().words[i] for i in ids}


def dictionary_words(text: str) -> set[str]:
    return words(ScannedTexts([text]).word_ids()[0])


def test_url_gives_day_and_docid():
    assert url_day_and_docid("https://www.mee.gov.cn/xxgk2018/xxgk/xxgk06/201807/t20180702_446001.html") == (
        date(2018, 7, 2), 446001)
    assert url_day_and_docid("http://example.org/news/1.html") == (None, None)


def test_english_anchor_day_is_the_later_of_printed_and_url_date(ex):
    features = english_features({**ex.china_rok_en, "published": "2018-06-27"})
    assert features.day == date(2018, 6, 29) and features.docid == 445678


def test_missing_published_and_title_fall_back_or_stay_empty(ex):
    item = {"url": ex.china_rok_zh["url"], "body": ex.china_rok_zh["body"]}
    features = chinese_features(item, max_chars=3000)
    assert features.day == date(2018, 6, 26)
    assert not features.title_words
    assert "6-25" in features.dates


def test_traditional_chinese_gives_the_same_keys(ex):
    traditional = {**ex.china_rok_zh, "title": _t2s().convert(ex.china_rok_zh["title"]),
                   "body": ex.china_rok_zh["body"].replace("环境", "環境").replace("启动", "啟動")}
    assert traditional["body"] != ex.china_rok_zh["body"]
    assert chinese_features(traditional, 3000) == chinese_features(ex.china_rok_zh, 3000)


def test_english_and_chinese_keys_overlap_on_the_same_event(ex):
    en = english_features(ex.china_rok_en)
    zh = chinese_features(ex.china_rok_zh, 3000)
    assert en.dates & zh.dates == {"6-25"}
    assert {"2.5", "3"} <= en.numbers & zh.numbers
    assert {"liganjie", "lihaisheng", "yangyu"} <= {name for name in en.names if name in zh.pinyin}
    zh_title_glosses = frozenset().union(*(cedict()[word] for word in words(zh.title_words)))
    assert {stem(w) for w in ("cooperation", "launched", "environmental")} <= en.title_words & zh_title_glosses


def test_lead_is_title_and_first_paragraph_only(ex):
    zh = chinese_features(ex.china_rok_zh, 3000)
    assert {"启动", "仪式"} <= words(zh.lead)
    assert "渤海" not in words(zh.lead) and "渤海" in dictionary_words(ex.china_rok_zh["body"])


def test_dictionary_words_overlap_but_a_segmentation_counts_each_character_once():
    text = "保护生物多样性，黑臭水体"
    assert {"保护", "生物", "多样性", "生物多样性", "黑", "臭", "水体"} <= dictionary_words(text)
    assert ScannedTexts([text]).segment(0) == ["保护", "生物多样性", "，", "黑", "臭", "水体"]


def test_scanning_in_batches_gives_the_same_keys(ex, monkeypatch):
    items = [ex.china_rok_zh, ex.china_rok_related_zh, ex.meeting_zh, ex.other_meeting_zh, *ex.filler_zh]
    whole = chinese_features_many(items, 3000)
    monkeypatch.setattr("mee_archive.link.features.SCAN_CHARS", 10)  # one item per scan
    assert chinese_features_many(items, 3000) == whole
