"""Scrapy add-on that lays out the archive directory once the final settings are known."""

from __future__ import annotations

from pathlib import Path

from scrapy.settings import BaseSettings as Settings


class OutputLayout:
    """Turn MEE_OUTPUT_DIR + MEE_FEED_TEMPLATE into Scrapy's FEEDS.

    Settings modules are evaluated before ``-s`` overrides, so a path derived there would ignore
    ``-s MEE_OUTPUT_DIR=...``; add-ons run after the overrides are applied.
    """

    def update_settings(self, settings: Settings) -> None:
        if settings.getdict("FEEDS"):
            return  # the user asked for a feed of their own (e.g. -o); respect it
        feed = output_dir(settings) / settings.get("MEE_FEED_TEMPLATE")
        settings.set(
            "FEEDS",
            {feed.as_uri(): {"format": "jsonlines", "encoding": "utf-8", "overwrite": False}},
            priority="addon",
        )


def output_dir(settings: Settings) -> Path:
    """The archive root, absolute (scrapyd jobs run in a directory of their own)."""
    return Path(settings.get("MEE_OUTPUT_DIR")).expanduser().resolve()


def feed_path(settings: Settings, spider_name: str) -> Path:
    """The JSON Lines file a spider's items go to."""
    return output_dir(settings) / (settings.get("MEE_FEED_TEMPLATE") % {"name": spider_name})
