"""TMX 1.4 of the linked pairs: each pair's titles, and its paragraphs where the alignment is
confident (align.py), so a translation-memory tool gets no guessed units."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from mee_archive import __version__


def _tu(en: str, zh: str, props: dict[str, Any]) -> str:
    prop = "".join(f'<prop type={quoteattr(k)}>{escape(str(v))}</prop>' for k, v in props.items())
    return (f'  <tu>{prop}<tuv xml:lang="en"><seg>{escape(en)}</seg></tuv>'
            f'<tuv xml:lang="zh-CN"><seg>{escape(zh)}</seg></tuv></tu>\n')


def write_tmx(pairs: Iterable[dict[str, Any]], out: IO[str]) -> tuple[int, int]:
    """Write the pairs; return (pairs, translation units)."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
              f'<header creationtool="mee-archive" creationtoolversion="{__version__}" datatype="plaintext" '
              'segtype="paragraph" adminlang="en" srclang="en" o-tmf="mee-archive"/>\n<body>\n')
    count = units = 0
    for count, pair in enumerate(pairs, 1):
        en, zh = pair["en"], pair["zh"]
        props = {"x-en-url": en["url"], "x-zh-url": zh["url"], "x-link-score": pair["score"]}
        out.write(_tu(en["title"], zh["title"], {**props, "x-part": "title"}))
        units += 1
        for bead in pair["alignment"]:
            if bead["confident"]:
                out.write(_tu(en["paragraphs"][bead["en"][0]], zh["paragraphs"][bead["zh"][0]],
                              {**props, "x-part": f"paragraph {bead['en'][0] + 1}/{bead['zh'][0] + 1}"}))
                units += 1
    out.write("</body>\n</tmx>\n")
    return count, units
