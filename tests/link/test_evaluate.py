"""Precision, recall, F1, confusions and calibration bands of links against truth."""

import pytest

from mee_archive.link.evaluate import MISSED, SPURIOUS, WRONG, evaluate, format_evaluation

TRUTH = [
    {"url": "http://e/1", "zh_url": "http://z/1"},
    {"url": "http://e/2", "zh_url": "http://z/2"},
    {"url": "http://e/3", "zh_url": "http://z/3"},
    {"url": "http://e/4", "zh_url": None},
    {"url": "http://e/5", "zh_url": None},
]
LINKS = [
    {"url": "https://e/1", "zh_url": "https://z/1", "score": 0.999},  # right, scheme aside
    {"url": "http://e/2", "zh_url": "http://z/9", "score": 0.97},  # wrong
    {"url": "http://e/3", "zh_url": None, "zh_status": "ambiguous", "score": 0.9},  # missed
    {"url": "http://e/4", "zh_url": "http://z/4", "score": 0.6},  # spurious
    {"url": "http://e/5", "zh_url": None, "zh_status": "below_threshold", "score": 0.1},
]


def test_counts_and_figures():
    result = evaluate(LINKS, TRUTH)
    assert (result.right, result.linked, result.with_original, result.items) == (1, 3, 3, 5)
    assert result.precision == pytest.approx(1 / 3)
    assert result.recall == pytest.approx(1 / 3)
    assert result.f1 == pytest.approx(1 / 3)


def test_confusions_say_what_went_wrong():
    kinds = {c.url: (c.kind, c.status) for c in evaluate(LINKS, TRUTH).confusions}
    assert kinds == {"http://e/2": (WRONG, None), "http://e/3": (MISSED, "ambiguous"),
                     "http://e/4": (SPURIOUS, None)}


def test_calibration_bands_count_links_and_right_ones():
    bands = evaluate(LINKS, TRUTH).bands
    assert bands[0.999] == [1, 1] and bands[0.95] == [1, 0] and bands[0.5] == [1, 0]


def test_a_truth_item_without_a_link_record_is_missed():
    result = evaluate([], TRUTH)
    assert result.recall == 0.0 and result.precision == 1.0
    assert sum(c.kind == MISSED for c in result.confusions) == 3


def test_report_prints_the_figures():
    report = format_evaluation(evaluate(LINKS, TRUTH))
    assert "precision 0.3333  recall 0.3333  F1 0.3333" in report
    assert "wrong 1  related 0  spurious 1  missed 1" in report


def test_real_pairs_truth_accepts_every_copy_and_names_a_related_link() -> None:
    from mee_archive.link.evaluate import RELATED, truth_from_pairs

    pairs = {"gold": {"http://e/1": ["http://z/1a", "https://z/1b"]}, "related": {"http://e/2": ["http://z/r"]}}
    links = [{"url": "http://e/1", "zh_url": "http://z/1b", "score": 0.99},
             {"url": "http://e/2", "zh_url": "http://z/r", "score": 0.95},
             {"url": "http://e/3", "zh_url": None, "score": None}]
    result = evaluate(links, truth_from_pairs(pairs, [r["url"] for r in links]))
    assert (result.right, result.linked, result.with_original, result.items) == (1, 2, 1, 3)
    assert [(c.url, c.kind) for c in result.confusions] == [("http://e/2", RELATED)]
