"""Environmental emergencies: a spill somewhere, the ministry's working group, monitoring figures.

Place names, the pollutant and the monitoring figures tie the English to its original; the
province's own bulletin on the same spill is related coverage with its own figures.
"""

from __future__ import annotations

from random import Random

from mee_archive.replica.vocab import places
from mee_archive.replica.vocab.story import (
    Occasion, Story, ZhText, chinese, condense, dated, pick, zh_date,
)

CAUSES: tuple[tuple[str, str], ...] = (
    ("一化工企业发生泄漏", "a leak at a chemical plant"),
    ("一辆危险化学品运输车辆侧翻", "the overturning of a truck carrying hazardous chemicals"),
    ("一座尾矿库发生泄漏", "a leak from a tailings pond"),
    ("一处输油管道破裂", "the rupture of an oil pipeline"),
    ("一家企业违法排放废水", "an illegal discharge of wastewater by an enterprise"),
)
POLLUTANTS: tuple[tuple[str, str], ...] = (
    ("苯", "benzene"), ("氨氮", "ammonia nitrogen"), ("锑", "antimony"), ("石油类", "petroleum"),
    ("硫酸", "sulfuric acid"), ("甲苯", "toluene"),
)


def incident(rng: Random, occasion: Occasion) -> Story:
    """A spill into a river: a working group is sent, monitoring shows where the water is back."""
    city = rng.choice(places.CITIES)
    province = next(p for p in places.PROVINCES if p.zh == city.province)
    cause_zh, cause_en = rng.choice(CAUSES)
    pollutant_zh, pollutant_en = rng.choice(POLLUTANTS)
    sections, stations, kilometres = rng.randint(3, 18), rng.randint(2, 9), rng.randint(5, 120)
    peak = round(rng.uniform(1.5, 40.0), 1)
    pairs: list[tuple[str, str | None]] = [
        dated(rng, occasion,
              f"{province.zh}{city.zh}市{cause_zh}，造成部分{pollutant_zh}进入附近河流。"
              "生态环境部立即派出工作组赶赴现场，指导地方开展应急处置。",
              f"{cause_en} in {city.en}, {province.en}, let some {pollutant_en} into a nearby river. "
              f"MEE immediately sent a working group to the site to guide the local emergency response."),
        (f"工作组在下游{kilometres}公里范围内布设{sections}个监测断面，设置{stations}个自动监测站。"
         f"监测显示，{pollutant_zh}浓度最高超标{peak}倍。",
         f"The group set up {sections} monitoring sections and {stations} automatic monitoring "
         f"stations along {kilometres} kilometers downstream. Monitoring showed that the "
         f"{pollutant_en} concentration peaked at {peak} times the standard."),
        ("目前，污染源已得到有效控制，下游饮用水水源地水质未受影响。",
         "The source of pollution is now under control, and downstream drinking water sources "
         "have not been affected."),
        ("生态环境部要求，各地要深刻汲取教训，全面排查环境风险隐患。", None),
    ]
    title_zh = pick(rng, f"生态环境部派工作组指导{city.zh}突发环境事件应急处置",
                    f"{province.zh}{city.zh}{pollutant_zh}泄漏事件应急处置有序开展")
    title_en = pick(rng, f"MEE sends working group to {city.en} after {pollutant_en} leak",
                    f"Emergency response under way after pollution incident in {city.en}")
    local = ZhText(f"{city.zh}市通报{pollutant_zh}泄漏事件处置进展", (
        f"截至{zh_date(occasion.event)}，{city.zh}市已累计出动应急人员{rng.randint(50, 900)}人次，"
        f"设置拦截坝{rng.randint(2, 15)}道。",
        "相关责任企业负责人已被公安机关依法控制。"), channel="dfnews", source=f"{city.zh}市生态环境局")
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs), (local,))
