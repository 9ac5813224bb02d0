"""Clean text: whitespace normalisation and the English site's boilerplate.

Normalisation never applies Unicode NFKC, which would turn Chinese full-width punctuation
(，（）：) into ASCII and change the text; it only fixes whitespace. The boilerplate
patterns come from the reader-visible text of real release pages (shared/example-release.txt
and the generations A/A2/B/C in shared/site-spec.md); each must match a whole line, so that a
body sentence that merely mentions "copyright" or "registration" is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# Characters that take no room and only break matching (zero-width space/joiners, BOM).
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Characters plain text must not carry, removed from every text field: C0 controls except the
# whitespace ones (tab, line feed, vertical tab, form feed, carriage return: they separate
# words, and normalisation folds them into spaces), DEL, C1 controls (terminal escapes, NUL, bells), and the bidirectional marks,
# embeddings, overrides and isolates (U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069), which can
# make a title display reversed or hide text ("Trojan source"). Neither site's text needs them:
# English and Chinese run left to right.
_NOT_PLAIN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# A line break between two CJK characters is an artefact of the HTML source, not a space.
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])[ \t\u3000]*[\r\n][\\s\u3000]*(?=[{_CJK}])")


# What normalize removes outright, in one pass: _NOT_PLAIN and _ZERO_WIDTH as one class.
_REMOVED = re.compile(f"[{_NOT_PLAIN.pattern[1:-1]}{_ZERO_WIDTH.pattern[1:-1]}]")


def plain(text: str) -> str:
    """The text without control and bidirectional-formatting characters (see _NOT_PLAIN)."""
    return _NOT_PLAIN.sub("", text)


def normalize(text: str) -> str:
    """One paragraph's text as plain text with whitespace normalised.

    Control and bidi-formatting characters (:func:`plain`) and zero-width characters are removed, full-width indents and nbsp become spaces, runs of
    whitespace collapse to one space (none at all for a line break inside Chinese text),
    and the ends are stripped. Called for every block of every page, so the passes that cannot
    change the text are skipped (most blocks of a page are only whitespace).
    """
    if text.isspace() or not text:
        return ""
    # Already normal: printable (so no control, zero-width, bidi or line-break character and
    # no space but U+0020), no double space, nothing to strip; page objects' lines are
    # normalised again by the boilerplate rules, and most single-line blocks are so.
    if text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text
    text = _REMOVED.sub("", text)
    if ("\n" in text or "\r" in text) and not text.isascii():  # _CJK_BREAK needs a line break
        text = _CJK_BREAK.sub("", text)
    # Whitespace folds into one ASCII space: nbsp, the U+2000 spaces, full-width U+3000 (the
    # Chinese paragraph indent), narrow nbsp and ordinary whitespace are all str.isspace(), so
    # str.split() folds them, without a regex pass.
    return " ".join(text.split())


def join_paragraphs(paragraphs: list[str]) -> str:
    """The `body` form of paragraphs: separated by one blank line."""
    return "\n\n".join(paragraphs)


def _line(pattern: str) -> re.Pattern[str]:
    """A boilerplate pattern that must match a whole normalised line, case-insensitively."""
    return re.compile(rf"^(?:{pattern})$", re.IGNORECASE)


_DATE = r"\d{4}\s*-\s*\d{1,2}\s*-\s*\d{1,2}"

# Generation A: "Hot Keywords: inspection air water soil pollution"; A2 "Hot Keywords: Belt
# and Road inspection air water"; B and C: "中文 Hot Keywords:" (language switch glued on).
HOT_KEYWORDS = _line(r"(?:中文\s*)?(?:\|\s*)?Hot\s*Keywords\s*[:：].{0,120}")
# Generation C masthead lines: "MINISTRY OF ECOLOGY AND ENVIRONMENT", "THE PEOPLE'S REPUBLIC
# OF CHINA", "Mobile", also found glued together, or with the "中文" switch, on one line.
MASTHEAD = _line(
    r"(?:(?:MINISTRY OF ECOLOGY AND ENVIRONMENT|THE PEOPLE['’]S REPUBLIC OF CHINA|OF THE PEOPLE['’]S"
    r" REPUBLIC OF CHINA|Mobile|中文|English)\s*[|｜]?\s*)+"
)
# Generation A breadcrumb "Home > News > News Release" (separators may be ›, », /).
BREADCRUMB = _line(r"Home(?:\s*[>›»/]\s*[^>›»/]{1,40}){1,5}")
# Generations B and C print the section name above the title.
SECTION_NAME = _line(r"News\s*Releases?")
# Generation B: "Article type: Translated 2018-07-02 Font Size:[ S M L ] [Print] [Close]".
ARTICLE_TYPE = _line(r"Article\s*type\s*[:：].{0,120}")
# The same widgets when the markup puts them on lines of their own.
PAGE_TOOLS = _line(r"(?:(?:Font\s*Size\s*[:：]?\s*)?\[?\s*S\s*M\s*L\s*\]?|\[?\s*(?:Print|Close)\s*\]?|\s)+")
# Generation C: "Source: Translated by Information Center, MEE2018-12-22" (date glued on).
SOURCE_LINE = _line(rf"Source\s*[:：][^.!?]{{0,80}}?{_DATE}")
# Every generation: the notice under the body (note the missing space after "only." in
# example-release.txt), with or without its parentheses.
_NOTICE_WORDS = r"This\s+English\s+version\s+is\s+for\s+your\s+reference\s+only\b"
TRANSLATION_NOTICE = re.compile(rf"\(?\s*{_NOTICE_WORDS}[^()]*\)?", re.IGNORECASE)
# Whether a text holds the notice is whether it holds these words (the rest of the pattern is
# optional): searched without the optional "(" and spaces, a third of the time over a page.
_NOTICE_FOUND = re.compile(_NOTICE_WORDS, re.IGNORECASE)
# Footer: "Copyright©2015-2016 | Statement | Sitemap | Contact us" (example-release.txt).
COPYRIGHT = _line(r"Copyright\s*(?:©|\(c\)|&copy;)\s*[\d\s\-–—,]*(?:[|｜].{0,80})?")
# The footer links without the copyright: "Statement | Sitemap | Contact us" (two at least:
# a lone "Statement" may be a body subheading).
_FOOTER_LINK = r"(?:Statement|Sitemap|Site\s*map|Contact\s*us)"
FOOTER_LINKS = _line(rf"{_FOOTER_LINK}(?:\s*[|｜]?\s*{_FOOTER_LINK})+")
# Footer: "Registration Number: 05009132".
REGISTRATION = _line(r"Registration\s*Number\s*[:：]\s*[\w\-]{1,30}")
# Footer: "All rights reserved. The content (including but not limited to text, photo,
# multimedia information, etc) published in this site belongs to …" (owner name omitted).
ALL_RIGHTS = _line(r"All\s+rights\s+reserved\.?\s*(?:The\s+content\b.{0,200}published\s+in\s+this\s+site\s+belongs\s+to\b.{0,120})?")
# Footer: "Without written authorization from …, such content shall not be republished or
# used in any form."
WITHOUT_AUTHORIZATION = _line(r"Without\s+written\s+authorization\s+from\b.{0,120}shall\s+not\s+be\s+republished\b.{0,60}")

# Lines that are never part of a release, wherever they stand.
BOILERPLATE_LINES = (
    HOT_KEYWORDS,
    MASTHEAD,
    BREADCRUMB,
    SECTION_NAME,
    ARTICLE_TYPE,
    PAGE_TOOLS,
    SOURCE_LINE,
    COPYRIGHT,
    FOOTER_LINKS,
    REGISTRATION,
    ALL_RIGHTS,
    WITHOUT_AUTHORIZATION,
)
# The site footer: nothing of the release follows its first line, so on a whole-page
# fallback everything from there on (including navigation of unknown layout) is dropped.
FOOTER_START = (COPYRIGHT, FOOTER_LINKS, REGISTRATION, ALL_RIGHTS, WITHOUT_AUTHORIZATION)
# Navigation-like lines (menus, keyword links) above a repeated title: short, not sentences.
_NAVIGATION_MAX = 80
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", ".)", ".”", '."')


def has_translation_notice(text: str, normalized: bool = False) -> bool:
    """True when the text carries the "(This English version is for your reference only…)" notice;
    ``normalized``: the text is normalised already (a page's lines joined by spaces), and
    normalising the whole page's text once more would change nothing."""
    return _NOTICE_FOUND.search(text if normalized else normalize(text)) is not None


# Flags a pattern may carry and still be one alternative of a combined pattern, as a scoped
# group ``(?i:…)``; a pattern with others (ASCII, LOCALE), or with groups (a backreference's
# number would change), is tried on its own.
_SCOPED_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s", re.VERBOSE: "x"}


@lru_cache(maxsize=16)
def matches_any(patterns: tuple[re.Pattern[str], ...]) -> Callable[[str], bool]:
    """Whether ``any(p.match(line) for p in patterns)``, asked of one pattern that holds them all
    as alternatives: boilerplate is checked on every line of every page, and one regex call
    costs a tenth of a dozen. Made once per tuple of patterns (a test or a re-derive may add a
    rule to BOILERPLATE_LINES)."""
    combinable = [p for p in patterns if not p.groups and not p.flags & ~(re.UNICODE | sum(_SCOPED_FLAGS))]
    alone = [p for p in patterns if p not in combinable]
    scoped = ["(?{}:{})".format("".join(c for f, c in _SCOPED_FLAGS.items() if p.flags & f), p.pattern)
              if p.flags & sum(_SCOPED_FLAGS) else f"(?:{p.pattern})" for p in combinable]
    combined = re.compile("|".join(scoped)).match if scoped else None

    def match(line: str) -> bool:
        return (combined is not None and combined(line) is not None) or any(p.match(line) for p in alone)

    return match


def _boilerplate_test() -> Callable[[str], bool]:
    """Whether a line is boilerplate, by the rules BOILERPLATE_LINES holds now: looked up once
    per page, not once per line (the lookup hashes every pattern, 2 us, twice the match)."""
    rules = matches_any(BOILERPLATE_LINES)
    return lambda line: TRANSLATION_NOTICE.fullmatch(line) is not None or rules(line)


def _is_navigation(line: str) -> bool:
    """A short line that is not a sentence: a menu item, a widget, a keyword."""
    return len(line) <= _NAVIGATION_MAX and not line.endswith(_SENTENCE_ENDS)


# What _comparable drops: \w is str.isalnum() plus "_" (the same Unicode test in CPython's re).
_NOT_ALNUM = re.compile(r"[\W_]+")


def _comparable(line: str) -> str:
    """A title as compared with page lines: letters and digits only, case-folded (quotes,
    dashes and spacing differ between the `<meta>` title and the printed one)."""
    return _NOT_ALNUM.sub("", line.casefold())


def _header_end(lines: list[str], title: str | None, is_boilerplate: Callable[[str], bool]) -> int:
    """Index just past the page header.

    When the title is repeated near the top (only boilerplate or navigation-like lines above
    it), the header ends with it: on a whole-page fallback that also drops menus of an
    unknown layout. Otherwise the header is the leading run of boilerplate lines.
    """
    wanted = _comparable(title or "")
    for index, line in enumerate(lines):
        if wanted and _comparable(line) == wanted:
            return index + 1
        if not (is_boilerplate(line) or _is_navigation(line)):
            break
    index = 0
    while index < len(lines) and is_boilerplate(lines[index]):
        index += 1
    return index


def strip_boilerplate(paragraphs: list[str], title: str | None = None) -> tuple[list[str], list[str]]:
    """Split paragraphs into (kept, removed): the release's own text and the site's boilerplate.

    Removes the header (strip, masthead, breadcrumb, section name, repeated title), the
    article-type/source/page-tool lines, the translation notice, and the footer with
    everything after its first line. Works on whole-page text as well as on a body.
    """
    lines = [line for line in map(normalize, paragraphs) if line]
    is_boilerplate = _boilerplate_test()
    start = _header_end(lines, title, is_boilerplate)
    footer = matches_any(FOOTER_START)
    end = next((i for i in range(start, len(lines)) if footer(lines[i])), len(lines))
    kept: list[str] = []
    removed = lines[:start]
    for line in lines[start:end]:
        if is_boilerplate(line):
            removed.append(line)
            continue
        rest, notice = _cut_notice(line)
        kept.append(rest)
        removed += [notice] if notice else []
    return kept, removed + lines[end:]


def _cut_notice(line: str) -> tuple[str, str | None]:
    """A paragraph with the translation notice glued to its end, split into (text, notice)."""
    # The notice's words first: TRANSLATION_NOTICE begins with optional parts, so searching it
    # tries every position of every paragraph, four times the cost.
    match = TRANSLATION_NOTICE.search(line) if _NOTICE_FOUND.search(line) else None
    if not match or match.end() != len(line) or match.start() == 0:
        return line, None
    return line[: match.start()].rstrip(), match.group().strip()
