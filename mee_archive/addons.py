"""Scrapy add-on that lays out the archive directory once the final settings are known."""

from __future__ import annotations

import secrets
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Scrapy is only needed for the type: `mee-archive --help` need not load it
    from scrapy.settings import BaseSettings as Settings


class OutputLayout:
    """Give the run its crawl id and turn MEE_OUTPUT_DIR + MEE_FEED_TEMPLATE into Scrapy's FEEDS.

    Settings modules are evaluated before ``-s`` overrides, so a path derived there would ignore
    ``-s MEE_OUTPUT_DIR=...``; add-ons run after the overrides are applied, so this is also where
    the final settings are checked (mee_archive.settingcheck: types, nothing outside the archive).
    """

    def update_settings(self, settings: Settings) -> None:
        from mee_archive.settingcheck import check_settings

        check_settings(settings)
        if not settings.get("MEE_CRAWL_ID"):
            settings.set("MEE_CRAWL_ID", new_crawl_id(), priority=settings.getpriority("MEE_CRAWL_ID") or "addon")
        if settings.getdict("FEEDS"):
            return  # the user asked for a feed of their own (e.g. -o); respect it
        feed = output_dir(settings) / settings.get("MEE_FEED_TEMPLATE")
        settings.set(
            "FEEDS",
            {str(feed): {"format": "jsonlines", "encoding": "utf-8", "overwrite": False}},
            priority="addon",
        )


def new_crawl_id() -> str:
    """A sortable, unique id naming one run in WARC names, manifests and items."""
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{secrets.token_hex(2)}"


def output_dir(settings: Settings) -> Path:
    """The archive root, absolute (scrapyd jobs run in a directory of their own)."""
    return Path(settings.get("MEE_OUTPUT_DIR")).expanduser().resolve()


def feed_path(settings: Settings, spider_name: str) -> Path:
    """The JSON Lines file a spider's items go to."""
    return output_dir(settings) / (settings.get("MEE_FEED_TEMPLATE") % {"name": spider_name})
