"""A highlighted excerpt of Chinese text around the query's words.

FTS5's snippet() would show zh_fts's bigrams, so the excerpt is cut from the stored text: the
window around the first occurrence of a query word, every occurrence in it marked."""

from __future__ import annotations

import re

from mee_archive.link.resources import to_simplified
from mee_archive.research.tokenize_zh import han_words

WIDTH = 30  # characters on each side of the first match


def zh_snippet(text: str, query: str, mark: tuple[str, str] = ("[", "]"), width: int = WIDTH) -> str:
    text = (text or "").replace("\n\n", " ")
    words = sorted(set(han_words(query)), key=len, reverse=True)
    simplified = to_simplified(text)  # same length as text: OpenCC t2s maps character for character
    first = min((i for w in words if (i := simplified.find(w)) >= 0), default=-1)
    if first < 0:
        return text[: 2 * width] + ("…" if len(text) > 2 * width else "")
    start, end = max(first - width, 0), min(first + 2 * width, len(text))
    window = simplified[start:end]
    if not words:
        return text[start:end]
    pattern = re.compile("|".join(map(re.escape, words)))
    original = text[start:end]
    pieces, last = [], 0
    for m in pattern.finditer(window):
        pieces += [original[last:m.start()], mark[0], original[m.start():m.end()], mark[1]]
        last = m.end()
    pieces.append(original[last:])
    return ("…" if start else "") + "".join(pieces) + ("…" if end < len(text) else "")
