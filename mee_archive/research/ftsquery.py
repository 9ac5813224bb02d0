"""A researcher's query in FTS5 syntax, once for the English index and once for the Chinese one.

Accepted: words, "quoted phrases", prefix*, AND, OR, NOT, parentheses and ``title:``/``body:``.
Words FTS5 would reject as barewords (PM2.5, COVID-19) become phrases; in the Chinese form every
run of Chinese characters becomes a phrase of bigrams (tokenize_zh.py), after OpenCC turned
traditional characters into simplified ones.
"""

from __future__ import annotations

import re

from mee_archive.link.resources import to_simplified
from mee_archive.research.tokenize_zh import HAN, phrase

OPERATORS = {"AND", "OR", "NOT"}
_TOKEN = re.compile(r'\s*(?:(?P<quote>"(?:[^"]|"")*")|(?P<paren>[()])|(?P<word>[^\s()"]+))')
_BARE = re.compile(r"^[A-Za-z0-9_]+$")
_PIECES = re.compile(f"[{HAN}]+|[^{HAN}]+")
_COLUMN = re.compile(r"^(title|body):(.+)$")


class QueryError(ValueError):
    """A query that cannot be searched: empty, unbalanced, or rejected by FTS5."""


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _english_word(word: str) -> str:
    star = word.endswith("*") and len(word) > 1
    core = word[:-1] if star else word
    return (core if _BARE.match(core) else _quoted(core)) + ("*" if star else "")


def _chinese_word(word: str) -> str:
    star = word.endswith("*") and len(word) > 1
    core = word[:-1] if star else word
    parts = [phrase(p) if re.match(f"[{HAN}]", p) else _english_word(p) for p in _PIECES.findall(core)]
    return " ".join(parts) + ("*" if star and not parts[-1].endswith("*") else "")


def _chinese_phrase(inner: str) -> str:
    grams = [" ".join(p[i:i + 2] for i in range(max(len(p) - 1, 1))) if re.match(f"[{HAN}]", p) else p
             for p in _PIECES.findall(inner)]
    return _quoted(" ".join(grams))


def to_fts(query: str, *, chinese: bool) -> str:
    """``query`` rewritten for en_fts (``chinese=False``) or zh_fts; QueryError if it is unusable."""
    text = to_simplified(query).strip() if chinese else query.strip()
    if text.count('"') % 2:
        raise QueryError(f"unbalanced quote in {query!r}")
    out: list[str] = []
    terms = 0
    for match in _TOKEN.finditer(text):
        quote, paren, word = match.group("quote", "paren", "word")
        if paren:
            out.append(paren)
            continue
        column = ""
        if word and (named := _COLUMN.match(word)):
            column, word = named.group(1) + ": ", named.group(2)
        if quote:
            inner = quote[1:-1].replace('""', '"')
            out.append(_chinese_phrase(inner) if chinese else _quoted(inner))
        elif word in OPERATORS:
            out.append(word)
            continue
        else:
            rewritten = _chinese_word(word) if chinese else _english_word(word)
            # A mixed-script word is several phrases: the column applies to all of them.
            out.append(column + (f"({rewritten})" if column and " " in rewritten else rewritten))
            terms += 1
            continue
        out[-1] = column + out[-1]
        terms += 1
    if not terms:
        raise QueryError("empty query: give at least one word")
    return " ".join(out)
