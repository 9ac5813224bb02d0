"""How good a set of links is against a truth file: precision, recall, F1, confusions.

A link is right when it names one of the truth's Chinese URLs for the release (``zh_url``,
or any of ``zh_urls``: an original and its verbatim copies), compared without the scheme,
as both sites serve http and https. A link to one of its ``related`` pages (another
outlet's report, a speech the release paraphrases) is wrong, and named so. Truth comes as
JSON Lines records or in the real-pairs form ``{"gold": {en: [zh...]}, "related": {...}}``
(``truth_from_pairs``). Precision counts right links among all links made;
recall counts right links among the English items that have an original. Every mistake
is listed as a confusion: "wrong" (linked to another item), "spurious" (linked, but the
truth has no original) or "missed" (no link, with the linker's status). The score
calibration table shows, per score band, how many links were made and how many were right.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mee_archive.link.features import url_key

WRONG, RELATED, SPURIOUS, MISSED = "wrong", "related", "spurious", "missed"
# Score bands of the calibration table (lower bounds).
BANDS = (0.0, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999)


@dataclass(frozen=True)
class Confusion:
    """One English item the links got wrong."""

    url: str
    kind: str
    linked: str | None
    truth: str | None
    status: str | None
    score: float | None


@dataclass
class Evaluation:
    """Counts behind precision and recall, the confusions, and per-band calibration."""

    right: int = 0
    linked: int = 0
    with_original: int = 0
    items: int = 0
    confusions: list[Confusion] = field(default_factory=list)
    bands: dict[float, list[int]] = field(default_factory=lambda: {b: [0, 0] for b in BANDS})

    @property
    def precision(self) -> float:
        return self.right / self.linked if self.linked else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.with_original if self.with_original else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def _band(self, score: float | None) -> list[int]:
        return self.bands[max(b for b in BANDS if b <= (score or 0.0))]


def evaluate(links: Iterable[dict[str, Any]], truth: Iterable[dict[str, Any]]) -> Evaluation:
    """Compare link records (url, zh_url, ...) with truth records (url, zh_url or zh_urls,
    and optionally related)."""
    made = {url_key(r["url"]): r for r in links}
    result = Evaluation()
    for gold in truth:
        result.items += 1
        accepted = _keys(gold.get("zh_urls") or [gold.get("zh_url")])
        related = _keys(gold.get("related") or gold.get("zh_related") or [])
        record = made.get(url_key(gold["url"]), {})
        linked, score = url_key(record.get("zh_url")), record.get("score")
        result.with_original += bool(accepted)
        if linked:
            result.linked += 1
            band = result._band(score)
            band[0] += 1
            band[1] += linked in accepted
        if linked and linked in accepted:
            result.right += 1
            continue
        if linked or accepted:
            kind = (MISSED if not linked else RELATED if linked in related
                    else WRONG if accepted else SPURIOUS)
            expected = gold.get("zh_url") or next(iter(gold.get("zh_urls") or []), None)
            result.confusions.append(
                Confusion(gold["url"], kind, record.get("zh_url"), expected, record.get("zh_status"), score)
            )
    return result


def _keys(urls: Iterable[str | None]) -> set[str]:
    return {key for key in map(url_key, urls) if key}


def truth_from_pairs(pairs: dict[str, Any], urls: Iterable[str]) -> list[dict[str, Any]]:
    """Truth records of the English ``urls`` from the real-pairs form: ``gold`` maps an
    English URL to the Chinese pages carrying its text, ``related`` to pages about the same
    event in other words; a URL in neither has no original."""
    gold, related = pairs.get("gold") or {}, pairs.get("related") or {}
    return [{"url": url, "zh_urls": list(gold.get(url, [])), "related": list(related.get(url, []))} for url in urls]


def format_evaluation(result: Evaluation, max_confusions: int = 20) -> str:
    """The figures and the first confusions as a short text report."""
    lines = [
        f"items {result.items}  with original {result.with_original}  linked {result.linked}  right {result.right}",
        f"precision {result.precision:.4f}  recall {result.recall:.4f}  F1 {result.f1:.4f}",
        "reliability (score band: links, right, share right):",
    ]
    lines += [f"  >= {band:<6} {n:6d} {ok:6d}  {ok / n:6.3f}" for band, (n, ok) in result.bands.items() if n]
    kinds = {k: sum(c.kind == k for c in result.confusions) for k in (WRONG, RELATED, SPURIOUS, MISSED)}
    lines.append("confusions: " + "  ".join(f"{k} {n}" for k, n in kinds.items()))
    for c in result.confusions[:max_confusions]:
        lines.append(f"  {c.kind:<8} {c.url} -> {c.linked} (truth {c.truth}; {c.status}, score {c.score})")
    return "\n".join(lines)
