"""Rules issued, press conferences held, places named: originals in xwfb and document pages.

A measure's original is sometimes the notice itself (an ``xxgk2018`` document page, or a legacy
``/gkml/`` page before 2018), sometimes a news item; an interview about it is related coverage.
A press conference's original is in xwfb, its transcript in zbft.
"""

from __future__ import annotations

import re
from datetime import date
from random import Random

from mee_archive.replica.vocab import names, places, topics
from mee_archive.replica.vocab.story import (
    EN_MONTHS, Occasion, Story, ZhText, chinese, condense, dated, document_place, en_date, en_list,
    en_number, en_ordinal, en_yuan, lead, pick, zh_count, zh_date, zh_list, zh_wan,
)

Pairs = list[tuple[str, str | None]]


def regulation(rng: Random, occasion: Occasion) -> Story:
    """The ministry issues a measure: the notice itself and a news item both tell it.

    Either can be the original the English translates; the other is related coverage of the
    same measure, with the same figures. The notice is a cover letter (addressees; the measure is
    attached), the news item describes scope and penalties: the English says what its original
    says, so the original stays identifiable.
    """
    measure_zh, measure_en = rng.choice(topics.MEASURES)
    short_zh = f"《{measure_zh[-2:]}》"  # 《办法》, 《规定》, 《细则》
    short_en = re.split(r" (?:for|on|of) ", measure_en, maxsplit=1)[0]  # "Measures", "Provisions"...
    chapters, articles, order = rng.randint(4, 9), rng.randint(25, 70), rng.randint(1, 60)
    low, high = rng.choice(((1, 10), (2, 20), (5, 50), (10, 100)))
    effective = date(occasion.event.year + (occasion.event.month >= 10), (occasion.event.month + 2) % 12 + 1, 1)
    effective_zh, effective_en = zh_date(effective, with_year=True), en_date(rng, effective, with_year=True)
    size = (f"{short_zh}共{chapters}章{articles}条",
            f"The {short_en} consist of {articles} articles in {chapters} chapters")
    news_pairs: Pairs = [
        (f"近日，生态环境部印发《{measure_zh}》（生态环境部令第{order}号，以下简称{short_zh}），"
         f"自{effective_zh}起施行。",
         lead(pick(rng, "recently", "recently", ""),  # the Chinese gives no date either
              f"MEE issued the {measure_en} (MEE Order No. {order}), which will take effect on "
              f"{effective_en}.")),
        (f"{size[0]}，明确了适用范围、职责分工、管理程序和法律责任。",
         f"{size[1]}, covering the scope of application, the division of responsibilities, "
         f"procedures and legal liabilities."),
        (f"{short_zh}规定，违反相关规定的，处{zh_wan(low)}以上{zh_wan(high)}以下的罚款。",
         f"Violators will be fined between {en_yuan(low)} and {en_yuan(high)}."),
        (f"{short_zh}的出台，对于提升生态环境治理能力具有重要意义。", None),
    ]
    notice_pairs: Pairs = [  # a cover letter: the measure itself is the attached file
        ("各省、自治区、直辖市生态环境厅（局），新疆生产建设兵团生态环境局：为规范相关工作，"
         f"我部制定了《{measure_zh}》（生态环境部令第{order}号，见附件），现印发给你们，请遵照执行。",
         f"MEE has sent the {measure_en} (MEE Order No. {order}) to the eco-environmental "
         f"departments of all provinces, autonomous regions and municipalities and the Xinjiang "
         f"Production and Construction Corps, asking them to implement it."),
        (f"{size[0]}，自{effective_zh}起施行。", f"{size[1]} and will take effect on {effective_en}."),
    ]  # the "附件：" line is the attachment link, which the renderer prints from `attachments`
    template, channel = document_place(rng, occasion.published)
    news = ZhText(f"生态环境部印发《{measure_zh}》", chinese(news_pairs))
    notice = ZhText(f"关于印发《{measure_zh}》的通知", chinese(notice_pairs), channel, template,
                    attachments=(measure_zh,))
    if rng.random() < 0.3:  # the English usually translates the news item, sometimes the notice
        (original, pairs), other = (notice, notice_pairs), news
    else:
        (original, pairs), other = (news, news_pairs), notice
    interview = ZhText(f"生态环境部有关负责人就《{measure_zh}》答记者问", (
        f"近日，生态环境部印发《{measure_zh}》，自{effective_zh}起施行。"
        f"生态环境部有关负责人就{short_zh}出台的背景和主要内容回答了记者提问。",
        f"问：{short_zh}主要包括哪些内容？答：{size[0]}。"), channel="zbft")
    title_en = pick(rng, f"MEE issues {measure_en}", f"MEE releases the {measure_en}")
    attachments = (f"{measure_en} (Chinese version)",) if rng.random() < 0.3 else ()
    return Story(original, title_en, condense(rng, pairs), (other, interview), attachments=attachments)


