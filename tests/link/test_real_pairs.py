"""The linker on real writing: shared/real-pairs (real English releases, real Chinese texts,
copies and other outlets' reports). Every gold original must be found and nothing else linked
(issue 9's goal: a related page counts as wrong)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from collections import Counter

import pytest

from mee_archive.link import LinkConfig, link_items
from mee_archive.link.correspond import english_release, read_candidate
from mee_archive.link.features import chinese_features_many
from mee_archive.link.places import CONFLICT as PLACE_CONFLICT
from mee_archive.link.places import TOLD, place_verdict
from mee_archive.link.evaluate import RELATED, evaluate, format_evaluation, truth_from_pairs

PAIRS = Path(__file__).resolve().parents[3] / "shared" / "real-pairs"
# Links to related pages or to other items.
MAX_WRONG = 0


def _read(name: str) -> list[dict]:
    return [json.loads(line) for line in (PAIRS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def evaluation():
    if not PAIRS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{PAIRS} is missing: CI runs beside shared/")
        pytest.skip(f"{PAIRS} is not beside this checkout")
    english, chinese = _read("en.jsonl"), _read("zh.jsonl")
    links = [result.record() for result in link_items(english, chinese)]
    truth = truth_from_pairs(json.loads((PAIRS / "truth.json").read_text(encoding="utf-8")), [e["url"] for e in english])
    return evaluate(links, truth)


def test_every_gold_original_is_found(evaluation) -> None:
    assert evaluation.right == evaluation.with_original == 5, format_evaluation(evaluation)


def test_wrong_links_do_not_grow(evaluation) -> None:
    assert evaluation.linked - evaluation.right <= MAX_WRONG, format_evaluation(evaluation)


def test_a_link_to_a_related_page_is_named_so(evaluation) -> None:
    kinds = {c.kind for c in evaluation.confusions}
    assert kinds <= {RELATED, "spurious"}, format_evaluation(evaluation)


def test_the_place_check_never_parts_a_real_pair_and_parts_other_events() -> None:
    """Every English release against every Chinese text: no gold or related pair is a place
    conflict (an original, a copy or another outlet's report of the same event tells its place),
    while a share of the pairs of different events are."""
    if not PAIRS.is_dir():
        pytest.skip(f"{PAIRS} is not beside this checkout")  # the fixture above fails it in CI
    english, chinese = _read("en.jsonl"), _read("zh.jsonl")
    pairs = json.loads((PAIRS / "truth.json").read_text(encoding="utf-8"))
    features = chinese_features_many(chinese, LinkConfig().max_zh_chars)
    places = [read_candidate(item, each.dates, each.day, LinkConfig().max_zh_chars).place
              for item, each in zip(chinese, features)]
    verdicts = {"same event": Counter(), "other": Counter()}
    for item in english:
        release = english_release(item)
        same = set(pairs["gold"].get(item["url"], [])) | set(pairs["related"].get(item["url"], []))
        for zh, each, place in zip(chinese, features, places):
            verdicts["same event" if zh["url"] in same else "other"][place_verdict(release.places, place, each.pinyin)] += 1
    assert verdicts["same event"][PLACE_CONFLICT] == 0 and verdicts["same event"][TOLD] > 0, verdicts
    assert verdicts["other"][PLACE_CONFLICT] >= 0.05 * sum(verdicts["other"].values()), verdicts
