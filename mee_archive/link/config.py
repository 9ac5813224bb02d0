"""The linker's knobs, with defaults reasoned from how MEE publishes (see the package doc)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkConfig:
    """Everything that decides a link; the defaults are the documented behaviour.

    Windows: the Chinese original appears 0-3 days after the event and the English 2-14
    days after it (once about 26), so candidates are Chinese items published from
    ``max_lag_days`` before the English URL date to ``max_lead_days`` after it.

    Evidence per kind is a naive-Bayes log-likelihood ratio over the English item's keys:
    a shared key counts log(recall/q), a missing one log((1-recall)/(1-q)), where q is the
    share of Chinese items that have the key (rare keys weigh more), and ``recall`` is how
    often a key in a translation is found in its original. ``*_weight`` tempers a kind whose
    keys are not independent (hundreds of content words are one piece of evidence, not
    hundreds).

    The values are reasoned guesses; measured on the replica, only the content-word weight
    (first 0.15, too timid: same-day meetings differ in a few words) and the lead's were
    changed. Measured precision and recall of the knobs are in the package doc.
    """

    # Decision: a link needs calibrated score >= threshold and a logit lead over the
    # runner-up of at least ``margin`` (e^margin times more likely than the next best).
    threshold: float = 0.5
    margin: float = 2.0
    # Candidate window around the English anchor day (the later of printed and URL date).
    max_lag_days: int = 30
    max_lead_days: int = 2
    # Gap prior: no penalty for an English release 0 to ``usual_max_lag_days`` after the
    # Chinese item, ``unusual_lag_logit`` outside that, ``unknown_day_logit`` if a day is
    # unknown (such candidates stay in every window).
    usual_max_lag_days: int = 14
    unusual_lag_logit: float = -1.5
    unknown_day_logit: float = -1.0
    # Chinese content words are read from the title and the body's first characters.
    max_zh_chars: int = 3000
    # Share of English releases that have an original at all (CENEWS translations do not):
    # the prior odds of one candidate are original_rate / window size.
    original_rate: float = 0.9
    # Key frequencies are smoothed towards a background share as if ``background_items``
    # more Chinese items had been seen, so a small collection does not make every key
    # look common (or unique).
    background_items: float = 20.0
    number_background: float = 0.02
    date_background: float = 0.05
    name_background: float = 0.01
    foreign_background: float = 0.02
    title_background: float = 0.05
    word_background: float = 0.1
    # Translation recall per kind of key, and the tempering weight of its evidence.
    number_recall: float = 0.8
    date_recall: float = 0.8
    name_recall: float = 0.8
    foreign_recall: float = 0.7
    title_recall: float = 0.5
    word_recall: float = 0.6
    number_weight: float = 1.0
    date_weight: float = 1.0
    name_weight: float = 1.0
    foreign_weight: float = 1.0
    title_weight: float = 0.5
    word_weight: float = 0.6
    # Chinese-to-English evidence (coverage.py): rare words of a candidate's title and first
    # paragraph that the English should tell; words in more than ``lead_max_share`` of
    # the Chinese leads are template, not topic, and are skipped.
    lead_recall: float = 0.7
    lead_weight: float = 0.5
    lead_background: float = 0.1
    lead_max_share: float = 0.2
    # Log-odds added for a Chinese docid above the English one: an original is created
    # first on the shared TRS counter, so this is a weak hint, never proof.
    later_docid_logit: float = -0.5
    # Event checks of the best ``checked_candidates`` of each release (correspond.py),
    # added to the bag-of-keys log-odds. An opening date both state and agree on adds
    # ``date_agree_logit``; openings that state different dates are two events
    # (``date_conflict_logit``: a veto, since hundreds of shared words and names sum to
    # log-odds of 20-30); a candidate that never names the English opening's date loses
    # ``date_untold_logit``. Each Chinese name of the English opening missing from the
    # candidate costs ``missing_name_logit`` (a translation keeps who acted), at most
    # ``missing_names_floor`` in all. An opening date agreed while another day of the
    # English opening is nowhere in the candidate costs ``date_partial_logit``. Each figure
    # of the English the candidate never states costs ``missing_figure_logit`` (at most
    # ``missing_figures_floor``), and a candidate that attributes nothing to anyone where
    # the English reports what was said, or addresses an audience the English does not
    # (the speech or the broadcast itself, a document), costs ``speech_untold_logit``
    # (fidelity.py). Openings that each name a place the other text never names (places.py)
    # are two events too (``place_conflict_logit``); an English opening naming the
    # candidate's place adds ``place_told_logit``. The score reported is the logistic of the log-odds
    # capped at ``logit_cap``: summed over many dependent keys it claims a certainty that
    # reports of the same event in other words share with originals.
    checked_candidates: int = 5
    logit_cap: float = 4.0
    date_agree_logit: float = 1.0
    date_conflict_logit: float = -25.0
    date_untold_logit: float = -3.0
    missing_name_logit: float = -15.0
    missing_names_floor: float = -30.0
    date_partial_logit: float = -8.0
    missing_figure_logit: float = -6.0
    missing_figures_floor: float = -12.0
    speech_untold_logit: float = -8.0
    place_conflict_logit: float = -12.0
    place_told_logit: float = 0.5
    # Candidates whose texts share this much (containment of character 4-grams of their
    # first ``copy_chars`` Chinese characters) are copies of one document (copies.py).
    copy_containment: float = 0.95
    copy_chars: int = 600
