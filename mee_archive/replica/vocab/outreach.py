"""The ministry meeting people: foreign ministers, national conferences, provincial field trips.

Names (pinyin, foreign names, places) carry these stories across languages; photos come with them.
"""

from __future__ import annotations

from datetime import timedelta
from random import Random

from mee_archive.replica.vocab import names, places, topics, visitors
from mee_archive.replica.vocab.story import (
    Occasion, Story, ZhText, chinese, condense, dated, en_dates, en_ordinal, headline, pick, zh_count, zh_date,
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
    again = _again(rng, occasion, host.zh, f"{country.zh}{country.title_zh}{country.minister_zh}",
                   country.minister_zh.rsplit("·", 1)[-1], city[0])
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs, keep=3), related, images,
                 others=(again,))


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


def _again(rng: Random, occasion: Occasion, host_zh: str, guest_zh: str, guest_short_zh: str,
           city_zh: str) -> ZhText:
    """Another meeting of the same two people: weeks or months earlier, elsewhere, on other topics."""
    earlier = occasion.event - timedelta(days=rng.randint(20, 400))
    where = rng.choice([c for c in ("北京", "杭州", "成都", "昆明", "青岛", "贵阳") if c != city_zh])
    (area1_zh, _), (area2_zh, _) = topics.choose(rng, topics.COOPERATION, 2)
    source = rng.choice(("新华社", "人民网", "中国环境报"))
    return ZhText(f"{host_zh}会见{guest_zh}", (
        f"{zh_date(earlier)}，生态环境部部长{host_zh}在{where}会见了{guest_zh}一行。",
        f"{host_zh}表示，中方愿与各方一道，在{area1_zh}和{area2_zh}等领域深化务实合作。",
        f"{guest_short_zh}表示，期待双方在{area1_zh}领域开展更多联合项目。",
        "双方还就共同关心的其他问题交换了意见。"), channel=rng.choice(("szyw", "hjywnews")), source=source)


def visit(rng: Random, occasion: Occasion) -> Story:
    """The minister meets the head of an international body or a neighbour's minister."""
    host = names.minister(occasion.event)
    post = rng.choice(visitors.POSTS)
    guest = post.holder(occasion.event)
    (a1_zh, a1_en), (a2_zh, a2_en), (a3_zh, a3_en), (a4_zh, a4_en) = topics.choose(rng, topics.COOPERATION, 4)
    city_zh, city_en = pick(rng, "北京|Beijing", "北京|Beijing", "北京|Beijing", "昆明|Kunming").split("|")
    pairs: Pairs = [
        dated(rng, occasion,
              f"生态环境部部长{host.zh}在{city_zh}会见了{post.zh}{guest.zh}一行。",
              pick(rng, f"Minister of Ecology and Environment {host.en} met with {post.en} {guest.en} "
                        f"and the delegation in {city_en}.",
                   f"{host.en}, Minister of Ecology and Environment, met {guest.en}, {post.en}, in {city_en}.")),
        (f"{host.zh}表示，中方高度重视与{post.org_zh}的合作。近年来，双方在"
         f"{a1_zh}、{a2_zh}等领域开展了卓有成效的合作。",
         f"{host.surname_en} said China values its cooperation highly, and that the two sides have cooperated "
         f"fruitfully on {a1_en}, {a2_en} and other areas in recent years."),
        (f"{host.zh}介绍了中国在{a3_zh}方面的进展，希望双方以此次会见为契机，推动合作再上新台阶。",
         f"{host.surname_en} briefed the guests on China's progress in {a3_en} and hoped the meeting would take "
         f"the cooperation to a new level."),
        (f"{guest.short_zh}高度评价中国在生态环境保护方面取得的成就，表示愿与中方进一步加强在{a3_zh}等领域的合作。",
         f"{guest.short_en} spoke highly of China's achievements in environmental protection and said "
         f"{'she' if rng.random() < 0.5 else 'he'} is willing to strengthen cooperation with China in {a3_en}."),
        (f"双方还就{a4_zh}等共同关心的问题交换了意见。",
         f"The two sides also exchanged views on {a4_en} and other issues of common concern."),
        ("生态环境部国际合作司等部门有关负责同志参加会见。", None),
    ]
    title_zh = f"{host.zh}会见{post.zh}{guest.zh}"
    title_en = pick(rng, f"{host.en} meets with {guest.en}", f"Minister {host.en} meets {post.en}")
    again = _again(rng, occasion, host.zh, guest.zh, guest.short_zh, city_zh)
    images = (f"Minister {host.en} meets with {guest.en}",) if rng.random() < 0.5 else ()
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs, keep=3), others=(again,),
                 images=images)


