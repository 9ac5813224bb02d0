"""The place check: where each opening says the event happened, on sentences in the shape of
real releases and their originals (issue 9: "在京 vs Saihanba")."""

from __future__ import annotations

from mee_archive.link import link_items
from mee_archive.link.assign import BELOW_THRESHOLD, LINKED
from mee_archive.link.features import chinese_text
from mee_archive.link.names import pinyin_many
from mee_archive.link.places import CONFLICT, TOLD, UNSTATED, chinese_place, english_places, place_verdict

SAIHANBA = ("On Jun. 30, Minister Li Ganjie met with UN Under-Secretary-General Erik Solheim in Saihanba, "
            "and the two sides exchanged views on cooperation.")
IN_BEIJING = "6月30日，生态环境部部长李干杰在京会见了联合国副秘书长埃里克·索尔海姆，双方就合作交换了意见。"


def _verdict(en_opening: str, zh_text: str, en_text: str | None = None) -> str:
    zh = chinese_text(zh_text)
    return place_verdict(english_places(en_opening, en_text or en_opening), chinese_place(zh), pinyin_many([zh])[0])


def test_a_place_neither_text_shares_is_another_meeting() -> None:
    assert _verdict(SAIHANBA, IN_BEIJING) == CONFLICT


def test_the_chinese_place_by_its_english_name_short_form_or_pinyin_is_told() -> None:
    assert _verdict("Minister Li Ganjie met with Erik Solheim in Beijing on Jun. 30.", IN_BEIJING) == TOLD
    assert _verdict("Premier Li Keqiang met with UN Secretary-General Guterres at the Great Hall of the People.",
                    "李克强在人民大会堂会见联合国秘书长古特雷斯。") == TOLD
    assert _verdict("Vice Premier Han Zheng met with the delegation in Geneva on Monday.",
                    "韩正在日内瓦会见代表团。") == TOLD
    assert _verdict("Li Keqiang met with the Secretary-General in Osaka.", "李克強在大阪會見聯合國秘書長。") == TOLD


def test_a_place_named_anywhere_in_the_other_text_is_no_conflict() -> None:
    # The Chinese names Saihanba later (in pinyin: no dictionary entry needed).
    assert _verdict(SAIHANBA, IN_BEIJING + "李干杰介绍了塞罕坝林场的建设情况。") == UNSTATED
    # The English names Beijing later.
    assert _verdict(SAIHANBA, IN_BEIJING, SAIHANBA + " Solheim will visit Beijing next week.") == UNSTATED
    # A translator writes the city for a venue the dictionary places in it: told.
    assert _verdict("Premier Li Keqiang met with the Secretary-General in Beijing.",
                    "李克强在人民大会堂会见联合国秘书长。") == TOLD
    # "UN" is the acronym of 联合国's English name.
    assert _verdict("Li Keqiang attended the summit in New York.", "李克强在联合国总部出席峰会。",
                    "Li Keqiang attended the summit in New York. The UN said...") == UNSTATED


def test_an_opening_without_a_place_proves_nothing() -> None:
    assert _verdict("On Jun. 30, Minister Li Ganjie met with Erik Solheim.", IN_BEIJING) == UNSTATED
    assert _verdict(SAIHANBA, "6月30日，李干杰会见了埃里克·索尔海姆。") == UNSTATED
    # 在 before a word that is no place (在推进), or a capitalised word that is no place (in June, at MEE).
    assert _verdict(SAIHANBA, "6月30日，生态环境部在推进塞北生态修复方面取得进展。") == UNSTATED
    assert english_places("The plan was issued in June at MEE headquarters.", "").named == frozenset()


def test_the_chinese_place_is_the_first_proper_noun_after_zai_in_the_first_sentence() -> None:
    place = chinese_place("李克强在纽约联合国总部出席会议。此前他在京会见了古特雷斯。")
    assert " new york " in place.names and " beijing " not in place.names
    assert chinese_place("今天天气很好。他在京会见了古特雷斯。").names == ()


def _item(url: str, body: str, published: str, title: str) -> dict:
    return {"url": url, "title": title, "published": published, "body": body}


def test_a_candidate_telling_the_meeting_in_another_place_is_refused_not_related() -> None:
    english = _item("http://english.mee.gov.cn/News_service/news_release/201807/t20180705_445901.shtml",
                    SAIHANBA + "\n\nLi Ganjie said China would deepen cooperation with UN Environment on "
                    "ecological protection, and Solheim praised the afforestation of the Saihanba forest farm.",
                    "2018-07-05", "Li Ganjie meets with Erik Solheim")
    beijing = _item("http://www.mee.gov.cn/xxgk/hjyw/201807/t20180701_445002.shtml",
                    IN_BEIJING + "\n\n李干杰表示，中方愿与联合国环境署深化生态保护合作。索尔海姆赞赏中国植树造林的成就。",
                    "2018-07-01", "李干杰会见埃里克·索尔海姆")
    saihanba = {**beijing, "url": beijing["url"].replace("445002", "445003"),
                "body": beijing["body"].replace("在京", "在塞罕坝").replace("植树造林", "塞罕坝林场植树造林")}
    linked = link_items([english], [beijing, saihanba])[0]
    assert linked.zh_status == LINKED and linked.zh["url"] == saihanba["url"]
    assert linked.zh["evidence"]["event_place"] == UNSTATED
    refused = link_items([english], [beijing])[0]
    assert refused.zh_status == BELOW_THRESHOLD and refused.best["evidence"]["event_place"] == CONFLICT
