"""Figures and dates reduce to the same keys in English and Chinese."""

from datetime import date

from mee_archive.link.numbers import (
    chinese_dates_and_days, chinese_dates_and_numbers, english_dates, english_numbers, weekday_keys,
    without_english_dates, zh_numeral,
)


def _en(text: str) -> tuple[set[str], set[str]]:
    dates, rest = english_dates(text)
    return dates, english_numbers(rest)


def _zh(text: str) -> tuple[set[str], set[str]]:
    return chinese_dates_and_numbers(text)


def test_figures_meet_across_scripts_groupings_and_multipliers():
    _, en = _en("25,000 tonnes, 2.3 billion yuan, 18 percent, 1.5 million people, the 19th Congress")
    _, zh = _zh("2.5万吨，23亿元，百分之十八，150万人，十九大")
    assert en == zh == {"2.5e+04", "2.3e+09", "18", "1.5e+06", "19"}


def test_full_width_digits_and_chinese_numeral_years():
    _, zh = _zh("２０１８年空气质量优良天数比率为７９．３％，二〇一九年")
    assert {"2018", "79.3", "2019"} <= zh
    dates, figures = _zh("２０１９年６月３０日，当地时间１日")
    assert dates == {"6-30"} and figures == {"2019"}
    assert chinese_dates_and_days("６月３０日，当地时间１日")[1] == {1}


def test_dates_meet_and_their_days_are_not_figures():
    en_dates, en_numbers = _en("On Jun. 25, 2018 and on 3 March the ministry met")
    zh_dates, zh_numbers = _zh("2018年6月25日和三月三日")
    assert en_dates == {"6-25", "3-3"}
    assert zh_dates == {"6-25", "3-3"}
    assert "25" not in en_numbers and "25" not in zh_numbers
    assert "2018" in en_numbers and "2018" in zh_numbers


def test_small_and_spelled_numbers():
    _, en = _en("a three-year plan with 5 standards and 1 chapter")
    _, zh = _zh("三年行动计划，5项标准")
    assert en == zh == {"3", "5"}


def test_chinese_numerals():
    assert zh_numeral("三千五百万") == 35_000_000
    assert zh_numeral("一百零五") == 105
    assert zh_numeral("二〇一八") == 2018
    assert zh_numeral("十四五") is None
    # A lone 万 or 千 in a word is not a number.
    assert chinese_dates_and_numbers("千万不要，百姓")[1] == set()


def test_weekday_of_a_chinese_date_meets_an_english_weekday():
    en_dates, _ = _en("On Saturday, the minister met")
    zh_weekdays = weekday_keys({"12-24"}, date(2016, 12, 26))  # 24 December 2016: a Saturday
    assert en_dates == zh_weekdays == {"wd5"}
    # A date just after the publication day belongs to the year before.
    assert weekday_keys({"12-30"}, date(2017, 1, 2)) == {f"wd{date(2016, 12, 30).weekday()}"}


def test_a_figure_is_read_whole_whatever_its_digits_and_never_from_its_tail():
    assert english_numbers("１２３ tonnes") == {"123"}  # full-width digits in English text
    assert english_numbers("12 ３4 and ٣12") == {"12", "34", "312"}
    # ".25" and the "3" of "1.2.3" and the "5" of "1,2345" are tails of other figures
    assert english_numbers("version 1.2.3, code .25 and 1,2345") == {"1.2", "1234"}


def test_the_text_without_english_dates_is_the_same_whether_a_range_is_taken_out_first_or_not():
    for text in ("On Jun. 30 and on 2 July, 25 of them", "Sept 22 and 23, then Oct 1-7", "no date, 2018", "",
                 "June 5June 6", "the 31st of May 2019 (Friday)"):
        keys, rest = english_dates(text)
        assert rest == without_english_dates(text)
    assert english_dates("Met on Sept 22 and 23 in Beijing")[0] == {"9-22", "9-23"}
    assert english_dates("On Jun. 30, 12 plans")[1] == "On  , 12 plans"
