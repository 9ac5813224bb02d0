"""link_items on hand-written bilingual items: the hard cases of issue 4, small."""

import pytest

from mee_archive.link import LinkConfig, link_items
from mee_archive.link.assign import BELOW_THRESHOLD, LINKED, NO_CANDIDATE


def _links(results) -> dict[str, str | None]:
    return {r.url: (r.zh or {}).get("url") for r in results}


def test_each_release_gets_its_original_and_the_translation_without_one_gets_none(english, chinese, ex):
    results = link_items(english, chinese)
    assert [r.url for r in results] == [e["url"] for e in english]  # input order
    assert _links(results) == {
        ex.china_rok_en["url"]: ex.china_rok_zh["url"],  # not the shorter related report
        ex.meeting_en["url"]: ex.meeting_zh["url"],  # same day, same title: the subject decides
        ex.other_meeting_en["url"]: ex.other_meeting_zh["url"],
        ex.cenews_en["url"]: None,
    }
    assert [r.zh_status for r in results] == [LINKED, LINKED, LINKED, BELOW_THRESHOLD]


def test_a_link_carries_the_chinese_item_score_and_evidence(english, chinese, ex):
    zh = link_items(english, chinese)[1].zh
    assert zh["docid"] == 447001 and zh["title"] == ex.meeting_zh["title"]
    assert zh["published"] == ex.meeting_zh["published"]
    assert zh["score"] >= LinkConfig().threshold
    evidence = zh["evidence"]
    assert evidence["dates"] == ["7-30"] and evidence["numbers"] == ["36", "85"]
    assert {"huangrunqiu", "zhaoyingmin"} <= set(evidence["names"])
    assert evidence["gap_days"] == 4 and evidence["margin"] >= LinkConfig().margin


def test_unlinked_items_say_why_and_show_their_best_candidate(english, chinese, ex):
    cenews = link_items(english, chinese)[3]
    assert cenews.zh is None and cenews.best["score"] < LinkConfig().threshold
    assert cenews.record()["zh_url"] is None and cenews.record()["evidence"] == cenews.best["evidence"]


def test_one_to_one_even_for_two_copies_of_one_release(ex, chinese):
    copy = {**ex.meeting_en, "url": ex.meeting_en["url"].replace("447901", "447902")}
    results = link_items([ex.meeting_en, copy], chinese)
    linked = [r.zh["url"] for r in results if r.zh]
    assert len(linked) == len(set(linked))
    assert ex.meeting_zh["url"] in linked


def test_no_candidate_outside_the_date_window(ex):
    late = {**ex.meeting_en, "published": "2018-10-03",
            "url": ex.meeting_en["url"].replace("201808/t20180803", "201810/t20181003")}
    [result] = link_items([late], [ex.meeting_zh])
    assert result.zh_status == NO_CANDIDATE and result.best is None


def test_works_without_titles_dates_or_simplified_characters(ex, chinese):
    english = [{"url": "http://example.org/en/1", "body": ex.meeting_en["body"]}]
    traditional = {**ex.meeting_zh, "url": "http://news.example.tw/1", "published": None,
                   "body": ex.meeting_zh["body"].replace("会议", "會議").replace("环境", "環境")}
    [result] = link_items(english, [*chinese[:5], traditional])
    assert result.zh["url"] == "http://news.example.tw/1"


def test_a_looser_threshold_and_margin_trade_precision_for_recall(english, chinese, ex):
    loose = link_items(english, chinese, LinkConfig(threshold=0.0, margin=0.0))
    assert all(r.zh is not None for r in loose)
    assert loose[3].url == ex.cenews_en["url"] and loose[3].zh["score"] < LinkConfig().threshold


def test_empty_inputs():
    assert link_items([], []) == []
    [result] = link_items([{"url": "http://example.org/en/1", "title": "T", "body": "B"}], [])
    assert result.zh_status == NO_CANDIDATE


@pytest.mark.parametrize("again", [lambda url: url.replace("http://", "https://"),
                                   lambda url: url.replace("www.mee.gov.cn", "www.mep.gov.cn")])
def test_a_chinese_item_listed_twice_is_read_once(english, chinese, ex, again):
    """Under https, or under the ministry's former host name: the same page either way."""
    twice = [*chinese, {**ex.meeting_zh, "url": again(ex.meeting_zh["url"])}]
    result = link_items(english, twice)[1]
    assert result.zh_status == "linked" and result.zh["url"] == ex.meeting_zh["url"]


