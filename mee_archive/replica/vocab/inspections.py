"""Central environmental inspections (督察) and enforcement campaigns: stories told in figures.

Their numbers (complaints, cases, fines, detentions) are what a linker can match across the two
languages; the provincial reports of the same inspection repeat some of them.
"""

from __future__ import annotations

from datetime import timedelta
from random import Random

from mee_archive.replica.vocab import places, topics
from mee_archive.replica.vocab.story import (
    Occasion, Story, ZhText, chinese, condense, dated, en_date, en_list, en_number, en_ordinal,
    en_yuan, headline, lead, pick, zh_count, zh_date, zh_list, zh_wan,
)

ISSUES: tuple[tuple[str, str], ...] = (
    ("未安装污染治理设施", "a lack of pollution control facilities"),
    ("治污设施运行不正常", "abnormal operation of pollution control facilities"),
    ("“散乱污”企业整治不到位", "unfinished clean-up of small, scattered and polluting enterprises"),
    ("无组织排放管控不力", "poorly controlled fugitive emissions"),
    ("在线监测数据异常", "abnormal online monitoring data"),
    ("未落实错峰生产要求", "failure to follow staggered production requirements"),
    ("环境管理台账不全", "incomplete environmental management records"),
    ("危险废物贮存不规范", "improper storage of hazardous waste"),
)


def inspection(rng: Random, occasion: Occasion) -> Story:
    """A batch of central inspection teams reports the complaints handled so far."""
    batch = rng.randint(1, 6)
    provinces = rng.sample(places.PROVINCES, rng.randint(3, 7))
    received = rng.randint(3000, 28000)
    handed = int(received * rng.uniform(0.6, 0.9))
    closed, rectify, punished = (int(handed * rng.uniform(a, b)) for a, b in ((0.3, 0.7), (0.2, 0.5), (0.05, 0.2)))
    fine = round(rng.uniform(800, 26000), 1)
    detained, talks, accountable = rng.randint(5, 160), rng.randint(40, 900), rng.randint(20, 700)
    stationed = occasion.event - timedelta(days=rng.randint(10, 25))
    names_zh = zh_list([p.zh for p in provinces])
    names_en = en_list([p.en for p in provinces])
    pairs: list[tuple[str, str | None]] = [
        (f"经党中央、国务院批准，第{zh_count(batch)}批{len(provinces)}个中央生态环境保护督察组于"
         f"{zh_date(stationed, with_year=True)}陆续进驻{names_zh}开展督察。",
         f"With the approval of the CPC Central Committee and the State Council, the {en_ordinal(batch)} "
         f"batch of {len(provinces)} central eco-environmental protection inspection teams were "
         f"stationed in {names_en} from {en_date(rng, stationed, with_year=True)}."),
        (f"截至{zh_date(occasion.event)}，各督察组共受理群众来电来信举报{received}件，"
         f"经梳理合并重复举报后，向被督察地方交办{handed}件。",
         lead(pick(rng, f"as of {en_date(rng, occasion.event)}", "so far"),
              f"the teams had received {en_number(received)} public complaints by phone and letter and, "
              f"after merging duplicates, handed {en_number(handed)} cases over to the local authorities.")),
        (f"各地已办结{closed}件，责令整改{rectify}家，立案处罚{punished}家，罚款{zh_wan(fine)}；"
         f"拘留{detained}人，约谈{talks}人，问责{accountable}人。",
         f"Local authorities have closed {en_number(closed)} cases, ordered {en_number(rectify)} enterprises "
         f"to rectify, filed {en_number(punished)} cases for penalties with fines of {en_yuan(fine)}, "
         f"detained {detained} people, summoned {talks} officials for talks and held {accountable} "
         f"officials accountable."),
        ("督察组强调，要坚持边督边改，对群众反映强烈的突出问题盯住不放，确保件件有着落、事事有回音。", None),
        ("下一步，督察组将进一步深入一线、深入现场，查实一批突出生态环境问题。",
         "The teams will go further to the front line and verify a number of prominent problems."),
    ]
    title_zh = pick(rng, f"第{zh_count(batch)}批中央生态环境保护督察进展情况",
                    f"中央生态环境保护督察组向{len(provinces)}省（区、市）交办群众举报{handed}件")
    title_en = pick(rng, f"Progress of the {en_ordinal(batch)} batch of central environmental inspections",
                    f"Central inspection teams hand over {en_number(handed)} public complaints to "
                    f"{len(provinces)} provinces")
    related = tuple(_provincial_report(rng, occasion, p, round(handed / len(provinces) * rng.uniform(0.8, 1.2)))
                    for p in provinces[:2])
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs, keep=3), related)


def _provincial_report(rng: Random, occasion: Occasion, province: places.Province, cases: int) -> ZhText:
    """A province's own account of the inspection: same dates, a share of the same cases."""
    return ZhText(
        f"{province.zh}全力配合中央生态环境保护督察",
        (f"中央第{zh_count(rng.randint(1, 7))}生态环境保护督察组进驻{province.zh_full}以来，"
         f"截至{zh_date(occasion.event)}，共向我省交办群众举报{cases}件。",
         "我省坚持立行立改，对交办问题逐一核查、逐件办理，办理情况及时向社会公开。"),
        channel="dfnews", source=f"{province.zh_full}生态环境厅")


def campaign(rng: Random, occasion: Occasion) -> Story:
    """A special enforcement campaign: teams sent, enterprises checked, problems found."""
    area_zh, area_en = rng.choice(topics.WORK_AREAS)
    teams, checked = rng.randint(20, 300), rng.randint(2000, 60000)
    found = int(checked * rng.uniform(0.1, 0.4))
    (issue1_zh, issue1_en), (issue2_zh, issue2_en) = rng.sample(ISSUES, 2)
    share1 = round(rng.uniform(20, 45), 1)
    share2 = round(rng.uniform(8, share1 - 1), 1)  # the most common problem first
    worst = rng.sample(places.PROVINCES, 3)
    pairs: list[tuple[str, str | None]] = [
        dated(rng, occasion,
              f"生态环境部通报{area_zh}专项行动进展情况。生态环境部共派出"
              f"{teams}个督查组，检查企业{checked}家，发现问题{found}个。",
              f"MEE briefed on the progress of the special campaign on {area_en}. It had sent "
              f"{teams} supervision teams, which checked {en_number(checked)} enterprises and "
              f"found {en_number(found)} problems."),
        (f"从问题类型看，{issue1_zh}和{issue2_zh}较为突出，分别占{share1}%和{share2}%。",
         f"The most common problems were {issue1_en} and {issue2_en}, accounting for {share1} percent "
         f"and {share2} percent respectively."),
        (f"从省份看，{zh_list([p.zh for p in worst])}发现问题较多。",
         f"By province, {en_list([p.en for p in worst])} had the most problems."),
        ("生态环境部已将问题清单交办地方，要求限期整改并向社会公开整改情况。",
         "The problems have been handed over to local governments, which must rectify them within "
         "a time limit and make the results public."),
    ]
    title_zh = pick(rng, f"生态环境部通报{area_zh}专项行动进展", f"{area_zh}专项督查发现问题{found}个")
    title_en = pick(rng, f"MEE briefs on special campaign on {headline(area_en)}",
                    f"Special campaign finds {en_number(found)} problems in {headline(area_en)}")
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs))
