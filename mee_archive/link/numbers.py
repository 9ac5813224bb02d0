"""Numbers and calendar dates in English and Chinese text, as language-neutral keys.

A translation keeps its figures: "25,000 tonnes" is "2.5万吨", "18 percent" is "18%" or
"百分之十八", "the 19th CPC National Congress" is "十九大". Each side is reduced to the
values it states, so figures meet whatever their script, grouping or multiplier. Units
and the percent sign are dropped on purpose: translators move them around. Dates become
"month-day" keys and are taken out before numbers, so a day of the month never counts as
a figure (the year stays, as a number).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import lru_cache

# Whole numbers below this are everywhere ("1", 一 in 统一) and are ignored; 2-9 count,
# weakly, as every key does in proportion to its rarity ("5 national standards").
MIN_PLAIN_INTEGER = 2


def led(starts: str, pattern: str) -> str:
    """``pattern`` after a look-ahead for the characters its matches start with (``starts``,
    the inside of a character set): the regular expression engine scans quickly from one
    such character to the next, where a pattern that starts with a word boundary or a
    look-behind is tried at every position (two to four times slower on long texts)."""
    return f"(?=[{starts}])(?:{pattern})"


def _initials(words: Iterable[str]) -> str:
    return "".join(sorted({word[0] for word in words}))


# Small numbers English spells out ("three-year action plan" is 三年行动计划).
_EN_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# (Searched in the lower-cased text: three times faster than ignoring case.)
_EN_NUMBER_WORD = re.compile(led(_initials(_EN_NUMBER_WORDS), rf"\b({'|'.join(_EN_NUMBER_WORDS)})\b"))

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
            ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
            ("September", "Sept", "Sep"), ("October", "Oct"), ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_DATE = re.compile(led(
    r"\d" + _initials(_MONTHS),
    rf"\b(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\b)"
))
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Capitalised words that are dates, not names (lower case).
CALENDAR_WORDS = frozenset(w.lower() for w in (*_MONTHS, *_WEEKDAYS))
_EN_WEEKDAY = re.compile(led(_initials(_WEEKDAYS), rf"\b({'|'.join(_WEEKDAYS)})\b"))
# A date a Chinese article states is at most this many days after its publication day.
_DATE_SLACK = timedelta(days=3)
# Figures start with a digit; one right after a digit, point or comma is the tail of
# another figure and is skipped (_arabic_keys). The check is made there, not by a
# look-behind here. A figure's pattern starts with one plain digit, then the alternatives
# (digit groups or not): the regular expression engine then jumps from digit to digit,
# twice as fast on long texts as with a look-ahead for a digit (led), and three to five
# times faster than a pattern that starts with a group of alternatives or a repeat, which
# is tried at every position.
_FIGURE = r"(\d(?:\d{0,2}(?:,\d{3})+|\d*))(\.\d+)?"
# Chinese text is searched for ASCII digits only, its full-width ones made ASCII first
# (_half_width): a class of them is tested twice as fast as \d, whose every test looks a
# character's Unicode category up, and other scripts' digits are not written in Chinese copy.
_ZH_FIGURE = _FIGURE.replace(r"\d", "[0-9]")
_EN_NUMBER = re.compile(_FIGURE + r"(?:\s*-?\s*(thousand|million|billion|trillion)\b)?")
_EN_MULTIPLIER = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

# Full-width digits; the full-width comma "，" is punctuation, never digit grouping.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_HAS_FULL_WIDTH = re.compile("[０-９．％]")
_ZH_DIGIT = "零〇一二两三四五六七八九"
_ZH_DIGITS = {c: v for v, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG_UNITS = {"万": 10**4, "亿": 10**8}
_ZH_NUM = f"[0-9]{{1,2}}|[{_ZH_DIGIT}十]{{1,3}}"
_ZH_NUMERAL_STARTS = f"0-9{_ZH_DIGIT}十"  # the characters a _ZH_NUM can start with


def _led_numeral(group: str, not_after: str = "") -> str:
    """``(?P<group>_ZH_NUM)`` written to start with one plain character class, so that the
    regular expression engine jumps from numeral to numeral (an alternative of repeats, or a
    look-ahead or look-behind first, is tried at every position: two to four times slower);
    ``not_after``, if given, is the inside of a character set the numeral may not follow."""
    behind = f"(?<![{not_after}].)" if not_after else ""  # the character before the first one
    return (f"(?P<{group}>[{_ZH_NUMERAL_STARTS}]{behind}"
            f"(?:(?<=[0-9])[0-9]?|(?<=[{_ZH_DIGIT}十])[{_ZH_DIGIT}十]{{0,2}}))")


_ZH_DATE = re.compile(f"{_led_numeral('m')}月(?P<d>{_ZH_NUM})[日号]")
# A day of the month without its month ("李克强8日下午会见", "当地时间18日"): news copy names
# the event day so when the month is the dateline's. Not after 月, 第, 〕 or another numeral
# (document numbers: "第5号", "〔2019〕12号"), not a span ("30日内"), and 号 only after
# 当地时间 (a pattern of its own, led by its literal: the days found are a set, and neither
# pattern's matches can hide the other's).
_ZH_DAY = re.compile(f"{_led_numeral('d', '月第〕' + _ZH_NUMERAL_STARTS)}日(?![内以之])")
_ZH_LOCAL_DAY = re.compile(f"当地时间(?P<d>{_ZH_NUM})[日号]")
# "22—23日", "22至23日": a span of days (the first has no 日 of its own).
_ZH_DAY_SPAN = re.compile(f"{_led_numeral('first')}[—–\\-~～至到](?P<last>{_ZH_NUM})[日号]")
# "September 22 and 23", "Sept 22-23": the second day of an English date range.
_EN_DATE_RANGE = re.compile(led(_initials(_MONTHS),
                                 rf"\b(?P<m>{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|-|to|–)\s*(?P<d>\d{{1,2}})\b"))
_ZH_ARABIC = re.compile(_ZH_FIGURE + r"\s*(万亿|亿|万|千)?")
# A run of numerals starts with a digit or 十: a lone 万/亿/百 is a word ("千万", "百姓").
_ZH_NUMERAL = re.compile(f"[{_ZH_DIGIT}十][{_ZH_DIGIT}十百千万亿]*")
_ZH_MULTIPLIER = {"千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
# A five-year plan by its number and 五 ("十三五" is the 13th Five-Year Plan, "十四五"
# the 14th), quoted or followed by what the plan names: the run of numerals alone is no number.
# Tenths ("八成" is 80 percent) and round amounts without a digit ("上万", "近千": more than
# or nearly ten thousand, a thousand), as English gives them in figures.
_ZH_TENTHS = re.compile(f"(?P<n>[{_ZH_DIGIT}])成(?![为立员功果本都绩熟就交长年])")
_ZH_ROUND = re.compile("[上近逾超数](?P<units>[十百千万亿]+)")  # the first character, not a look-behind: searched faster
_ZH_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
# Days named relative to the publication day, as news copy does ("昨日上午", "今天，"): only
# before a time of day, a comma or 在, since 今日 also names things ("今日中国").
_ZH_RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}
_ZH_RELATIVE = re.compile(f"({'|'.join(_ZH_RELATIVE_DAYS)})(?=[上下晚早，,在]|中午|凌晨|傍晚)")
_ZH_FIVE_YEAR_PLAN = re.compile(f"(?P<n>[{_ZH_DIGIT}十][{_ZH_DIGIT}十]{{0,2}})五(?=[”\"」’]|规划|时期|期间|以来|末|初)")


def value_key(value: float, plain_integer: bool = True) -> str | None:
    """The key of a stated value (four significant digits), or None if too common to count
    (or no finite number: a page may hold a run of hundreds of digits)."""
    if not math.isfinite(value):
        return None
    if plain_integer and value == int(value) and value < MIN_PLAIN_INTEGER:
        return None
    return f"{value:.4g}"


def _date_key(month: int, day: int) -> str | None:
    return f"{month}-{day}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def weekday_key(weekday: int) -> str:
    """The key of a day of the week (Monday is 0): "on Saturday" meets 12月24日 of 2016."""
    return f"wd{weekday}"


def weekday_keys(month_days: set[str], published: date | None) -> set[str]:
    """Weekday keys of month-day keys, each taken in the year that puts it on or just
    before the publication day."""
    if published is None:
        return set()
    keys = set()
    for key in month_days:
        month, day = (int(part) for part in key.split("-"))
        for year in (published.year, published.year - 1):
            try:
                stated = date(year, month, day)
            except ValueError:
                continue
            if stated <= published + _DATE_SLACK:
                keys.add(weekday_key(stated.weekday()))
                break
    return keys


def english_dates(text: str) -> tuple[set[str], str]:
    """Month-day and weekday keys of the dates in an English text, and the text without them
    (``without_english_dates``: made from the dates found, when no range is taken out first,
    which spares two more passes over a text of thousands of characters)."""
    keys = {weekday_key(_WEEKDAYS.index(name)) for name in _EN_WEEKDAY.findall(text)}
    dates, ranges = list(_EN_DATE.finditer(text)), list(_EN_DATE_RANGE.finditer(text))
    for match in dates:
        month = _MONTHS[match.group("m1") or match.group("m2")]
        keys.add(_date_key(month, int(match.group("d1") or match.group("d2"))))
    for match in ranges:
        keys.add(_date_key(_MONTHS[match.group("m")], int(match.group("d"))))
    keys.discard(None)
    return keys, without_english_dates(text) if ranges else _spaced_out(text, dates)


def _spaced_out(text: str, matches: list[re.Match[str]]) -> str:
    """``text`` with each of ``matches`` (non-overlapping, in order) replaced by a space: what
    ``pattern.sub(" ", text)`` gives when they are ``pattern.finditer(text)``."""
    pieces, end = [], 0
    for match in matches:
        pieces += (text[end:match.start()], " ")
        end = match.end()
    return "".join(pieces) + text[end:]


def without_english_dates(text: str) -> str:
    """An English text with its dates replaced by spaces (one for each)."""
    return _EN_DATE.sub(" ", _EN_DATE_RANGE.sub(" ", text))


def english_numbers(text: str) -> set[str]:
    """Keys of the figures an English text states (dates already removed)."""
    spelled = {value_key(_EN_NUMBER_WORDS.index(w) + 2) for w in _EN_NUMBER_WORD.findall(text.lower())}
    return _arabic_keys(_EN_NUMBER, _EN_MULTIPLIER, text) | spelled


def english_digit_figures(text: str) -> dict[str, tuple[float, float]]:
    """The figures an English text writes in digits (a spelled "two" may translate as no
    numeral at all: "the two sides" is 双方), key -> (value, half the unit of its last
    digit: how far the value it rounds can be; "1.2 million": 50,000, "24": 0)."""
    return {value_key(value, not fraction): (value, half_unit)
            for value, fraction, half_unit in _arabic_figures(_EN_NUMBER, _EN_MULTIPLIER, text)
            if value_key(value, not fraction) is not None}


def _arabic_keys(pattern: re.Pattern[str], multipliers: dict[str, float], text: str) -> set[str]:
    """Keys of Arabic figures matched as (whole, fraction, multiplier word) by ``pattern``."""
    keys = {value_key(value, not fraction) for value, fraction, _ in _arabic_figures(pattern, multipliers, text)}
    keys.discard(None)
    return keys


def _arabic_figures(pattern: re.Pattern[str], multipliers: dict[str, float],
                    text: str) -> Iterator[tuple[float, str | None, float]]:
    """(value, fraction as written, half the unit of the last digit) of each Arabic figure."""
    for match in pattern.finditer(text):
        if match.start() and (text[match.start() - 1].isdecimal() or text[match.start() - 1] in ".,"):
            continue  # inside another figure
        whole, fraction, multiplier = match.groups()
        scale = multipliers.get(multiplier or "", 1)
        half_unit = 0.5 * scale * 10.0 ** -(len(fraction) - 1) if fraction else (0.5 * scale if multiplier else 0.0)
        yield float(whole.replace(",", "") + (fraction or "")) * scale, fraction, half_unit


def zh_numeral(text: str) -> int | None:
    """The value of a run of Chinese numerals ("三千五百万", "十九", "二〇一八"), or None."""
    if all(c in _ZH_DIGITS for c in text):
        return int("".join(str(_ZH_DIGITS[c]) for c in text))
    total = section = 0
    digit: int | None = None
    for char in text:
        if char in ("零", "〇"):
            digit = None
        elif char in _ZH_DIGITS:
            if digit is not None:
                return None
            digit = _ZH_DIGITS[char]
        elif char in _ZH_UNITS:
            section += (1 if digit is None else digit) * _ZH_UNITS[char]
            digit = None
        else:
            total += ((section + (digit or 0)) or 1) * _ZH_BIG_UNITS[char]
            section, digit = 0, None
    return total + section + (digit or 0)


def _zh_int(text: str) -> int | None:
    return int(text) if text.isdigit() else zh_numeral(text)


def _half_width(text: str) -> str:
    """Full-width digits made ASCII (translating only when there are some: it is slow)."""
    return text.translate(_FULL_WIDTH) if _HAS_FULL_WIDTH.search(text) else text


def chinese_dates_and_numbers(text: str) -> tuple[set[str], set[str]]:
    """Month-day keys of the dates in a Chinese text, and the keys of the figures the rest
    states, in Arabic or Chinese numerals (the text made half-width once)."""
    dates, rest = _dates_in(_half_width(text))
    return dates, _numbers_in(rest)


def chinese_dates_and_days(text: str) -> tuple[set[str], set[int]]:
    """Month-day keys of the dates in a Chinese text, and the days of the month the rest
    states without their month ("8日下午", "当地时间18日"), both ends of a span of days
    ("22—23日", "9月22-23日") included (the text made half-width once)."""
    dates, rest = _dates_in(_half_width(text))
    return dates, _days_in(rest)


def _dates_in(text: str) -> tuple[set[str], str]:
    """Month-day keys of the dates in a half-width Chinese text, and the text without them."""
    keys, kept, end = set(), [], 0
    for match in _ZH_DATE.finditer(text):
        month, day = _zh_int(match.group("m")), _zh_int(match.group("d"))
        if month is not None and day is not None:
            keys.add(_date_key(month, day))
        kept.append(text[end:match.start()])  # the text without them, as _ZH_DATE.sub(" ") gives, in the same pass
        end = match.end()
    keys.discard(None)
    return keys, " ".join([*kept, text[end:]])


def chinese_relative_dates(text: str, published: date | None) -> set[str]:
    """Month-day keys of the days a Chinese text names relative to its publication day
    ("昨日上午", "今天，": yesterday, today)."""
    if published is None:
        return set()
    keys = {_date_key(d.month, d.day) for d in (published - timedelta(days=_ZH_RELATIVE_DAYS[word])
                                                 for word in _ZH_RELATIVE.findall(text))}
    keys.discard(None)
    return keys


def first_chinese_date(text: str) -> tuple[int, int] | None:
    """(month, day) of the first date a Chinese text states, if any."""
    for match in _ZH_DATE.finditer(_half_width(text)):
        month, day = _zh_int(match.group("m")), _zh_int(match.group("d"))
        if month is not None and day is not None and _date_key(month, day):
            return month, day
    return None


def _numbers_in(text: str) -> set[str]:
    """Keys of the figures a half-width Chinese text states, in Arabic or Chinese numerals."""
    text = text.replace("百分之", " ")
    keys = _arabic_keys(_ZH_ARABIC, _ZH_MULTIPLIER, text)
    if "五" in text:  # a pattern needing a character is not searched for in a text without it
        keys.update(value_key(n) for n in map(zh_numeral, _ZH_FIVE_YEAR_PLAN.findall(text)) if n is not None)
    if "成" in text:
        keys.update(value_key(10 * _ZH_DIGITS[n]) for n in _ZH_TENTHS.findall(text))
    keys.update(value_key(math.prod(_ZH_UNIT_VALUE[u] for u in units)) for units in _ZH_ROUND.findall(text))
    keys.update(map(_numeral_key, _ZH_NUMERAL.findall(text)))
    keys.discard(None)
    return keys


@lru_cache(maxsize=4096)
def _numeral_key(run: str) -> str | None:
    """The key of a run of Chinese numerals, or None: a text has hundreds of runs, mostly
    the same few (一, 十, 二十), and reading one is a Python loop."""
    value = zh_numeral(run)
    return None if value is None else value_key(value)


def _days_in(text: str) -> set[int]:
    """The days of the month a half-width Chinese text states (``chinese_dates_and_days``)."""
    days = set()
    for day in map(_zh_int, [*_ZH_DAY.findall(text), *_ZH_LOCAL_DAY.findall(text)]):
        if day is not None and 1 <= day <= 31:
            days.add(day)
    for match in _ZH_DAY_SPAN.finditer(text):
        days.update(d for d in map(_zh_int, match.groups()) if d is not None and 1 <= d <= 31)
    return days
