"""What a story builder returns, and the phrasing both languages share (dates, numbers).

A story is one event told twice: the Chinese original (plus related coverage of the same event
in other channels) and the English release, a faithful but condensed translation with the same
facts: names in pinyin, places in English, the same numbers and dates, sometimes "recently".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from random import Random
from typing import Callable

ZH_DIGITS = "零一二三四五六七八九十"
EN_ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
               "eighth", "ninth", "tenth")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
EN_MONTHS_SHORT = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.",
                   "Oct.", "Nov.", "Dec.")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class ZhText:
    """A Chinese article's text and where it is published."""

    title: str
    paragraphs: tuple[str, ...]
    channel: str = "hjywnews"
    template: str = "channel"  # "channel", "xxgk2018" or "legacy" (see model.ZhArticle)
    source: str = "生态环境部"
    attachments: tuple[str, ...] = ()  # titles of attached PDFs


@dataclass(frozen=True)
class Story:
    """One event: its Chinese original (None: the English has no original) and English release."""

    original: ZhText | None
    en_title: str
    en_paragraphs: tuple[str, ...]
    related: tuple[ZhText, ...] = ()  # other Chinese coverage of the same event
    images: tuple[str, ...] = ()  # English captions
    attachments: tuple[str, ...] = ()  # English titles of attached PDFs
    others: tuple[ZhText, ...] = ()  # other events of the same people: another date, place, agenda


@dataclass(frozen=True)
class Occasion:
    """When the event happened and when its Chinese original is published."""

    event: date
    published: date


Builder = Callable[[Random, Occasion], Story]

XXGK_FROM = date(2018, 1, 1)  # documents moved from the legacy /gkml/ pages to /xxgk2018/


def document_place(rng: Random, day: date) -> tuple[str, str]:
    """Where a ministry document published on ``day`` lives: (template, channel)."""
    if day >= XXGK_FROM:
        return "xxgk2018", rng.choice(("xxgk02", "xxgk03", "xxgk06"))
    return "legacy", rng.choice(("bgth", "bwj", "qt"))


def zh_date(day: date, with_year: bool = False) -> str:
    """``4月12日``, or ``2018年4月12日``."""
    year = f"{day.year}年" if with_year else ""
    return f"{year}{day.month}月{day.day}日"


# How MEE's translators variously wrote a date: "April 12, 2018", "Apr. 12, 2018", "12 April 2018".
EN_DATE_STYLES = ("{month} {day}{comma_year}", "{short} {day}{comma_year}", "{day} {month}{space_year}")
EN_DATE_CUM_WEIGHTS = (10, 17, 20)


def en_dates(rng: Random, *days: date, with_year: bool = False) -> list[str]:
    """Several dates in one style, as one translator writes them in one sentence."""
    style = rng.choices(EN_DATE_STYLES, cum_weights=EN_DATE_CUM_WEIGHTS)[0]
    return [style.format(month=EN_MONTHS[d.month - 1], short=EN_MONTHS_SHORT[d.month - 1], day=d.day,
                         comma_year=f", {d.year}" if with_year else "",
                         space_year=f" {d.year}" if with_year else "") for d in days]


def en_date(rng: Random, day: date, with_year: bool = False) -> str:
    return en_dates(rng, day, with_year=with_year)[0]


def en_when(rng: Random, day: date) -> str:
    """The English for "on that day": a date mostly, a weekday or "recently" sometimes, or nothing."""
    options = (f"on {en_date(rng, day)}", f"on {EN_WEEKDAYS[day.weekday()]}", "recently", "")
    return rng.choices(options, cum_weights=(7, 8, 9, 10))[0]


def lead(when: str, clause: str) -> str:
    """Start a sentence with an optional time adverbial: ``On May 3, the ministry ...``."""
    if not when:
        return clause[0].upper() + clause[1:]
    return f"{when[0].upper()}{when[1:]}, {clause}"


def dated(rng: Random, occasion: Occasion, zh: str, en: str) -> tuple[str, str]:
    """An opening in both languages: "5月12日，..." and "On May 12, ..." (or a weekday, "recently", nothing)."""
    return f"{zh_date(occasion.event)}，{zh}", lead(en_when(rng, occasion.event), en)


def zh_count(n: int) -> str:
    """Small counts as Chinese numerals (第三批); larger ones in digits, as the ministry writes them."""
    return ZH_DIGITS[n] if n <= 10 else str(n)


def en_ordinal(n: int) -> str:
    if n < len(EN_ORDINALS):
        return EN_ORDINALS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def en_number(n: int) -> str:
    return f"{n:,}"


def en_yuan(wan: float) -> str:
    """An amount the Chinese gives in 万元, as English gives it: ``12.35 million yuan``."""
    yuan = round(wan * 10000)
    if yuan >= 1_000_000:
        return f"{yuan / 1_000_000:.2f}".rstrip("0").rstrip(".") + " million yuan"
    return f"{yuan:,} yuan"


def zh_wan(wan: float) -> str:
    return f"{wan:.2f}".rstrip("0").rstrip(".") + "万元"


def zh_list(items: list[str]) -> str:
    return "、".join(items)


def en_list(items: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def headline(phrase: str) -> str:
    """A phrase as headlines use it, without its leading article: "the Bohai Sea" -> "Bohai Sea"."""
    return phrase.removeprefix("the ")


def pick(rng: Random, *options: str) -> str:
    """One wording among several: translations are written, not looked up."""
    return rng.choice(options)


def condense(rng: Random, pairs: list[tuple[str, str | None]], keep: int = 2) -> tuple[str, ...]:
    """The English of ``pairs`` (zh, en): the first ``keep`` always, later ones mostly.

    A pair whose English is None is a Chinese-only passage (political phrasing) the translator
    leaves out.
    """
    out = []
    for index, (_, en) in enumerate(pairs):
        if en is not None and (index < keep or rng.random() < 0.8):
            out.append(en)
    return tuple(out)


def chinese(pairs: list[tuple[str, str | None]]) -> tuple[str, ...]:
    return tuple(zh for zh, _ in pairs)