def press_conference(rng: Random, occasion: Occasion) -> Story:
    """The monthly press conference: a department head's figures, the spokesperson's news."""
    month = occasion.event.month
    speaker = names.spokesperson(occasion.event)
    guest = names.random_person(rng)
    dept_zh, dept_en = rng.choice(topics.DEPARTMENTS)
    head_zh = dept_zh + ("司长" if dept_zh.endswith("司") else "局长")  # 大气环境司司长, 执法局局长
    area_zh, area_en = rng.choice(topics.WORK_AREAS)
    projects, rate, funds = rng.randint(120, 9000), round(rng.uniform(60, 99), 1), round(rng.uniform(3, 900), 1)
    pairs: Pairs = [
        dated(rng, occasion,
              f"生态环境部举行{month}月例行新闻发布会。{head_zh}{guest.zh}"
              f"介绍{area_zh}有关情况，并回答记者提问。生态环境部新闻发言人{speaker.zh}主持发布会。",
              f"MEE held its regular press conference for {EN_MONTHS[month - 1]}. Director General of "
              f"the {dept_en} {guest.en} briefed reporters on {area_en} and answered questions. "
              f"MEE spokesperson {speaker.en} presided over the conference."),
        (f"{guest.zh}介绍，{occasion.event.year}年以来，全国累计完成相关项目{projects}个，完成率{rate}%，"
         f"投入资金{funds}亿元。",
         f"Since the beginning of {occasion.event.year}, {en_number(projects)} projects had been "
         f"completed nationwide, a completion rate of {rate} percent, with {round(funds / 10, 2):g} billion yuan "
         f"invested, {guest.surname_en} said."),
        (f"{speaker.zh}表示，下一步，生态环境部将继续加大工作力度，推动{area_zh}取得新进展。",
         f"{speaker.surname_en} said MEE will step up its efforts to make new progress in {area_en}."),
    ]
    title_zh = f"生态环境部举行{month}月例行新闻发布会"
    title_en = pick(rng, f"MEE holds regular press conference for {EN_MONTHS[month - 1]}",
                    "MEE holds a regular press conference")
    transcript = ZhText(f"生态环境部{month}月例行新闻发布会实录", (
        f"{speaker.zh}：新闻界的朋友们，上午好！欢迎参加生态环境部{month}月例行新闻发布会。",
        f"{guest.zh}：{occasion.event.year}年以来，全国累计完成相关项目{projects}个，完成率{rate}%。",
        f"记者：请问{area_zh}下一步有哪些安排？",
        f"{guest.zh}：我们将继续压实责任，确保按期完成各项任务。"), channel="zbft")
    summary = ZhText(f"生态环境部：{occasion.event.year}年以来全国累计完成{area_zh}相关项目{projects}个", (
        f"在{zh_date(occasion.event)}举行的生态环境部例行新闻发布会上，{head_zh}{guest.zh}表示，"
        f"全国累计完成相关项目{projects}个，完成率{rate}%。",), channel="hjywnews")
    return Story(ZhText(title_zh, chinese(pairs), "xwfb"), title_en, condense(rng, pairs, keep=3),
                 (transcript, summary))


def demonstration_zones(rng: Random, occasion: Occasion) -> Story:
    """The yearly naming of demonstration cities and counties for ecological progress."""
    batch = rng.randint(1, 8)
    zones, bases = rng.randint(40, 120), rng.randint(15, 60)
    named = rng.sample(places.CITIES, 3)
    pairs: Pairs = [
        dated(rng, occasion,
              f"生态环境部命名第{zh_count(batch)}批{zones}个国家生态文明建设示范市县"
              f"和{bases}个“绿水青山就是金山银山”实践创新基地。",
              f"MEE named the {en_ordinal(batch)} batch of {zones} national demonstration cities and "
              f"counties for ecological progress and {bases} innovation bases for the idea that "
              f"lucid waters and lush mountains are invaluable assets."),
        (f"{zh_list([c.zh for c in named])}等地入选。",
         f"{en_list([c.en for c in named])} are among them."),
        ("生态环境部表示，将加强对示范市县和实践创新基地的动态管理，对不再符合要求的予以撤销。",
         "MEE said it will monitor the named places and withdraw the title from those that no "
         "longer meet the requirements."),
    ]
    title_zh = f"生态环境部命名第{zh_count(batch)}批国家生态文明建设示范市县"
    title_en = pick(rng, f"MEE names {zones} national demonstration cities and counties for ecological progress",
                    f"The {en_ordinal(batch)} batch of national demonstration zones for ecological progress named")
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs))
