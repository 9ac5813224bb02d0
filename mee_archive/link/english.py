"""English content words, reduced to stems comparable with CC-CEDICT's English glosses.

The same tokeniser and stemmer run over English release text and over the dictionary's
definitions, so a Chinese word's glosses and an English translation of it meet on one
form ("inspections", "inspected" and "inspection" all become "inspect") whatever the
inflection. The stemmer is deliberately crude: both sides share its mistakes.
"""

from __future__ import annotations

import re
from functools import cache

# Words with inner apostrophes ("Xiong'an", "China's"): the possessive is dropped, other
# apostrophes joined, as romanised names are written both ways.
_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$|['\u2019]")

# Function words and glossing filler ("to", "sb", "sth", "etc") that carry no topic.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be been before
    being below between both but by can could did do does doing down during each etc few
    for from further had has have having he her here hers him his how i if in into is it
    its itself just may me more most my no nor not now of off on once one only or other
    our out over own same she should so some such than that the their them then there
    these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your sb sth oneself something somebody
    someone used esp also particle classifier variant abbr lit fig old see cl
    mr ms said says say""".split()
)

# Suffixes stripped, longest first, keeping a stem of at least four letters.
_SUFFIXES = sorted((
    "izations", "ization", "ational", "ations", "ation", "nesses", "ments", "ities",
    "ness", "ment", "ings", "ions", "ical", "ally", "ity", "ing", "ion", "ies", "ied",
    "ive", "ers", "ors", "ries", "ry", "ed", "es", "er", "or", "al", "ly", "s", "e", "y",
), key=len, reverse=True)


@cache
def stem(word: str) -> str:
    """A light suffix-stripping stem of a lower-case word (memoised: vocabularies repeat).

    Suffixes are stripped repeatedly, so "environmental" and "environment" meet.
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return stem(word[: -len(suffix)])
    return word


def content_stems(text: str) -> list[str]:
    """Stems of the content words of an English text, in order, stopwords dropped."""
    words = [_POSSESSIVE.sub("", w) if "'" in w or "\u2019" in w else w for w in _WORD.findall(text.lower())]
    return [stem(w) for w in words if w not in STOPWORDS and len(w) > 2]
