"""The ministry's name by date: MEP (环境保护部) until March 2018, MEE (生态环境部) since.

Templates are written with today's names; articles dated before the reform are renamed here, in
one place, the way the real archive reads: 2017 releases say MEP, later ones MEE.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mee_archive.replica.vocab.story import Story, ZhText

MEE_FROM = date(2018, 3, 19)  # the institutional reform renamed the ministry
ZH_RENAMES = (("生态环境部", "环境保护部"), ("生态环境厅", "环境保护厅"), ("国家生态环境标准", "国家环境保护标准"))
EN_RENAMES = (
    ("of Ecology and Environment", "of Environmental Protection"),
    ("department of ecology and environment of", "environmental protection department of"),
    ("MEE", "MEP"),
)


def _rename(text: str, renames: tuple[tuple[str, str], ...]) -> str:
    for new, old in renames:
        text = text.replace(new, old)
    return text


def zh_text(text: ZhText, day: date) -> ZhText:
    """A Chinese article as published on ``day``."""
    if day >= MEE_FROM:
        return text
    return replace(text, title=_rename(text.title, ZH_RENAMES), source=_rename(text.source, ZH_RENAMES),
                   paragraphs=tuple(_rename(p, ZH_RENAMES) for p in text.paragraphs),
                   attachments=tuple(_rename(a, ZH_RENAMES) for a in text.attachments))


def story(told: Story, day: date) -> Story:
    """A story whose event happened on ``day``, in both languages."""
    if day >= MEE_FROM:
        return told

    def en(texts: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_rename(t, EN_RENAMES) for t in texts)

    return replace(
        told,
        original=zh_text(told.original, day) if told.original else None,
        related=tuple(zh_text(t, day) for t in told.related),
        others=tuple(zh_text(t, day) for t in told.others),
        en_title=_rename(told.en_title, EN_RENAMES), en_paragraphs=en(told.en_paragraphs),
        images=en(told.images), attachments=en(told.attachments),
    )
