"""The ministry meeting people: foreign ministers, national conferences, provincial field trips.

Names (pinyin, foreign names, places) carry these stories across languages; photos come with them.
"""

from __future__ import annotations

from datetime import timedelta
from random import Random

from mee_archive.replica.vocab import names, places, topics
from mee_archive.replica.vocab.story import (
    Occasion, Story, ZhText, chinese, condense, dated, en_dates, headline, pick, zh_count, zh_date,
)

Pairs = list[tuple[str, str | None]]
# Provinces whose cities we can name on a field trip.
VISITABLE = tuple(p for p in places.PROVINCES if any(c.province == p.zh for c in places.CITIES))


def bilateral(rng: Random, occasion: Occasion) -> Story:
    """The minister meets a foreign counterpart; sometimes they sign a memorandum."""
    host = names.minister(occasion.event)
    country = rng.choice(places.COUNTRIES)
    guest_en = f"{country.title_en} of {country.en} {country.minister_en}"
    (area1_zh, area1_en), (area2_zh, area2_en), (area3_zh, area3_en) = topics.choose(rng, topics.COOPERATION, 3)
    city = pick(rng, "北京|Beijing", "北京|Beijing", "杭州|Hangzhou", "成都|Chengdu").split("|")
    pairs: Pairs = [
        dated(rng, occasion,
              f"生态环境部部长{host.zh}在{city[0]}会见了{country.zh}{country.title_zh}{country.minister_zh}一行。",
              pick(rng,
                   f"Minister of Ecology and Environment {host.en} met with {guest_en} and the "
                   f"delegation in {city[1]}.",
                   f"{host.en}, Minister of Ecology and Environment, met in {city[1]} with the "
                   f"delegation led by {guest_en}.")),
        (f"{host.zh}表示，中国与{country.zh}在{area1_zh}、{area2_zh}等领域开展了务实合作，取得了积极成果。",
         f"{host.surname_en} said that China and {country.en} had carried out practical cooperation "
         f"with positive results in {area1_en}, {area2_en} and other areas."),
        (f"{host.zh}介绍了中国生态环境保护工作进展，希望双方以此次会见为契机，深化在{area3_zh}领域的交流。",
         f"{host.surname_en} briefed the guests on China's progress in environmental protection and "
         f"hoped the two sides would deepen exchanges in {area3_en}."),
        (f"{country.minister_zh}表示，{country.zh}愿与中方进一步加强在{area3_zh}等领域的合作。",
         f"{country.minister_en} said {country.en} is willing to further strengthen cooperation with "
         f"China in {area3_en} and other fields."),
    ]
    if rng.random() < 0.5:
        pairs.append((f"会见后，双方签署了关于{area1_zh}合作的谅解备忘录。",
                      f"After the meeting, the two sides signed a memorandum of understanding on "
                      f"cooperation in {area1_en}."))
    pairs.append(("生态环境部国际合作司等部门有关负责同志参加会见。", None))
    title_zh = f"{host.zh}会见{country.zh}{country.title_zh}{country.minister_zh}"
    title_en = pick(rng, f"{host.en} meets with {guest_en}",
                    f"China and {country.en} to deepen cooperation on {area1_en}")
    session = rng.randint(2, 12)
    related = (ZhText(
        f"中国—{country.zh}环境合作联合委员会第{zh_count(session)}次会议在{city[0]}召开",
        (f"{zh_date(occasion.event)}，中国—{country.zh}环境合作联合委员会第{zh_count(session)}次会议"
         f"在{city[0]}召开。双方回顾了{area2_zh}领域合作进展，讨论了下一阶段工作计划。",
         f"{country.zh}{country.title_zh}{country.minister_zh}出席会议并致辞。")),)
    images = (f"Minister {host.en} meets with {country.minister_en}",) if rng.random() < 0.5 else ()
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs, keep=3), related, images)