def test_linking_leaves_the_cycle_collector_as_it_found_it(ex):
    import gc

    link_items([ex.china_rok_en], [ex.china_rok_zh])
    assert gc.isenabled()
    gc.disable()
    try:
        link_items([ex.china_rok_en], [ex.china_rok_zh])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_progress_is_told_each_step(ex):
    steps = []
    link_items([ex.china_rok_en], [ex.china_rok_zh, ex.meeting_zh], progress=steps.append)
    assert [step.split()[0] for step in steps] == ["loaded", "read", "scored", "collapsed", "decided"]
    assert "read 1 English and 1 Chinese items (of 2;" in steps[1]  # the meeting is out of the window


def test_a_name_too_common_to_tell_does_not_lend_its_place_to_another():
    """A name most candidates have proves nothing and is left out of the weights; the rare
    name beside it must still count for the items that have it, and only for them."""
    en = {"url": "http://english.mee.gov.cn/News_service/news_release/201806/t20180629_445678.shtml",
          "title": "Li Ganjie and Zhai Qing inspect", "body": "Li Ganjie and Zhai Qing inspected the site.",
          "published": "2018-06-29"}
    zh = [{"url": f"http://www.mee.gov.cn/a/201806/t20180628_{445000 + i}.htm", "title": f"李干杰出席会议{i}",
           "body": f"李干杰出席第{i}次会议。", "published": "2018-06-28"} for i in range(120)]
    zh.append({"url": "http://www.mee.gov.cn/a/201806/t20180627_446000.htm", "title": "翟青检查",
               "body": "翟青检查了现场。", "published": "2018-06-27"})
    [result] = link_items([en], zh)
    chosen = result.zh or result.best
    assert chosen["url"].endswith("_446000.htm")
    assert chosen["evidence"]["names"] == ["zhaiqing"]


def test_an_abridged_version_of_the_event_is_related_only_and_named() -> None:
    """A broadcast's shorter script of a meeting (real pairs: 新闻联播's) shares the people,
    the day and the words, but not the figure the release states: not the original."""
    english = [{"url": "http://english.mee.gov.cn/News_service/news_release/201705/t20170517_1.shtml",
                "title": "Li Ganjie Meets with UN Under-Secretary-General Erik Solheim", "published": "2017-05-17",
                "body": ("On May 15, Minister Li Ganjie met with UN Under-Secretary-General and UNEP Executive "
                         "Director Erik Solheim in Beijing.\n\nLi Ganjie said that China will work with UNEP for "
                         "the implementation of the 2030 Agenda for Sustainable Development and for green "
                         "development.\n\nErik Solheim said that UNEP is willing to deepen cooperation with China "
                         "on air pollution control.")}]
    abridged = {"url": "http://www.mee.gov.cn/xxgk/hjyw/201705/t20170515_2.shtml", "title": "李干杰会见索尔海姆",
                "published": "2017-05-15",
                "body": ("5月15日，环境保护部部长李干杰在京会见联合国副秘书长兼联合国环境规划署执行主任埃里克·索尔海姆。\n\n"
                         "李干杰表示，中方愿与环境署一道，推动可持续发展议程落实和绿色发展。\n\n"
                         "索尔海姆表示，环境署愿深化与中国在大气污染防治领域的合作。")}
    original = {**abridged, "url": "http://www.mee.gov.cn/xxgk/hjyw/201705/t20170515_3.shtml",
                "body": abridged["body"].replace("推动可持续发展议程", "推动2030年可持续发展议程")}
    (related,) = link_items(english, [abridged], fork_workers=False)
    assert related.zh_status == "related_only" and related.zh is None
    assert related.record()["candidate_url"] == abridged["url"]
    assert related.best["evidence"]["figures_missing"] == ["2030"]
    (linked,) = link_items(english, [abridged, original], fork_workers=False)
    assert linked.zh_status == LINKED and linked.zh["url"] == original["url"]



def test_explaining_the_links_together_is_explaining_each_alone(english, chinese, monkeypatch):
    import copy

    from mee_archive.link import score

    seen = []
    together = score.Scorer.explain_each

    def each_alone_too(self, scored, ranks):
        explained = together(self, scored, ranks)
        seen.append((copy.deepcopy(explained), [together(self, [one], [rank])[0] for one, rank in zip(scored, ranks)]))
        return explained  # (which the linker then adds to)

    monkeypatch.setattr(score.Scorer, "explain_each", each_alone_too)
    link_items(english, chinese, fork_workers=False)
    ((explained, alone),) = seen
    assert len(explained) == len(english) and explained == alone
