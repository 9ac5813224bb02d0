"""The event checks: opening dates and actors, on sentences in the shape of real releases."""

from __future__ import annotations

from mee_archive.link.correspond import (
    AGREE, CONFLICT, LEAD_CHARS, PARTIAL, UNSTATED, UNTOLD, date_verdict, dated_opening, english_opening,
    opening_text,
)
from mee_archive.link.features import chinese_text
from mee_archive.link.names import chinese_name_keys
from mee_archive.link.numbers import chinese_dates_and_days, chinese_relative_dates, english_dates
from datetime import date


def _en(body: str, published: str = "2018-07-05") -> dict:
    return {"url": "http://english.mee.gov.cn/a.shtml", "title": "", "published": published, "body": body}


def _verdict(en_body: str, zh_body: str, zh_all: frozenset[str] = frozenset(), published: str = "2018-07-05") -> str:
    return date_verdict(english_opening(_en(en_body, published)),
                        dated_opening(chinese_text(zh_body), date.fromisoformat(published)), zh_all)


OPENING = ("On Jun. 30, Minister Li Ganjie met with UN Under-Secretary-General Erik Solheim in Saihanba, "
           "and the two sides exchanged views on cooperation.")


def test_the_same_day_agrees_and_another_day_conflicts() -> None:
    assert _verdict(OPENING, "6月30日，生态环境部部长李干杰在塞罕坝会见了联合国副秘书长埃里克·索尔海姆。") == AGREE
    assert _verdict(OPENING, "4月17日，生态环境部部长李干杰在京会见了联合国副秘书长埃里克·索尔海姆。") == CONFLICT


def test_a_day_without_its_month_counts() -> None:
    en = "Premier Li Keqiang met with UN Secretary-General Ban Ki-moon in New York on Sept 19, local time."
    assert _verdict(en, "国务院总理李克强于当地时间19日下午在纽约会见联合国秘书长潘基文。", published="2016-09-20") == AGREE
    assert _verdict(en, "国务院总理李克强于当地时间18日下午乘专机抵达纽约肯尼迪国际机场，出席联大会议。",
                    published="2016-09-20") == CONFLICT


def test_a_weekday_is_read_against_the_days_of_the_chinese_opening() -> None:
    en = "On Thursday, MEE held a ministerial executive meeting to review the plan for the Yangtze River basin."
    # 2018-06-28 was a Thursday, 2018-06-27 a Wednesday
    assert _verdict(en, "6月28日，生态环境部部长李干杰主持召开部常务会议。") == AGREE
    assert _verdict(en, "6月27日，生态环境部部长李干杰主持召开部常务会议。") == CONFLICT


def test_no_date_in_the_english_opening_proves_nothing_and_a_date_never_told_costs() -> None:
    assert _verdict("MEE recently issued the plan for the Yangtze River basin, covering eleven provinces and cities.",
                    "4月17日，生态环境部印发长江流域规划。") == UNSTATED
    assert _verdict(OPENING, "生态环境部部长李干杰会见了联合国副秘书长埃里克·索尔海姆，双方就合作交换了意见。") == UNTOLD


def test_the_dateline_and_a_publication_stamp_are_not_the_opening() -> None:
    stamp = "2016年09月19日 08:40:34  来源：新华社\n\n国务院总理李克强于当地时间18日下午乘专机抵达纽约，出席联合国大会系列高级别会议。"
    opening = dated_opening(chinese_text(stamp), date(2016, 9, 20))
    assert opening.dates == frozenset() and opening.days == frozenset({18})
    release = english_opening(_en("April 27, 2019\n\nOn April 26, 2019, Premier Li Keqiang met with the "
                                  "Secretary-General of the United Nations at the Diaoyutai State Guesthouse."))
    assert release.dates == frozenset({"4-26"})


def test_opening_actors_are_chinese_names_only() -> None:
    text = ("On June 28, President Xi Jinping met Boni Yayi, Vice Premier Liu Yandong, Ollanta Humala and "
            "Erik Solheim in Osaka.")
    assert chinese_name_keys(text) == {"xijinping", "liuyandong"}


