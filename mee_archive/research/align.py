"""Paragraphs of a release beside those of its Chinese original: a monotone alignment.

Dynamic programming over the two paragraph lists (Gale & Church's idea): a bead joins 1-1, 1-2,
2-1, 1-0 or 0-1 paragraphs; it costs the distance of its length ratio from the pair's overall
ratio, less a bonus for every figure (74.4, 1,940 = 1940) both sides share. A 1-1 bead that is
cheap or shares a figure is *confident*: only those become TMX translation units.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_MOVES = {(1, 1): 0.0, (1, 2): 0.6, (2, 1): 0.6, (1, 0): 1.5, (0, 1): 1.5}
CONFIDENT = 0.45  # length cost of a 1-1 bead below which it is trusted without a shared figure


@dataclass(frozen=True)
class Bead:
    en: tuple[int, ...]
    zh: tuple[int, ...]
    cost: float
    confident: bool


def _figures(text: str) -> set[str]:
    return {f.replace(",", "") for f in _FIGURE.findall(text) if len(f) > 1 or f != "0"}


def _length_cost(en: str, zh: str, ratio: float) -> float:
    return abs(math.log((len(en) + 10) / (ratio * len(zh) + 10)))


def align(en: list[str], zh: list[str]) -> list[Bead]:
    """The cheapest monotone alignment of ``en`` and ``zh`` paragraphs, in order."""
    if not en or not zh:
        return [Bead((i,), (), 0.0, False) for i in range(len(en))] + [Bead((), (j,), 0.0, False) for j in range(len(zh))]
    ratio = sum(map(len, en)) / max(sum(map(len, zh)), 1)
    n, m = len(en), len(zh)
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None, float]] = {(0, 0): (0.0, None, 0.0)}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) not in best:
                continue
            here = best[(i, j)][0]
            for (di, dj), penalty in _MOVES.items():
                if i + di > n or j + dj > m:
                    continue
                e, z = " ".join(en[i:i + di]), "".join(zh[j:j + dj])
                cost = penalty + (_length_cost(e, z, ratio) - 0.4 * len(_figures(e) & _figures(z))
                                  if di and dj else 0.0)
                if (i + di, j + dj) not in best or here + cost < best[(i + di, j + dj)][0]:
                    best[(i + di, j + dj)] = (here + cost, (i, j), cost)
    beads, at = [], (n, m)
    while best[at][1] is not None:
        total, previous, cost = best[at]
        en_ids, zh_ids = tuple(range(previous[0], at[0])), tuple(range(previous[1], at[1]))
        shared = bool(_figures(" ".join(en[k] for k in en_ids)) & _figures("".join(zh[k] for k in zh_ids)))
        one_one = len(en_ids) == len(zh_ids) == 1
        beads.append(Bead(en_ids, zh_ids, round(cost, 3), one_one and (cost < CONFIDENT or shared)))
        at = previous
    return beads[::-1]
