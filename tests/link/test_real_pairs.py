"""The linker on real writing: shared/real-pairs (real English releases, real Chinese texts,
copies and other outlets' reports). Every gold original must be found and nothing else linked
(issue 9's goal: a related page counts as wrong)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mee_archive.link import link_items
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
