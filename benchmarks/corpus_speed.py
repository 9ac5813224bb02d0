"""How fast the replica's corpus is generated, and how big it is (prints figures; not a test).

    .venv/bin/python benchmarks/corpus_speed.py [RELEASES ...]
"""

from __future__ import annotations

import resource
import sys
import time

from mee_archive.replica.corpus import build_corpus


def measure(releases: int, seed: int = 1) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    corpus = build_corpus(seed, releases)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    zh_chars = sum(len(p) for a in corpus.zh for p in a.paragraphs)
    print(f"{releases:>7} releases: {wall:6.2f} s wall, {cpu:6.2f} s CPU | "
          f"{len(corpus.en):>6} English ({len(corpus.releases())} releases), {len(corpus.zh):>7} Chinese "
          f"({len(corpus.zh) / max(releases, 1):.1f}x), {zh_chars / 1e6:.1f} M Chinese characters, "
          f"last release {corpus.releases()[-1].url_date if releases else '-'}")


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [200, 2_000, 20_000]:
        measure(size)
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
