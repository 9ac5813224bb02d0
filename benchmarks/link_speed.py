"""How fast the linker links 2,000 English releases against 20,000 Chinese items (prints figures;
not a test), and how well, against the replica's truth.

    .venv/bin/python benchmarks/link_speed.py [ENGLISH [CHINESE]]

The replica is built big enough to have CHINESE Chinese items (default 20,000); the first
ENGLISH releases (default 2,000) are linked against all of them. The dictionary and pinyin
tables are loaded first and timed apart: a long-running pipeline pays for them once.
"""

from __future__ import annotations

import resource
import sys
import time

from mee_archive.link import link_items
from mee_archive.link.evaluate import evaluate
from mee_archive.link.resources import cedict, cedict_pieces, gloss_vocabulary, pinyin_table
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.truth import export_truth, export_zh


def _timed(label: str, work):
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    print(f"{label:<44} {time.perf_counter() - wall:7.2f} s wall {time.process_time() - cpu:7.2f} s CPU")
    return result


def _corpus(english: int, chinese: int):
    """A replica with at least ``chinese`` Chinese items and ``english`` releases."""
    releases = english
    while True:
        corpus = build_corpus(seed=1, releases=releases)
        if len(corpus.zh) >= chinese:
            return corpus
        releases = int(releases * chinese / max(len(corpus.zh), 1)) + 1


def main(english: int = 2_000, chinese: int = 20_000) -> None:
    corpus = _timed("build the replica", lambda: _corpus(english, chinese))
    truth = list(export_truth(corpus))[:english]
    en_items = [{k: r[k] for k in ("url", "title", "published", "body")} for r in truth]
    zh_items = list(export_zh(corpus))[:chinese]
    print(f"{len(en_items)} English releases, {len(zh_items)} Chinese items "
          f"({sum(len(z['body']) for z in zh_items) / 1e6:.1f} M characters)")
    _timed("load the CC-CEDICT and pinyin tables", lambda: (
        cedict(), cedict_pieces(), gloss_vocabulary(), pinyin_table()))
    results = _timed("link_items (features, windows, scores, assignment)",
                     lambda: link_items(en_items, zh_items))
    scores = evaluate([r.record() for r in results], truth)
    print(f"precision {scores.precision:.4f}  recall {scores.recall:.4f}  F1 {scores.f1:.4f}  "
          f"({scores.right} right of {scores.linked} links, {scores.with_original} with an original)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
