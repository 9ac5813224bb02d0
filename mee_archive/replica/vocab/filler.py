"""The Chinese articles no English release translates: most of www.mee.gov.cn.

Much of it uses the same story builders as the originals (so nearby days carry near-duplicate
meetings and bulletins), the rest is local news, notices, State news and interviews.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from itertools import accumulate
from random import Random

from mee_archive.replica.vocab import elaboration, kinds, places, topics
from mee_archive.replica.vocab.story import Occasion, ZhText, document_place, zh_date


def local_news(rng: Random, day: date) -> ZhText:
    """地方快讯: a provincial department reports an enforcement campaign with figures."""
    province = rng.choice(places.PROVINCES)
    area_zh, _ = rng.choice(topics.WORK_AREAS)
    checked, found, cases = rng.randint(80, 3000), rng.randint(10, 400), rng.randint(3, 120)
    fine = round(rng.uniform(12, 2600), 1)
    title = rng.choice((f"{province.zh}开展{area_zh}专项检查", f"{province.zh}推进{area_zh}取得积极成效",
                        f"{province.zh}召开{area_zh}工作推进会"))
    paragraphs = (
        f"{zh_date(day)}，记者从{province.zh_full}生态环境厅获悉，今年以来全省围绕{area_zh}，"
        f"累计检查企业{checked}家，发现问题{found}个，立案查处{cases}起，罚款{fine}万元。",
        "下一步，该省将继续保持高压态势，强化部门联动，推动问题整改到位。",
    )
    return ZhText(title, elaboration.lengthen_zh(rng, paragraphs, 2, 8), channel="dfnews",
                  source=f"{province.zh_full}生态环境厅")


def notice(rng: Random, day: date) -> ZhText:
    """公示公告: approvals and consultations, some published as documents (legacy /gkml/ before 2018)."""
    measure_zh, _ = rng.choice(topics.MEASURES)
    title = rng.choice((
        f"关于{day.year}年{day.month}月拟批准的建设项目环境影响评价文件的公示",
        f"关于公开征求《{measure_zh}（征求意见稿）》意见的通知",
        f"关于{rng.choice(topics.INDUSTRIES)[0]}行业排污许可证申请与核发技术规范的公示",
    ))
    paragraphs = (
        f"根据有关规定，现将相关情况予以公示，公示期为{zh_date(day)}起{rng.choice((5, 7, 10, 30))}个工作日。",
        "如有意见，请于公示期内以书面形式反馈我部。联系电话：010-6556" + f"{rng.randint(1000, 9999)}。",
    )
    if rng.random() < 0.4:
        template, channel = document_place(rng, day)
        return ZhText(title, paragraphs, channel, template)
    return ZhText(title, paragraphs, channel="gsgg")


def state_news(rng: Random, day: date) -> ZhText:
    """时政要闻: State-level news relayed by the ministry."""
    area_zh, _ = rng.choice(topics.WORK_AREAS)
    province = rng.choice(places.PROVINCES)
    title = rng.choice((f"国务院常务会议部署推进{area_zh}", f"全国人大常委会执法检查组赴{province.zh}开展检查"))
    paragraphs = (
        f"{zh_date(day)}，{title}，听取有关情况汇报，研究{area_zh}相关工作。",
        f"会议确定了{rng.randint(3, 15)}项重点任务，要求各地区各部门切实履行职责，确保各项措施落地见效。",
    )
    return ZhText(title, elaboration.lengthen_zh(rng, paragraphs, 2, 8), channel="szyw")


def interview(rng: Random, day: date) -> ZhText:
    """直播访谈: a department head answers questions about a measure."""
    department_zh, _ = rng.choice(topics.DEPARTMENTS)
    measure_zh, _ = rng.choice(topics.MEASURES)
    title = f"生态环境部{department_zh}负责人就《{measure_zh}》答记者问"
    paragraphs = (
        f"近日，生态环境部印发《{measure_zh}》。生态环境部{department_zh}负责人就有关问题回答了记者提问。",
        "问：出台《办法》的背景是什么？",
        "答：近年来，各地在实践中积累了有益经验，也暴露出一些问题，亟需从制度层面加以规范。",
        "问：下一步将如何推动《办法》落实？",
        f"答：我们将组织{rng.randint(3, 40)}期培训，加强宣传解读，指导地方做好实施工作。",
    )
    return ZhText(title, paragraphs, channel="zbft")


def story_filler(rng: Random, day: date) -> ZhText:
    """A ministry story nobody translated: same builders, same vocabulary as the originals."""
    event = day - timedelta(days=rng.randint(0, 2))
    original = kinds.with_original(rng, day).build(rng, Occasion(event, day)).original
    assert original is not None  # with_original() promises it
    return replace(original, paragraphs=elaboration.lengthen_zh(rng, original.paragraphs))


FILLERS = (story_filler, local_news, notice, state_news, interview)
CUM_WEIGHTS = tuple(accumulate((0.4, 0.27, 0.12, 0.11, 0.1)))


def filler(rng: Random, day: date) -> ZhText:
    """One untranslated Chinese article published on ``day``."""
    return rng.choices(FILLERS, cum_weights=CUM_WEIGHTS)[0](rng, day)
