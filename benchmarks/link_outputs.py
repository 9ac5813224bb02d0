"""The linker's outputs on two fixed sets, saved or compared with saved ones (not a test).

A change to how the linker *reads* (speed, memory) must not change what it *decides*:

    .venv/bin/python benchmarks/link_outputs.py --save DIR      # on the commit before
    .venv/bin/python benchmarks/link_outputs.py --compare DIR   # on the commit after

The sets: the harder replica (seed 2024, 2,000 releases, every Chinese item, as
tests/link/test_replica_quality.py builds it) and ``shared/real-pairs`` (as
tests/link/test_real_pairs.py reads it; ``--pairs`` elsewhere), if present. Every link record is compared:
``zh_url``, ``zh_status``, ``score`` and ``evidence``, numbers to within ``--tolerance``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mee_archive.link import link_items
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.truth import export_truth, export_zh

PAIRS = Path(__file__).resolve().parents[2] / "shared" / "real-pairs"
CRAWLED_FIELDS = ("url", "title", "published", "body")


def _replica() -> tuple[list[dict], list[dict]]:
    corpus = build_corpus(seed=2024, releases=2000)
    english = [{field: record[field] for field in CRAWLED_FIELDS} for record in export_truth(corpus)]
    return english, list(export_zh(corpus))


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sets(pairs: Path) -> dict[str, Callable[[], tuple[list[dict], list[dict]]]]:
    """Each set's name and what builds its (English, Chinese) items."""
    found: dict[str, Callable[[], tuple[list[dict], list[dict]]]] = {"replica-2024": _replica}
    if pairs.is_dir():
        found["real-pairs"] = lambda: (_read(pairs / "en.jsonl"), _read(pairs / "zh.jsonl"))
    return found


def differences(before: Any, after: Any, tolerance: float, where: str = "") -> list[str]:
    """Where two JSON values differ, numbers compared to within ``tolerance``."""
    if isinstance(before, (int, float)) and isinstance(after, (int, float)) and not isinstance(before, bool):
        return [] if math.isclose(before, after, rel_tol=0, abs_tol=tolerance) else [f"{where}: {before} != {after}"]
    if isinstance(before, dict) and isinstance(after, dict):
        if before.keys() != after.keys():
            return [f"{where}: keys {sorted(before)} != {sorted(after)}"]
        return [d for key in before for d in differences(before[key], after[key], tolerance, f"{where}.{key}")]
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [d for i, (b, a) in enumerate(zip(before, after)) for d in differences(b, a, tolerance, f"{where}[{i}]")]
    return [] if before == after else [f"{where}: {before!r} != {after!r}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, metavar="DIR", help="write each set's links to DIR/<set>.json")
    mode.add_argument("--compare", type=Path, metavar="DIR", help="compare each set's links with DIR/<set>.json")
    parser.add_argument("--pairs", type=Path, default=PAIRS, help=f"the real pairs (default {PAIRS})")
    parser.add_argument("--tolerance", type=float, default=1e-9, help="largest difference of two numbers (1e-9)")
    args = parser.parse_args()
    changed = 0
    for name, build in sets(args.pairs).items():
        english, chinese = build()
        records = [result.record() for result in link_items(english, chinese)]
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{name}.json").write_text(json.dumps(records, ensure_ascii=False, indent=0), encoding="utf-8")
            print(f"{name}: {len(records)} links saved")
            continue
        saved = json.loads((args.compare / f"{name}.json").read_text(encoding="utf-8"))
        found = differences(saved, records, args.tolerance)
        changed += bool(found)
        print(f"{name}: {len(records)} links, {len(found)} differences", *found[:20], sep="\n  ")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
