"""The column-at-a-time dictionary scan gives what a word-by-word reading of each text gives."""

import numpy as np

from mee_archive.link.scan import ScannedTexts, lexicon


def words(ids) -> set[str]:
    return {lexicon().words[i] for i in ids}


def test_words_of_each_text_overlaps_included_never_across_texts():
    texts = ["生物多样性保护", "黑臭水体", "生", "物", ""]
    scanned = ScannedTexts(texts)
    found = [words(ids) for ids in scanned.word_ids()]
    assert {"生物", "多样", "多样性", "生物多样性", "保护"} <= found[0]
    assert {"黑", "臭", "水体"} <= found[1]
    assert found[2] == {"生"} and found[3] == {"物"} and found[4] == set()  # 生物 spans two texts: not a word


def test_word_ids_are_sorted_and_stops_cut_each_text():
    scanned = ScannedTexts(["生物多样性保护", "保护生物多样性"])
    ids = scanned.word_ids([2, 3])
    assert all(list(i) == sorted(i) for i in ids)
    assert "生物" in words(ids[0]) and "生物多样性" not in words(ids[0])
    assert "保护" in words(ids[1]) and "生物" not in words(ids[1])  # 生物 ends past the stop


def test_segmentation_is_longest_first_and_a_word_cut_by_the_stop_gives_way_to_a_shorter_one():
    scanned = ScannedTexts(["保护生物多样性，黑臭水体", "生物多样性"])
    assert scanned.segment(0) == ["保护", "生物多样性", "，", "黑", "臭", "水体"]
    assert scanned.segment(1, 4) == ["生物", "多样"]  # not 生物多样性, which runs past the cut
    lead = scanned.segment_ids([7, 4])
    assert words(lead[0]) == {"保护", "生物多样性"} and words(lead[1]) == {"生物", "多样"}


def test_text_that_is_not_chinese_or_not_even_valid_unicode_is_read_without_error():
    scanned = ScannedTexts(["abc \ud800 😀 2018", "生态环境部"])
    assert all(word.isascii() for word in words(scanned.word_ids()[0]))
    assert {"生态", "环境"} <= words(scanned.word_ids()[1])


def test_occurrences_are_the_kept_words_as_often_as_found_and_word_ids_the_same_made_distinct():
    texts = ["保护环境，保护生物多样性", "黑臭水体", "环境"]
    scanned = ScannedTexts(texts)
    kept = np.zeros(len(lexicon().words), dtype=bool)
    kept[[lexicon().ids[w] for w in ("保护", "环境", "水体")]] = True
    found = [sorted(lexicon().words[i] for i in ids) for ids in scanned.occurrences(kept=kept)]
    assert found == [["保护", "保护", "环境"], ["水体"], ["环境"]]
    assert [words(ids) for ids in scanned.word_ids(kept=kept)] == [set(each) for each in found]
    assert [words(ids) for ids in scanned.occurrences([2, 4, 1], kept)] == [{"保护"}, {"水体"}, set()]


def test_the_lexicon_holds_each_words_gloss_stems_as_the_dictionary_gives_them():
    from mee_archive.link.resources import cedict

    for word in ("水体", "黑", "生物多样性", lexicon().words[0], lexicon().words[-1]):
        assert lexicon().glosses(lexicon().ids[word]) == sorted(cedict()[word])
