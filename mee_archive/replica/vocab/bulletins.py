"""Monthly air and water quality bulletins: the same sentences every month, different figures.

Their titles differ only by the month, and neighbouring months read alike: only the numbers,
the cities and the month tell them apart.
"""

from __future__ import annotations

from datetime import date, timedelta
from random import Random

from mee_archive.replica.vocab import places, topics
from mee_archive.replica.vocab.story import (
    EN_MONTHS, Occasion, Story, ZhText, chinese, condense, en_list, en_when, lead, pick, zh_date,
    zh_list,
)

Pairs = list[tuple[str, str | None]]
RIVERS = (("长江", "Yangtze River"), ("黄河", "Yellow River"), ("珠江", "Pearl River"),
          ("松花江", "Songhua River"), ("淮河", "Huaihe River"), ("海河", "Haihe River"),
          ("辽河", "Liaohe River"))
GRADES = (("优", "excellent"), ("良好", "good"), ("轻度污染", "slightly polluted"))


def _reported_month(occasion: Occasion) -> tuple[date, str]:
    """Bulletins report the month before the event: a day in it, and its English name."""
    month = occasion.event.replace(day=1) - timedelta(days=1)
    return month, f"{EN_MONTHS[month.month - 1]} {month.year}"


def _opening(rng: Random, occasion: Occasion, month: date, subject: tuple[str, str]) -> tuple[str, str]:
    """The opening both bulletins share: On <day>, MEE released the <subject> for <month>. In <month>, ..."""
    subject_zh, subject_en = subject
    month_en = EN_MONTHS[month.month - 1]
    return (f"{zh_date(occasion.event)}，生态环境部发布{month.year}年{month.month}月全国{subject_zh}。{month.month}月，",
            lead(en_when(rng, occasion.event), f"MEE released the {subject_en} for {month_en} {month.year}. ")
            + f"In {month_en}, ")


def _change(rng: Random, spread: float) -> tuple[float, str, str]:
    """A year-on-year change: (size, 上升/下降, up/down)."""
    size = round(rng.uniform(0.1, spread), 1)
    return (size, "上升", "up") if rng.random() < 0.55 else (size, "下降", "down")


def air_quality(rng: Random, occasion: Occasion) -> Story:
    """Last month's air quality in 337 cities, by region, best and worst cities."""
    month, month_en = _reported_month(occasion)
    good = round(rng.uniform(55, 95), 1)
    good_delta, good_zh, good_en = _change(rng, 6)
    pm25 = rng.randint(18, 95)
    pm_delta, pm_zh, pm_en = _change(rng, 15)
    region_zh, region_en = rng.choice(topics.REGIONS)
    region_good = round(rng.uniform(35, 90), 1)
    ranked = rng.sample(places.CITIES, 6)
    best, worst = ranked[:3], ranked[3:]
    opening_zh, opening_en = _opening(rng, occasion, month, ("城市空气质量状况", "air quality status of cities"))
    pairs: Pairs = [
        (f"{opening_zh}全国337个地级及以上城市平均优良天数比例为{good}%，同比{good_zh}{good_delta}个百分点；"
         f"PM2.5平均浓度为{pm25}微克/立方米，同比{pm_zh}{pm_delta}%。",
         f"{opening_en}the 337 cities at prefecture level and above averaged {good} percent of days with "
         f"good air quality, {good_en} {good_delta} percentage points year on year, and the average "
         f"PM2.5 concentration was {pm25} μg/m3, {pm_en} {pm_delta} percent."),
        (f"{region_zh}平均优良天数比例为{region_good}%。",
         f"In {region_en}, the share of good days averaged {region_good} percent."),
        (f"168个重点城市中，{zh_list([c.zh for c in best])}等城市空气质量相对较好；"
         f"{zh_list([c.zh for c in worst])}等城市空气质量相对较差。",
         f"Among the 168 key cities, {en_list([c.en for c in best])} had relatively good air quality, "
         f"while {en_list([c.en for c in worst])} ranked at the bottom."),
    ]
    title_zh = f"生态环境部发布{month.month}月全国城市空气质量状况"
    title_en = pick(rng, f"MEE releases air quality status of cities for {month_en}",
                    f"Air quality of key cities in {EN_MONTHS[month.month - 1]}")
    attachments = (f"Air quality status of cities in {month_en}",) if rng.random() < 0.3 else ()
    return Story(ZhText(title_zh, chinese(pairs), attachments=(f"{month.month}月全国城市空气质量状况",)),
                 title_en, condense(rng, pairs), attachments=attachments)


def water_quality(rng: Random, occasion: Occasion) -> Story:
    """Last month's surface water: shares of good and worst sections, major rivers."""
    month, month_en = _reported_month(occasion)
    good = round(rng.uniform(60, 92), 1)
    good_delta, good_zh, good_en = _change(rng, 5)
    worst = round(rng.uniform(0.5, 9), 1)
    rivers = rng.sample(RIVERS, 3)
    grades = [rng.choice(GRADES) for _ in rivers]
    opening_zh, opening_en = _opening(rng, occasion, month, ("地表水环境质量状况", "surface water quality status"))
    pairs: Pairs = [
        (f"{opening_zh}1940个国家地表水考核断面中，水质优良（Ⅰ—Ⅲ类）断面比例为{good}%，"
         f"同比{good_zh}{good_delta}个百分点；劣Ⅴ类断面比例为{worst}%。",
         f"{opening_en}{good} percent of the 1,940 national surface water sections had good water "
         f"quality (Class I-III), {good_en} {good_delta} percentage points year on year, and {worst} "
         f"percent were worse than Class V."),
        ("；".join(f"{r_zh}流域水质{g_zh}" for (r_zh, _), (g_zh, _) in zip(rivers, grades)) + "。",
         "Water quality was rated " + en_list([f"{g_en} in the {r_en} basin" for (_, r_en), (_, g_en)
                                               in zip(rivers, grades)]) + "."),
        ("生态环境部将继续加大水污染防治力度，对水质下降明显的地区进行预警提醒。",
         "MEE will continue to step up water pollution control and warn areas whose water quality "
         "has declined markedly."),
    ]
    title_zh = f"生态环境部通报{month.month}月全国地表水环境质量状况"
    title_en = f"MEE releases surface water quality status for {month_en}"
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs))
