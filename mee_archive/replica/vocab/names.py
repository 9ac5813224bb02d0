"""Invented Chinese personal names and their pinyin, plus the ministry's officials by period.

Names are composed from characters whose reading is unambiguous, so that pypinyin gives the same
romanisation an English release prints (surname first, given name joined: 周明远 -> Zhou Mingyuan).
The officials are invented, not real people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from random import Random

SURNAMES: dict[str, str] = {
    "王": "Wang", "张": "Zhang", "刘": "Liu", "陈": "Chen", "杨": "Yang", "黄": "Huang",
    "赵": "Zhao", "吴": "Wu", "周": "Zhou", "徐": "Xu", "孙": "Sun", "马": "Ma", "朱": "Zhu",
    "胡": "Hu", "郭": "Guo", "何": "He", "林": "Lin", "罗": "Luo", "高": "Gao", "郑": "Zheng",
    "梁": "Liang", "谢": "Xie", "宋": "Song", "唐": "Tang", "韩": "Han", "冯": "Feng",
    "邓": "Deng", "曹": "Cao", "彭": "Peng", "潘": "Pan", "袁": "Yuan", "蒋": "Jiang",
    "蔡": "Cai", "杜": "Du", "叶": "Ye", "程": "Cheng", "魏": "Wei", "苏": "Su", "丁": "Ding",
    "任": "Ren", "沈": "Shen", "姚": "Yao", "钟": "Zhong", "田": "Tian", "方": "Fang",
}

GIVEN: dict[str, str] = {
    "明": "ming", "远": "yuan", "立": "li", "新": "xin", "文": "wen", "海": "hai", "建": "jian",
    "国": "guo", "丽": "li", "娟": "juan", "志": "zhi", "强": "qiang", "波": "bo", "晓": "xiao",
    "东": "dong", "平": "ping", "华": "hua", "云": "yun", "飞": "fei", "林": "lin", "书": "shu",
    "春": "chun", "红": "hong", "军": "jun", "伟": "wei", "芳": "fang", "敏": "min", "静": "jing",
    "磊": "lei", "洋": "yang", "勇": "yong", "杰": "jie", "涛": "tao", "斌": "bin", "鹏": "peng",
    "辉": "hui", "玲": "ling", "峰": "feng", "宇": "yu", "凯": "kai", "琳": "lin", "浩": "hao",
    "颖": "ying", "慧": "hui", "超": "chao", "荣": "rong", "振": "zhen", "清": "qing",
    "松": "song", "宏": "hong", "学": "xue", "冬": "dong", "森": "sen",
}


@dataclass(frozen=True)
class Person:
    """A name as the Chinese text writes it and as the English translation prints it."""

    zh: str
    en: str

    @property
    def surname_en(self) -> str:
        """How later sentences of a release refer to the person ("Zhou said ...")."""
        return self.en.split(" ", 1)[0]


def person(zh: str) -> Person:
    """Romanise a name written with the characters above: surname, then the given name joined."""
    surname, given = zh[0], zh[1:]
    return Person(zh, f"{SURNAMES[surname]} {''.join(GIVEN[c] for c in given).capitalize()}")


_SURNAME_CHARS = tuple(SURNAMES)
_GIVEN_CHARS = tuple(GIVEN)


def random_person(rng: Random) -> Person:
    """A fresh name: a surname and one or two given-name characters."""
    given = "".join(rng.sample(_GIVEN_CHARS, rng.choice((1, 2, 2, 2))))
    return person(rng.choice(_SURNAME_CHARS) + given)


@dataclass(frozen=True)
class Term:
    """Who held a post from ``start`` until the next term begins."""

    start: date
    holder: Person


def _terms(*pairs: tuple[str, str]) -> tuple[Term, ...]:
    return tuple(Term(date.fromisoformat(d), person(n)) for d, n in pairs)


MINISTERS = _terms(("2000-01-01", "周明远"), ("2020-04-20", "韩立新"), ("2031-03-01", "林书华"))
SPOKESPERSONS = _terms(("2000-01-01", "宋建华"), ("2022-06-01", "高云飞"), ("2030-01-01", "蒋晓琳"))
VICE_MINISTERS = (
    _terms(("2000-01-01", "黄文海"), ("2019-02-01", "邓建国"), ("2027-05-01", "彭志强")),
    _terms(("2000-01-01", "孙丽娟"), ("2021-09-01", "郑海波"), ("2029-01-01", "姚春红")),
    _terms(("2000-01-01", "徐志强"), ("2018-08-01", "马晓东"), ("2025-07-01", "程宏伟")),
    _terms(("2000-01-01", "谢国平"), ("2023-03-01", "杜清松"), ("2033-01-01", "魏敏")),
)


def holder(terms: tuple[Term, ...], day: date) -> Person:
    """The person in office on ``day``."""
    current = terms[0].holder
    for term in terms:
        if term.start <= day:
            current = term.holder
    return current


def minister(day: date) -> Person:
    return holder(MINISTERS, day)


def spokesperson(day: date) -> Person:
    return holder(SPOKESPERSONS, day)


def vice_ministers(day: date, rng: Random, k: int) -> list[Person]:
    """``k`` different vice ministers in office on ``day``."""
    return [holder(terms, day) for terms in rng.sample(VICE_MINISTERS, k)]
