"""The ministry's internal meetings: generic titles repeated week after week.

常务会议 (ministerial executive meeting) adopts measures and standards; 部务会议 (ministerial
affairs meeting) conveys and deploys work. Their titles barely change, so only the agenda, the
date and the people tell two meetings apart.
"""

from __future__ import annotations

from random import Random

from mee_archive.replica.vocab import names, topics
from mee_archive.replica.vocab.story import (
    Occasion, Story, ZhText, chinese, condense, dated, en_list, pick, zh_list,
)

Pair = tuple[str, str]


def _standards(rng: Random) -> Pair:
    """Adopting emission standards: one named, the rest counted."""
    count = rng.choice((1, 2, 2, 3, 4, 5))
    industry_zh, industry_en = rng.choice(topics.INDUSTRIES)
    pollutant_zh, pollutant_en = rng.choice(topics.POLLUTANTS)
    title_zh = f"《{industry_zh}工业{pollutant_zh}排放标准》"
    title_en = f"Emission Standard of {pollutant_en} for {industry_en} Industry"
    if count == 1:
        return f"审议并原则通过{title_zh}", f"reviewed and adopted in principle the {title_en}"
    return (f"审议并原则通过{title_zh}等{count}项国家生态环境标准",
            f"reviewed and adopted in principle {count} national eco-environmental standards "
            f"including the {title_en}")


def _adopted(titles: list[Pair]) -> Pair:
    """Adopting named documents: 审议并原则通过《A》和《B》."""
    return ("审议并原则通过" + "和".join(f"《{zh}》" for zh, _ in titles),
            "reviewed and adopted in principle " + " and ".join(f"the {en}" for _, en in titles))


def _measures(rng: Random) -> Pair:
    return _adopted(topics.choose(rng, topics.MEASURES, rng.choice((1, 2))))


def _plans(rng: Random) -> Pair:
    return _adopted(topics.choose(rng, topics.PLANS, 1))


def _report(rng: Random) -> Pair:
    area_zh, area_en = rng.choice(topics.WORK_AREAS)
    return f"听取{area_zh}工作情况汇报", f"heard a report on {area_en}"


def _agenda(rng: Random) -> list[Pair]:
    items = [rng.choice((_standards, _measures, _measures, _plans))(rng)]
    if rng.random() < 0.6:
        items.append(_report(rng))
    return items


def _attendance(rng: Random, occasion: Occasion) -> Pair:
    deputies = names.vice_ministers(occasion.event, rng, rng.choice((2, 3)))
    return (f"生态环境部副部长{zh_list([p.zh for p in deputies])}出席会议。",
            f"Vice Ministers {en_list([p.en for p in deputies])} attended the meeting.")


def executive_meeting(rng: Random, occasion: Occasion) -> Story:
    """部常务会议: reviews measures and standards, hears work reports."""
    chair = names.minister(occasion.event)
    agenda = _agenda(rng)
    generic = rng.random() < 0.8
    title_zh = "生态环境部召开部常务会议" if generic else f"{chair.zh}主持召开生态环境部常务会议"
    title_en = ("MEE holds a ministerial executive meeting" if generic
                else f"{chair.en} presides over MEE ministerial executive meeting")
    area_zh, area_en = rng.choice(topics.WORK_AREAS)
    did = en_list([en for _, en in agenda])
    pairs: list[tuple[str, str | None]] = [
        dated(rng, occasion,
              f"生态环境部部长{chair.zh}主持召开{pick(rng, '部', '生态环境部')}常务会议，"
              f"{'，'.join(zh for zh, _ in agenda)}。",
              pick(rng,
                   f"Minister of Ecology and Environment {chair.en} presided over a ministerial "
                   f"executive meeting, which {did}.",
                   f"MEE held a ministerial executive meeting chaired by Minister {chair.en}. "
                   f"The meeting {did}.",
                   f"{chair.en}, Minister of Ecology and Environment, chaired a ministerial "
                   f"executive meeting that {did}.")),
        (f"会议指出，制定出台相关标准和办法，是推进{area_zh}的重要举措，"
         f"对于改善生态环境质量具有重要意义。",
         f"The meeting pointed out that the new standards and measures are important steps in "
         f"{area_en} and matter greatly for improving the quality of the environment."),
        ("会议强调，要加强宣传解读，做好标准实施的各项准备，确保各项要求落实到位。", None),
        ("会议要求，各部门要压实责任，加强协调配合，" + pick(rng, "抓好贯彻落实。", "推动工作取得实效。"),
         "The meeting required all departments to take responsibility and work together "
         "to put the requirements into effect."),
        _attendance(rng, occasion),
    ]
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs))


def affairs_meeting(rng: Random, occasion: Occasion) -> Story:
    """部务会议: conveys the spirit of a conference and deploys the next stage of work."""
    chair = names.minister(occasion.event)
    (area1_zh, area1_en), (area2_zh, area2_en) = topics.choose(rng, topics.WORK_AREAS, 2)
    pairs: list[tuple[str, str | None]] = [
        dated(rng, occasion,
              f"生态环境部部长{chair.zh}主持召开部务会议，研究部署{area1_zh}和{area2_zh}工作。",
              pick(rng,
                   f"Minister {chair.en} presided over a ministerial affairs meeting of MEE to "
                   f"study and deploy work on {area1_en} and {area2_en}.",
                   f"MEE held a ministerial affairs meeting chaired by Minister {chair.en}, which "
                   f"studied and deployed work on {area1_en} and {area2_en}.")),
        (f"会议指出，{area1_zh}取得积极进展，但任务依然艰巨，必须保持定力，持续发力。",
         f"The meeting noted that positive progress had been made in {area1_en}, but the tasks "
         f"remain arduous and efforts must be sustained."),
        (f"会议强调，要把{area2_zh}作为重要任务，细化工作方案，明确时间表和路线图。",
         f"The meeting stressed that {area2_en} should be treated as a major task, with a "
         f"detailed work plan, a timetable and a road map."),
        ("会议要求，要坚持问题导向，加强督促检查，确保各项任务按期完成。", None),
        _attendance(rng, occasion),
    ]
    title_zh = pick(rng, "生态环境部召开部务会议", f"{chair.zh}主持召开生态环境部部务会议")
    title_en = pick(rng, "MEE holds a ministerial affairs meeting",
                    f"MEE holds ministerial affairs meeting to deploy work on {area1_en}")
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs))
