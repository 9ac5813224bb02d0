"""The longer passages that give a story its real length: what was said, in both languages.

A real ministry article runs to about 2,000 characters and its English to about 3,000: most of
it is what the speakers said about the work (situation, requirements, next steps). Those
passages are written here once per template and subject and shared by reference, so a corpus of
a hundred thousand long articles costs pointers, not copies; each story picks its own subset and
order, the translator drops a few.
"""

from __future__ import annotations

from dataclasses import replace
from random import Random

from mee_archive.replica.vocab import topics
from mee_archive.replica.vocab.story import Story

Pair = tuple[str, str]  # (Chinese, English)

# {a} the story's work area, {b} another one, {d} a department of the ministry.
TEMPLATES: tuple[Pair, ...] = (
    ("会议认为，{a}是一项系统工程，涉及面广、政策性强。近年来，各地区各部门认真贯彻党中央、国务院决策部署，"
     "{a}取得了阶段性成效，群众的获得感明显增强，但区域之间、行业之间进展还不平衡，一些深层次问题尚未得到根本解决。",
     "The meeting held that {a} is a systematic project that covers a wide range and involves many policies. In "
     "recent years, localities and departments have implemented the decisions of the CPC Central Committee and the "
     "State Council, and {a} has achieved results at this stage that the public can feel, but progress is still "
     "uneven across regions and industries, and some deep-seated problems have not been fundamentally solved."),
    ("会议强调，要坚持精准治污、科学治污、依法治污，把{a}同{b}统筹起来，"
     "保持力度、延伸深度、拓宽广度，以更高标准打好污染防治攻坚战。",
     "The meeting stressed the need to control pollution in a targeted, science-based and law-based way, to "
     "coordinate {a} with {b}, and to keep up the intensity, extend the depth and broaden the scope of the work, "
     "so as to fight the battle against pollution to higher standards."),
    ("会议要求，{d}要会同有关部门抓紧制定配套政策，细化任务分工，明确时间节点，"
     "加强对地方的指导帮扶，对工作推进不力的地区及时预警、约谈。",
     "The meeting asked the {d} to work with the departments concerned to draw up supporting policies quickly, "
     "to divide the tasks in detail with clear deadlines, to step up guidance and help for local governments, "
     "and to warn and summon in good time the regions where the work lags behind."),
    ("会议指出，当前{a}正处于爬坡过坎的关键期，稍有松懈就可能出现反弹。"
     "各级生态环境部门要增强责任感和紧迫感，坚决克服麻痹思想和厌战情绪。",
     "The meeting pointed out that {a} is at a critical stage of climbing the slope, and that any slackening "
     "could bring a rebound. Eco-environmental departments at all levels must heighten their sense of "
     "responsibility and urgency and firmly overcome complacency and fatigue."),
    ("会议强调，要坚持问题导向和目标导向，聚焦{a}中的突出短板，"
     "加大资金投入和技术支撑力度，推动一批重点工程尽快落地见效。",
     "The meeting emphasized that the work should be guided by problems and goals, focus on the prominent "
     "weaknesses in {a}, increase funding and technical support, and get a batch of key projects built and "
     "working as soon as possible."),
    ("会议要求，要完善{a}的监测评估体系，强化数据质量管理，"
     "严厉打击监测数据弄虚作假行为，确保数据真、准、全。",
     "The meeting required improving the monitoring and assessment system for {a}, strengthening the "
     "management of data quality and cracking down on the falsification of monitoring data, so that the data "
     "are true, accurate and complete."),
    ("会议指出，要把{a}与推动经济高质量发展结合起来，坚持在发展中保护、在保护中发展，"
     "引导企业加快绿色转型，培育壮大节能环保产业。",
     "The meeting pointed out that {a} should be combined with high-quality economic development, protecting "
     "the environment while developing and developing while protecting it, guiding enterprises to speed up "
     "their green transition and fostering the energy-saving and environmental protection industry."),
    ("会议强调，要压实地方党委和政府的主体责任，"
     "把{a}纳入生态环境保护督察和污染防治攻坚战成效考核的重要内容，以严格考核倒逼责任落实。",
     "The meeting stressed that local Party committees and governments must bear their main responsibility, "
     "and that {a} should be an important part of environmental inspections and of the assessment of the "
     "battle against pollution, so that strict assessment makes responsibilities real."),
    ("会议要求，要加强宣传引导，及时回应社会关切，"
     "广泛动员企业、社会组织和公众参与{a}，营造全社会共同参与的良好氛围。",
     "The meeting asked for stronger publicity and guidance, timely responses to public concerns, and the wide "
     "mobilization of enterprises, social organizations and the public to take part in {a}, creating a good "
     "atmosphere in which the whole of society participates."),
    ("会议指出，{b}与{a}密切相关，要加强部门协同和区域联动，"
     "建立健全信息共享、联合执法和应急联动机制，形成工作合力。",
     "The meeting pointed out that {b} is closely linked with {a}, and called for closer coordination between "
     "departments and regions, with sound mechanisms for sharing information, joint law enforcement and joint "
     "emergency response, so that efforts add up."),
    ("会议强调，要坚持以人民为中心的发展思想，把解决群众身边的突出生态环境问题作为重中之重，"
     "让人民群众切实感受到{a}带来的变化。",
     "The meeting stressed the people-centred philosophy of development and the top priority of solving the "
     "prominent environmental problems around the public, so that people really feel the changes that {a} "
     "brings."),
    ("会议要求，要加快补齐法规标准短板，推动修订完善相关法律法规，"
     "健全{a}领域的标准体系，为依法监管提供有力支撑。",
     "The meeting called for faster work on the gaps in laws and standards, the revision of the relevant laws "
     "and regulations and a sound system of standards for {a}, giving strong support to law-based "
     "supervision."),
    ("会议指出，要坚持全国一盘棋，对重点区域、重点流域、重点行业实施差异化管控，"
     "既要防止“一刀切”，又要防止松劲懈怠。",
     "The meeting pointed out that the country should act as one, with differentiated control of key regions, "
     "river basins and industries, avoiding both one-size-fits-all measures and any slackening of effort."),
    ("会议强调，{d}要加强对{a}工作的调度，每月通报进展情况，"
     "对发现的问题建立清单、逐项销号，确保年度目标任务如期完成。",
     "The meeting stressed that the {d} should keep closer track of the work on {a}, report progress every "
     "month, list the problems found and close them one by one, so that this year's targets are met on "
     "time."),
    ("会议要求，要加强生态环境保护铁军建设，提高基层执法人员的能力和水平，"
     "改善执法装备条件，为{a}提供坚强的队伍保障。",
     "The meeting required building a strong eco-environmental protection force, raising the skills of "
     "grass-roots law enforcement staff and improving their equipment, so that {a} is backed by a capable "
     "workforce."),
    ("会议指出，科技创新是{a}的重要支撑。要加强关键技术攻关和成果转化，"
     "推广一批先进适用技术，提高治理的精细化水平。",
     "The meeting pointed out that scientific and technological innovation is an important support for {a}. "
     "Key technologies should be developed and put to use, and a batch of advanced and applicable technologies "
     "promoted, so that control becomes more precise."),
    ("会议强调，要统筹好{a}和疫情防控、经济社会发展，优化监管方式，"
     "对守法企业减少干扰，对违法行为严查重处。",
     "The meeting stressed the need to balance {a} with epidemic prevention and economic and social "
     "development, to supervise in better ways, to disturb law-abiding enterprises less and to punish "
     "violations severely."),
    ("会议要求，各地要结合实际制定实施方案，"
     "把{a}的各项任务分解落实到具体项目、具体单位和具体责任人，确保件件有人抓、事事有着落。",
     "The meeting asked every locality to draw up an implementation plan suited to its conditions and to assign "
     "every task of {a} to specific projects, units and persons in charge, so that each task is followed up and "
     "each matter is settled."),
    ("会议指出，要深入推进生态环境领域“放管服”改革，"
     "在{a}中进一步简化审批程序、优化服务，同时加强事中事后监管。",
     "The meeting pointed out that the reform to streamline administration, delegate power and improve "
     "services should go deeper in the eco-environmental field, simplifying approvals and improving services "
     "in {a} while strengthening supervision during and after the event."),
    ("会议强调，要加强国际交流与合作，积极借鉴国外在{a}方面的有益经验，"
     "讲好中国生态环境保护故事，为全球环境治理贡献中国智慧。",
     "The meeting stressed stronger international exchanges and cooperation, learning from useful foreign "
     "experience in {a}, telling the story of China's environmental protection well and contributing Chinese "
     "wisdom to global environmental governance."),
    ("会议要求，要严格落实全面从严治党要求，驰而不息纠治“四风”，"
     "以党风廉政建设的实际成效保障{a}各项任务顺利推进。",
     "The meeting required strict compliance with the full and rigorous governance of the Party and unremitting "
     "correction of formalism and bureaucracy, so that the integrity of the Party's conduct keeps the tasks of "
     "{a} moving forward."),
    ("会议指出，{b}是{a}的重要组成部分。要加强两项工作的衔接，"
     "统一规划、统一部署、统一考核，避免重复建设和多头管理。",
     "The meeting pointed out that {b} is an important part of {a}. The two should be better linked, with one "
     "plan, one deployment and one assessment, avoiding duplicate construction and overlapping management."),
    ("会议强调，要坚持源头防控，从产业结构、能源结构、运输结构和用地结构入手，"
     "推动{a}从末端治理向全过程管控转变。",
     "The meeting stressed prevention at the source, starting from the structure of industry, energy, "
     "transport and land use, so that {a} shifts from end-of-pipe treatment to control of the whole "
     "process."),
    ("会议要求，{d}要认真总结试点经验，及时将成熟做法上升为制度规范，"
     "在全国范围内复制推广，推动{a}制度化、规范化、常态化。",
     "The meeting asked the {d} to sum up the experience of the pilots and to turn mature practices into rules "
     "in good time, replicating them nationwide so that {a} becomes institutionalized, standardized and "
     "regular."),
)
# Chinese-only elaboration the translator condenses away: the detail after a passage's point.
ZH_TAILS: tuple[str, ...] = (
    "各地区各部门要切实提高政治站位，把思想和行动统一到党中央决策部署上来，以钉钉子精神抓好各项任务落实。",
    "要进一步细化工作举措，层层传导压力，确保责任到岗、任务到人，决不能搞形式主义、官僚主义。",
    "要坚持实事求是，既尽力而为、又量力而行，科学确定目标任务，稳扎稳打、久久为功。",
    "要加强跟踪评估，定期开展“回头看”，发现问题及时整改，对弄虚作假、敷衍整改的严肃追责问责。",
    "要及时总结推广各地的好经验好做法，发挥典型示范引领作用，以点带面推动整体工作上水平。",
    "要强化资金、项目、人才等要素保障，统筹用好中央和地方各类资金，提高资金使用效益。",
    "要坚持依法依规，严格执法尺度，规范自由裁量权，做到执法有依据、过程有记录、结果可追溯。",
)
# Who says it: the templates are written for a meeting; other stories report an official or the text.
SPEAKERS: tuple[Pair, ...] = (("会议", "The meeting"), ("有关负责人", "An official"), ("通报", "The notice"))
_AREAS = topics.WORK_AREAS
_DEPARTMENTS = topics.DEPARTMENTS
_cache: dict[tuple[int, int, int], Pair] = {}


