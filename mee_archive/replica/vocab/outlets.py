"""Other outlets' reports of an event, and verbatim copies of an original: what a linker confuses.

A newspaper or news agency tells the same facts in its own words: its own dateline and title,
other connectives, the paragraphs in another order, and only part of them. Such a report is
*related* coverage, never the original. A copy is the original's very text on another page.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from random import Random

from mee_archive.replica.vocab import names
from mee_archive.replica.vocab.story import ZhText, zh_date

OUTLETS: tuple[str, ...] = ("中国环境报", "新华社", "人民网", "光明日报", "中国新闻网", "经济日报", "央视网")
CHANNELS = ("szyw", "hjywnews", "dfnews")  # where the site relays other outlets
# The same thing said otherwise: one outlet's house style against the ministry's.
REWORDINGS: tuple[tuple[str, str], ...] = (
    ("会议指出", "会议认为"), ("会议强调", "会议提出"), ("会议要求", "会议明确"), ("表示", "说"),
    ("强调", "指出"), ("介绍", "说明"), ("会见", "会晤"), ("召开", "举行"), ("进一步", "更加"),
    ("加强", "强化"), ("推动", "推进"), ("确保", "保证"), ("有关负责人", "相关负责人"),
    ("取得", "获得"), ("积极", "有力"),
)
TITLE_REWORDINGS: tuple[tuple[str, str], ...] = (
    ("召开", "举行"), ("会见", "会晤"), ("发布", "公布"), ("印发", "出台"), ("通报", "公布"),
)


def reword(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for old, new in table:
        text = text.replace(old, new)
    return text


def dateline(rng: Random, outlet: str, event: date) -> str:
    """How an outlet opens: ``新华社北京6月25日电（记者 王明）`` or ``本报讯（记者 王明）``."""
    reporter = names.random_person(rng).zh
    if outlet in ("新华社", "中国新闻网"):
        return f"{outlet}北京{zh_date(event)}电（记者{reporter}）"
    return f"本报讯（记者{reporter}）" if outlet.endswith("报") else f"{outlet}消息，"


def retell(rng: Random, original: ZhText, event: date, channel: str | None = None) -> ZhText:
    """Another outlet's report of the event ``original`` tells: same facts, other words, part of them."""
    outlet = rng.choice(OUTLETS)
    lead, rest = original.paragraphs[0], list(original.paragraphs[1:])
    rng.shuffle(rest)
    rest = [reword(p, REWORDINGS) for p in rest[: max(1, round(len(rest) * rng.uniform(0.3, 0.7)))]]
    title = reword(original.title, TITLE_REWORDINGS)
    if rng.random() < 0.5:
        title = rng.choice(("聚焦", "关注", "")) + title + rng.choice(("", "（图）", "侧记"))
    channel = channel or rng.choice([c for c in CHANNELS if c != original.channel])
    return ZhText(title, (dateline(rng, outlet, event) + reword(lead, REWORDINGS), *rest), channel, "channel", outlet)


def copy_of(original: ZhText, channel: str) -> ZhText:
    """The original's text republished in ``channel`` (a channel page, whatever the original was)."""
    return replace(original, channel=channel, template="channel", attachments=())