def conference(rng: Random, occasion: Occasion) -> Story:
    """A national work conference held in a provincial city, a vice minister speaking."""
    area_zh, area_en = rng.choice(topics.WORK_AREAS)
    city = rng.choice(places.CITIES)
    speaker = names.vice_ministers(occasion.event, rng, 1)[0]
    provinces, delegates = rng.randint(20, 31), rng.randint(120, 600)
    pairs: Pairs = [
        dated(rng, occasion,
              f"全国{area_zh}工作会议在{city.zh}召开。生态环境部副部长{speaker.zh}出席会议并讲话。",
              f"the national conference on {area_en} was held in {city.en}. Vice Minister of Ecology "
              f"and Environment {speaker.en} attended and addressed the conference."),
        (f"来自{provinces}个省（区、市）的{delegates}名代表参加会议。",
         f"About {delegates} delegates from {provinces} provinces, autonomous regions and "
         f"municipalities attended."),
        (f"{speaker.zh}指出，{occasion.event.year - 1}年以来，{area_zh}取得明显成效，但与人民群众的期待相比仍有差距。",
         f"{speaker.surname_en} said that clear results had been achieved in {area_en} since "
         f"{occasion.event.year - 1}, but gaps remain compared with what the public expects."),
        ("会议强调，要咬定目标不放松，压实地方责任，推动各项任务落地见效。", None),
    ]
    title_zh = f"全国{area_zh}工作会议在{city.zh}召开"
    title_en = pick(rng, f"National conference on {headline(area_en)} held in {city.en}",
                    f"{city.en} hosts national conference on {headline(area_en)}")
    images = (f"The national conference on {headline(area_en)} in {city.en}",) if rng.random() < 0.3 else ()
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs), images=images)


def field_trip(rng: Random, occasion: Occasion) -> Story:
    """The minister spends two or three days visiting sites in one province."""
    host = names.minister(occasion.event)
    province = rng.choice(VISITABLE)
    cities = [c for c in places.CITIES if c.province == province.zh][:2]
    (site1_zh, site1_en), (site2_zh, site2_en) = topics.choose(rng, topics.SITES, 2)
    area_zh, area_en = rng.choice(topics.WORK_AREAS)
    first = occasion.event - timedelta(days=rng.randint(1, 2))
    city_zh = "、".join(c.zh for c in cities)
    city_en = " and ".join(c.en for c in cities)
    pairs: Pairs = [
        (f"{zh_date(first)}至{zh_date(occasion.event)}，生态环境部部长{host.zh}在{province.zh_full}调研，"
         f"先后来到{city_zh}，实地察看了{site1_zh}和{site2_zh}。",
         "From {} to {}, ".format(*en_dates(rng, first, occasion.event)) + f"Minister {host.en} conducted "
         f"research in {province.en}, visiting {site1_en} and {site2_en} in {city_en}."),
        (f"{host.zh}强调，要把{area_zh}摆在更加突出的位置，加快补齐短板。",
         f"{host.surname_en} stressed the need to give greater priority to {area_en} and to make up "
         f"for weaknesses faster."),
        (f"调研期间，{host.zh}与{province.zh}有关负责同志进行了座谈，听取了当地生态环境保护工作情况介绍。",
         f"During the trip, {host.surname_en} held talks with officials of {province.en} and heard "
         f"about local environmental protection work."),
        ("生态环境部有关司局负责同志陪同调研。", None),
    ]
    title_zh = f"{host.zh}在{province.zh}调研{area_zh}工作"
    title_en = pick(rng, f"{host.en} conducts research in {province.en}",
                    f"Minister {host.en} inspects {headline(area_en)} in {province.en}")
    related = (ZhText(f"{province.zh}与生态环境部座谈交流",
                      (f"{zh_date(occasion.event)}，{province.zh}有关负责同志与生态环境部部长{host.zh}一行座谈，"
                       f"双方就{area_zh}等工作交换了意见。",),
                      channel="dfnews", source=f"{province.zh_full}人民政府"),)
    images = (f"Minister {host.en} at {site1_en} in {cities[0].en}",) if rng.random() < 0.4 else ()
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs), related, images)