def passage(template: int, area: int, speaker: int = 0) -> Pair:
    """One passage about work area ``area``: the same string object every time it is asked for."""
    key = (template, area, speaker)
    found = _cache.get(key)
    if found is None:
        zh, en = TEMPLATES[template]
        other = (area + 1 + template) % len(_AREAS)  # the second area follows from the first
        department = _DEPARTMENTS[(template + area) % len(_DEPARTMENTS)]
        (speaker_zh, speaker_en), (meeting_zh, meeting_en) = SPEAKERS[speaker], SPEAKERS[0]
        tail = ZH_TAILS[(template * 3 + area) % len(ZH_TAILS)]
        found = _cache[key] = (
            zh.format(a=_AREAS[area][0], b=_AREAS[other][0], d=department[0]).replace(meeting_zh, speaker_zh, 1)
            + tail,
            en.format(a=_AREAS[area][1], b=_AREAS[other][1], d=department[1]).replace(meeting_en, speaker_en, 1),
        )
    return found


def passages(rng: Random, low: int = 6, high: int = 16) -> list[Pair]:
    """What the speakers said at some length: ``low`` to ``high`` passages about one or two areas."""
    count = rng.randint(low, high)
    areas = [rng.randrange(len(_AREAS)) for _ in range(rng.choice((1, 2)))]
    speaker = rng.choices(range(len(SPEAKERS)), cum_weights=(6, 8, 9))[0]
    return [passage(t, areas[i % len(areas)], speaker)
            for i, t in enumerate(rng.sample(range(len(TEMPLATES)), count))]