def test_day_numbers_and_date_ranges() -> None:
    assert chinese_dates_and_days("李克强8日下午会见；当地时间十八日抵达；7月9日电；节日；日本")[1] == {8, 18}
    keys, _ = english_dates("On September 22 and 23, the envoy met leaders")
    assert {"9-22", "9-23"} <= keys


def test_printed_readings_and_stamps_are_removed() -> None:
    assert chinese_text("國(guó)家主席習(xí)近平 2019-04-27 00:13:46") == "国家主席习近平"
    # Readings are looked for from the first bracket of either kind on: one before the first
    # ASCII bracket, after a full-width one that holds none, is found too.
    assert chinese_text("（2019年）習（xí）近平(记者)") == "（2019年）习近平(记者)"
    assert chinese_text("(2019年)習(xí)近平（记者）") == "(2019年)习近平（记者）"


def test_document_numbers_and_spans_are_not_event_days() -> None:
    assert chinese_dates_and_days("生态环境部发布2019年第5号公告，要求各地在30日内完成整改（环办〔2019〕12号）")[1] == set()
    assert chinese_dates_and_days("当地时间19号下午")[1] == {19}


def test_a_place_the_dictionary_names_is_not_a_person() -> None:
    assert chinese_name_keys("the Hong Kong SAR government and President Xi Jinping") == {"xijinping"}


def test_an_opening_of_two_days_is_told_in_part_by_a_candidate_with_one() -> None:
    en = ("On September 22 and 23, Vice Premier Zhang Gaoli met respectively in New York with foreign leaders "
          "attending the UN Climate Summit.")
    zh = "国务院副总理张高丽9月23日在纽约分别会见了出席联合国气候峰会的外国政要。"
    opening = english_opening(_en(en, "2014-09-23"))
    assert date_verdict(opening, dated_opening(chinese_text(zh), date(2014, 9, 23)), frozenset({"9-23"}), frozenset({23})) == PARTIAL
    assert date_verdict(opening, dated_opening(chinese_text(zh), date(2014, 9, 23)), frozenset({"9-23"}),
                        frozenset({22, 23})) == AGREE
    assert chinese_dates_and_days("9月22—23日在纽约；5月15-16日；二十二至二十三日")[1] >= {15, 16, 22, 23}


def test_three_syllable_words_are_not_a_pinyin_name() -> None:
    assert chinese_name_keys("Minister Tan Wei Liang met Vice Premier Liu Yandong on Xi Jinping Thought.") == {
        "liuyandong", "xijinping"}


def test_a_day_named_relative_to_the_publication_day_can_agree_never_conflict() -> None:
    en = "On Jun. 30, Minister Li Ganjie met with UN Under-Secretary-General Erik Solheim in Saihanba for talks."
    zh = "新华社北京7月1日电 生态环境部部长李干杰昨日在塞罕坝会见了联合国副秘书长埃里克·索尔海姆，双方交换了意见。"
    opening = english_opening(_en(en))
    assert date_verdict(opening, dated_opening(zh, date(2018, 7, 5), date(2018, 7, 1)), frozenset({"7-1"})) == AGREE
    # Without the article's day (or with a repost's), 昨日 says nothing: the dateline's 7-1 conflicts.
    assert date_verdict(opening, dated_opening(zh, date(2018, 7, 5)), frozenset({"7-1"})) == CONFLICT
    assert chinese_relative_dates("今日中国：昨天下午会见；今天，", date(2018, 7, 1)) == {"6-30", "7-1"}


def test_the_opening_is_the_first_lead_chars_from_the_first_sentence_long_line():
    long_line, short = "生态环境部部长黄润秋6月5日在北京出席了世界环境日国家主场活动并讲话。", "图片"
    body = f"\n  {short}  \n\n {long_line} \n" + "\n".join(f"第{i}段。" * 10 for i in range(40))
    opening = opening_text(body, "zh")
    assert opening.startswith(long_line + "\n第0段。") and len(opening) == LEAD_CHARS
    assert opening_text(f"{short}\n\n{short}2", "zh") == f"{short}\n{short}2"  # none long enough: all of it
    assert opening_text("", "en") == opening_text(" \n \n", "en") == ""
    assert opening_text(f"{long_line}", "zh") == long_line
