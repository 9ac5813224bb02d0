"""Chinese search by bigram phrases, on a database of a few texts: two-character words inside
longer ones, no scattered matches, traditional queries, and the query rewriting."""

from __future__ import annotations

import sqlite3

import pytest

from mee_archive.research.ftsquery import QueryError, to_fts
from mee_archive.research.schema import DDL
from mee_archive.research.snippet import zh_snippet
from mee_archive.research.tokenize_zh import index_text

TEXTS = [
    "中央生态环境保护督察组进驻重庆",  # 督察 inside 督察组
    "细颗粒物（PM2.5）平均浓度下降",  # 细颗粒物 together
    "细心的工作人员发现颗粒状物质",  # 细 颗 粒 物 scattered
    "推进长江保护修复攻坚战",
    "臭氧层保护",
]


@pytest.fixture
def db() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.executescript(DDL)
    for rowid, text in enumerate(TEXTS, 1):
        db.execute("INSERT INTO zh_fts(rowid, title, body) VALUES (?, '', ?)", (rowid, index_text(text)))
    return db


def found(db: sqlite3.Connection, query: str) -> set[int]:
    return {r for (r,) in db.execute("SELECT rowid FROM zh_fts WHERE zh_fts MATCH ?", (to_fts(query, chinese=True),))}


def test_two_character_words_are_found_inside_longer_words(db: sqlite3.Connection) -> None:
    assert found(db, "督察") == {1}
    assert found(db, "长江") == {4}
    assert found(db, "臭氧") == {5}


def test_a_four_character_word_does_not_match_its_characters_scattered(db: sqlite3.Connection) -> None:
    assert found(db, "细颗粒物") == {2}


def test_traditional_characters_find_simplified_text(db: sqlite3.Connection) -> None:
    assert found(db, "長江") == {4}
    assert found(db, "細顆粒物") == {2}


def test_operators_phrases_and_latin_words(db: sqlite3.Connection) -> None:
    assert found(db, "长江 OR 臭氧") == {4, 5}
    assert found(db, "保护 NOT 长江") == {1, 5}
    assert found(db, "PM2.5") == {2}
    assert found(db, '"长江保护"') == {4}
    assert found(db, "督*") == {1}


@pytest.mark.parametrize("query", ["", "   ", "AND", "OR NOT", '"open'])
def test_unusable_queries_are_refused(query: str) -> None:
    with pytest.raises(QueryError):
        to_fts(query, chinese=False)


def test_english_words_fts5_would_reject_become_phrases() -> None:
    assert to_fts("PM2.5 inspections*", chinese=False) == '"PM2.5" inspections*'


def test_snippet_marks_the_query_words_in_the_original_characters() -> None:
    assert zh_snippet("二〇一九年長江保護修復", "长江", width=5) == "二〇一九年[長江]保護修復"


def test_a_column_filter_covers_every_phrase_of_a_mixed_script_word() -> None:
    db = sqlite3.connect(":memory:")
    db.executescript(DDL)
    db.execute("INSERT INTO zh_fts(rowid, title, body) VALUES (1, ?, '')", (index_text("PM2.5与臭氧协同控制"),))
    db.execute("INSERT INTO zh_fts(rowid, title, body) VALUES (2, ?, ?)", (index_text("PM2.5浓度"), index_text("臭氧")))
    assert found(db, "title:PM2.5臭氧") == {1}