AFTER = 2  # passages follow the opening paragraphs (date, who, what), which every translation keeps


def lengthen(rng: Random, zh: tuple[str, ...], en: tuple[str, ...], low: int = 10,
             high: int = 22) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A story's two texts at real length: passages after the opening, a few left untranslated."""
    added = passages(rng, low, high)
    kept = tuple(e for _, e in added if rng.random() < 0.6)
    return zh[:AFTER] + tuple(z for z, _ in added) + zh[AFTER:], en[:AFTER] + kept + en[AFTER:]


def lengthen_story(rng: Random, story: Story) -> Story:
    """The story at real length: its original and its translation, or the English alone."""
    if story.original is None:
        return replace(story, en_paragraphs=lengthen(rng, (), story.en_paragraphs, 3, 10)[1])
    zh, en = lengthen(rng, story.original.paragraphs, story.en_paragraphs)
    others = tuple(replace(t, paragraphs=lengthen_zh(rng, t.paragraphs, 2, 8)) for t in story.others)
    return replace(story, original=replace(story.original, paragraphs=zh), en_paragraphs=en, others=others)


def lengthen_zh(rng: Random, zh: tuple[str, ...], low: int = 10, high: int = 22) -> tuple[str, ...]:
    """A Chinese text nobody translated, at real length."""
    return zh[:AFTER] + tuple(z for z, _ in passages(rng, low, high)) + zh[AFTER:]
