"""Is a candidate the text the English translates, or another telling of the same event?

Other outlets' reports, a broadcast's abridged script, the speech a release paraphrases:
they share the release's people, date and most of its words, so the bag of keys and the
event checks (correspond.py) cannot tell them from the original. Two things a translation
keeps can:

- **Its figures.** A translator does not invent a figure written in digits ("the 2030 Agenda", "24 projects",
  "461 km"); one the English states that the candidate never does is content the
  candidate lacks. The year of publication and the one either side are left out (Chinese
  copy leaves the current year implicit: "6月30日"), as is whatever English says in
  brackets (a translator's gloss: "the 13th Five-Year Plan (2016-2020)") and digits inside
  a word ("μg/m3", "CO2", "COVID-19": the Chinese may spell the word out), dates in
  figures ("2019-06-28"), times of day ("9:30 am" may be 九时半) and spans of years ("the 2018-2020 plan" may be 三年行动计划); a figure counts as
  stated when the candidate states one it rounds (translators round: 14245.1万元 is
  "142.45 million yuan", 117.8万 "1.2 million"); and only the
  English text a candidate of its length could cover is read (a Chinese character is
  about ``EN_CHARS_PER_ZH_CHAR`` English characters or more), so a shorter excerpt or
  copy is not blamed for what comes after its end.
- **Who said what.** A release that reports what people said ("Li said", "he pointed
  out that") translates a report that attributes it too (李干杰表示，... 他指出：...);
  the transcript of the speech itself, or the document a release sums up, attributes
  nothing. And a speech or a broadcast addresses its audience ("女士们、先生们",
  "各位观众"), which a report of it does not, nor its translation, unless the English is
  the speech too ("Ladies and gentlemen").

Both are read only for the best few candidates of each release (linker.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np

from mee_archive.link.numbers import english_digit_figures, led, without_english_dates

# English characters a Chinese character translates into, at least (real releases and
# their originals: 3 to 4.3).
EN_CHARS_PER_ZH_CHAR = 2.5
# Years this close to the English publication year are the event's own (often implicit).
OWN_YEAR_SPAN = 1
# Chinese figure keys keep four significant digits (numbers.value_key): their rounding.
KEY_ROUNDING = 5e-4
_BRACKETED = r"\([^()]*\)|\[[^\[\]]*\]"
# (Each pattern that starts with a look-behind is led by the characters its matches start
# with, numbers.led: the engine then skips from one to the next instead of trying each position.)
_IN_A_WORD = led(r"\d", r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][-\u2010\u2011]))\d[\w.]*")
# A date in figures ("2019-06-28", "28/06/2019"), with the time of a stamp: the Chinese
# gives it as 6月28日, a date.
_NUMERIC_DATE = led(r"\d", r"(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})"
                          r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?!\d)")
# A span of years ("the 2018-2020 action plan"): Chinese may say 三年 instead.
_YEAR_SPAN = led("12", r"(?<!\d)(?:19|20)\d\d\s*(?:-|\u2013|\u2014|to)\s*(?:19|20)\d\d(?!\d)")
# A time of day ("9:30 am" may be 九时半).
_TIME = led(r"\d", r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
# All of them in one pattern, tried in this order where one starts: one pass over a body
# instead of five (a quarter of the time).
_NOT_FIGURES = re.compile(led(r"\d([", "|".join((_BRACKETED, _IN_A_WORD, _NUMERIC_DATE, _YEAR_SPAN, _TIME))))
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# A reporting verb: how English releases attribute what was said ("said Li", "Li noted
# that", "stressed", "pointed out").
_EN_REPORTING = re.compile(
    r"(?<![A-Za-z])(?:said|says|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|pointed out|points out"
    r"|underlined|underscored|highlighted|remarked|added|urged|called on|called for)(?![A-Za-z])")
# The same in Chinese copy: the verb, then the comma or colon that opens what was said;
# a verb before what must be done ("强调要"); a quotation and who said it ("“……”刘友宾说。"); or,
# in a transcript or an interview, the speaker's name opening a line ("刘友宾："), which a
# page's furniture labels ("编辑：", "来源：", "记者：") are not.
_ZH_REPORTING = re.compile(r"(?:表示|指出|强调|说|认为|介绍|提出|要求|明确|希望|称|谈到|提到|重申|表明|呼吁|说道|透露|宣布)[，,：:]"
                           r"|(?:表示|指出|强调|认为)(?=要|应|将|必须)|[”」][^“”「」\n]{0,10}(?:说|表示|指出|强调)[。，,]"
                           r"|^(?!(?:责任)?编辑|来源|记者|作者|责编|时间|日期|摄影|通讯员|图片|出处|发布|原标题|链接)"
                           r"[\u3400-\u9fff]{2,4}[：:]", re.MULTILINE)
# Where a sentence ends: a line's end, or a full stop before a space or the text's end
# (not one inside a figure, "2.5"). Runs of digits are what a sentence with a figure has.
_SENTENCE_END = re.compile(r"\n|\.(?!\S)")
_DIGITS = re.compile(r"\d\d*")  # (as \d+, but led by a plain \d: scanned from digit to digit)
# A release that attributes at least this much in the text a candidate covers expects
# its original to attribute something.
MIN_ATTRIBUTIONS = 2
# A speech or a broadcast addresses its audience ("尊敬的……女士们、先生们", "各位观众"); a
# report of it does not, unless the English is the speech itself ("Ladies and gentlemen").
_ZH_ADDRESS = re.compile(r"各位观众|观众朋友|尊敬的|女士们|先生们|各位来宾|同志们|大家好")
# (Searched in the lower-cased body: three times faster than ignoring case.)
_EN_ADDRESS = re.compile("ladies and gentlemen|dear (?:friends|colleagues)|distinguished guests|excellenc|comrades")
# Where a speech's or a broadcast's address is: its first characters.
ADDRESS_CHARS = 800


@dataclass(frozen=True)
class Telling:
    """What an English release tells that a translation keeps: each figure (position of
    its first mention, key, value, half the unit of its last digit), the position of
    each reporting verb, and whether it addresses an audience (a speech's text)."""

    figures: tuple[tuple[int, str, float, float], ...]
    reporting: tuple[int, ...]
    addresses: bool = False


def english_telling(body: str, published: date | None) -> Telling:
    """The figures (outside brackets and the publication years) and reporting verbs of an
    English body, each at the character position it is first stated."""
    body = _NOT_FIGURES.sub(lambda m: " " * len(m.group()), body)  # positions kept
    own = {str(published.year + d) for d in range(-OWN_YEAR_SPAN, OWN_YEAR_SPAN + 1)} if published else set()
    first: dict[str, tuple[int, float, float]] = {}
    for start, sentence in _digit_sentences(without_english_dates(body)):
        for figure, (value, half_unit) in english_digit_figures(sentence).items():
            if figure not in own and not (_YEAR.match(figure) and not published):
                first.setdefault(figure, (start, value, half_unit))
    return Telling(tuple(sorted((at, f, value, half_unit) for f, (at, value, half_unit) in first.items())),
                   tuple(m.start() for m in _EN_REPORTING.finditer(body)), bool(_EN_ADDRESS.search(body.lower())))


def _digit_sentences(text: str) -> Iterator[tuple[int, str]]:
    """(start, text) of each sentence of ``text`` that holds a digit, in order: found from
    its digits, as most sentences have none."""
    ends = [match.start() for match in _SENTENCE_END.finditer(text)] + [len(text)]
    last = -1
    for match in _DIGITS.finditer(text):
        sentence = bisect_left(ends, match.start())
        if sentence != last:
            last = sentence
            start = ends[sentence - 1] + 1 if sentence else 0
            yield start, text[start:ends[sentence]]


@dataclass(frozen=True)
class Retold:
    """How a candidate retells an English release: the figures it never states, whether it
    attributes nothing where the English attributes much, and whether it addresses an
    audience the English report does not (the speech or the broadcast itself)."""

    missing_figures: tuple[str, ...]
    speech_untold: bool
    audience_addressed: bool = False

    @property
    def is_the_speech(self) -> bool:
        """Whether the candidate is what was said, not a report of it (one piece of evidence
        however it shows)."""
        return self.speech_untold or self.audience_addressed

    def evidence(self) -> dict:
        return {"figures_missing": list(self.missing_figures), "speech_untold": self.speech_untold,
                "audience_addressed": self.audience_addressed}


@dataclass(frozen=True)
class ChineseTelling:
    """What the telling check reads of a candidate: how much English it could be the
    original of, whether it attributes anything said, and whether it addresses an audience."""

    covered: int
    attributes: bool
    addresses: bool = False


def chinese_telling(zh_text: str) -> ChineseTelling:
    """The telling of a candidate's (simplified) text."""
    return ChineseTelling(covered_chars(zh_text), bool(_ZH_REPORTING.search(zh_text)),
                          bool(_ZH_ADDRESS.search(zh_text, 0, ADDRESS_CHARS)))


def covered_chars(zh_text: str) -> int:
    """How much English text a Chinese text of this length could be the original of."""
    codes = np.frombuffer(zh_text.encode("utf-32-le"), dtype=np.uint32)
    return int(EN_CHARS_PER_ZH_CHAR * np.count_nonzero((codes >= 0x3400) & (codes <= 0x9FFF)))


def _stated(value: float, half_unit: float, values: list[float]) -> bool:
    """Whether sorted ``values`` hold one that ``value`` rounds (to ``half_unit``, allowing
    for the keys' own rounding)."""
    slack = half_unit + KEY_ROUNDING * value
    low = bisect_left(values, value - slack)
    return low < len(values) and values[low] <= value + slack


def retold(telling: Telling, zh: ChineseTelling, zh_figures: frozenset[str]) -> Retold:
    """Compare an English release's telling with a candidate's (and its figure keys, as
    features.py reads them)."""
    values = sorted(float(f) for f in zh_figures)
    missing = tuple(f for at, f, value, half_unit in telling.figures
                    if at < zh.covered and not _stated(value, half_unit, values))
    attributions = sum(1 for at in telling.reporting if at < zh.covered)
    return Retold(missing, attributions >= MIN_ATTRIBUTIONS and not zh.attributes, zh.addresses and not telling.addresses)