FORUMS: tuple[tuple[str, str], ...] = (
    ("中国—东盟环境合作论坛", "China-ASEAN Environmental Cooperation Forum"),
    ("生态文明国际论坛", "International Forum on Ecological Civilization"),
    ("中日韩环境部长会议", "Tripartite Environment Ministers Meeting among China, Japan and Korea"),
    ("澜沧江—湄公河环境合作圆桌对话", "Lancang-Mekong Environmental Cooperation Roundtable"),
    ("“一带一路”绿色发展国际联盟年会", "Annual Meeting of the Belt and Road Initiative International Green "
                                  "Development Coalition"),
)


def forum(rng: Random, occasion: Occasion) -> Story:
    """An international meeting over two or three days: the English tells its closing, or its opening."""
    name_zh, name_en = rng.choice(FORUMS)
    edition = rng.randint(2, 20)
    city = rng.choice(places.CITIES)
    host, deputy = names.minister(occasion.event), names.vice_ministers(occasion.event, rng, 1)[0]
    guest_post = rng.choice(visitors.POSTS)
    guest = guest_post.holder(occasion.event)
    (a1_zh, a1_en), (a2_zh, a2_en) = topics.choose(rng, topics.COOPERATION, 2)
    delegates, countries = rng.randint(150, 900), rng.randint(12, 60)
    closing = rng.random() < 0.7
    other_day = occasion.event - timedelta(days=rng.randint(1, 2)) if closing else occasion.event
    event_zh = f"第{zh_count(edition)}届{name_zh}" if edition > 1 else name_zh
    event_en = f"the {en_ordinal(edition)} {name_en}"
    speaker, word_zh, word_en = (deputy, "闭幕", "closed") if closing else (host, "开幕", "opened")
    pairs: Pairs = [
        dated(rng, occasion, f"{event_zh}在{city.zh}{word_zh}。生态环境部{'副部长' if closing else '部长'}"
                             f"{speaker.zh}出席{word_zh}式并致辞。",
              f"{event_en} {word_en} in {city.en}. {'Vice Minister' if closing else 'Minister'} of Ecology and "
              f"Environment {speaker.en} attended the {'closing' if closing else 'opening'} ceremony and "
              f"delivered a speech."),
        (f"来自{countries}个国家和国际组织的{delegates}余名代表参加会议。",
         f"More than {delegates} representatives from {countries} countries and international organizations "
         f"attended."),
        (f"{speaker.zh}表示，本届会议围绕{a1_zh}和{a2_zh}深入交流，"
         + ("达成了广泛共识，发布了联合声明。" if closing else "将为深化区域合作注入新动力。"),
         f"{speaker.surname_en} said the meeting " + (f"had held in-depth exchanges on {a1_en} and {a2_en}, "
                                                      f"reached broad consensus and issued a joint statement."
                                                      if closing else
                                                      f"would hold in-depth exchanges on {a1_en} and {a2_en} "
                                                      f"and bring new impetus to regional cooperation.")),
        (f"{guest_post.zh}{guest.zh}在致辞中表示，期待各方在{a1_zh}领域加强政策对话与项目合作。",
         f"{guest_post.en} {guest.en} said in {'her' if rng.random() < 0.5 else 'his'} remarks that "
         f"{guest.short_en} looks forward to policy dialogue and joint projects on {a1_en}."),
    ]
    other_word = "开幕" if closing else "分论坛举行"
    other = ZhText(f"{event_zh}在{city.zh}{other_word}", (
        f"{zh_date(other_day)}，{event_zh}在{city.zh}{other_word}。生态环境部部长{host.zh}出席并讲话。",
        f"{host.zh}指出，{a2_zh}是各方共同关心的议题，希望与会代表深入交流、凝聚共识。",
        f"{guest_post.zh}{guest.zh}、有关国家环境部门负责人和国际组织代表出席。"),
        channel=rng.choice(("hjywnews", "szyw")))
    title_zh = f"{event_zh}在{city.zh}{word_zh}"
    title_en = pick(rng, f"{event_en[4:]} {word_en} in {city.en}", f"{name_en} {word_en} in {city.en}")
    images = (f"The {'closing' if closing else 'opening'} ceremony of the {name_en}",) if rng.random() < 0.4 else ()
    return Story(ZhText(title_zh, chinese(pairs)), title_en, condense(rng, pairs, keep=3), (other,), images)
