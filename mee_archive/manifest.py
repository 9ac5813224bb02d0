"""Run manifests: every run says what it did in ``<output>/runs/<crawl id>.json``.

Archivists run the crawl unattended for years; the manifest is what they read afterwards: when
it ran, with which settings, what it found new, changed or already archived, what it fetched
(by status, bytes, retries), every error with its URL and reason, the WARC files it wrote, and
why it stopped. It is written when the run starts (``"status": "running"``) and again when it
ends, each time atomically, so a killed run leaves a manifest that says it never finished.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import scrapy
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure

from mee_archive import __version__
from mee_archive import settings as project_defaults
from mee_archive.addons import output_dir
from mee_archive.archive.layout import ArchiveLayout
from mee_archive.signals import request_failed

# Settings that shape what a run fetches and how; recorded in every manifest.
SETTINGS_THAT_MATTER = (
    "MEE_OUTPUT_DIR", "MEE_START_URL", "MEE_PROXY", "MEE_REFRESH", "MEE_FULL_LIST", "MEE_REVALIDATE_REQUISITES",
    "MEE_CONTACT", "USER_AGENT", "ROBOTSTXT_OBEY", "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED", "AUTOTHROTTLE_TARGET_CONCURRENCY", "AUTOTHROTTLE_MAX_DELAY",
    "DOWNLOAD_TIMEOUT", "RETRY_TIMES", "MEE_RETRY_AFTER_MAX", "MEE_WARC_ENABLED", "MEE_WARC_MAX_SIZE", "MEE_WARC_DEDUP",
    "MEE_ZH_CHANNELS", "MEE_ZH_SINCE", "MEE_ZH_UNTIL", "MEE_REQUISITE_HOSTS", "DOWNLOAD_MAXSIZE",
    "MEE_MAX_REQUISITE_SIZE", "REDIRECT_MAX_TIMES", "MEE_MAX_LIST_PAGES", "MEE_MAX_LIST_ENTRIES", "MEE_MAX_TEXT_CHARS",
)
# What the items of each spider are, in the manifest's counts.
ITEMS_OF_SPIDER = {"news_release": "releases", "zh_news": "chinese_pages"}

def setting_value(settings: BaseSettings, name: str) -> Any:
    """A setting as its project default's type (``-s`` overrides arrive as strings)."""
    default = getattr(project_defaults, name, None)
    for kind, getter in ((bool, settings.getbool), (int, settings.getint), (float, settings.getfloat),
                         (list, settings.getlist)):
        if isinstance(default, kind):
            return getter(name)
    return settings.get(name)


def runs_dir(settings: BaseSettings) -> Path:
    return output_dir(settings) / "runs"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def counts(stats: dict[str, Any], spider: str) -> dict[str, Any]:
    """The manifest's figures, from the crawl's stats."""
    return {
        "list_pages": stats.get("mee/list_pages", 0),
        "list_pages_not_modified": stats.get("mee/incremental/not_modified", 0),
        ITEMS_OF_SPIDER.get(spider, "items"): {
            "new": stats.get("mee/items/new", 0),
            "changed": stats.get("mee/items/changed", 0),
            "unchanged": stats.get("mee/items/unchanged", 0),
            "not_fetched_archived": stats.get("mee/incremental/skipped_pages", 0),
            "invalid": stats.get("mee/items_invalid", 0),
        },
        "embeds": {
            "fetched": stats.get("mee/embeds", 0),
            "not_fetched_archived": stats.get("mee/incremental/skipped_resources", 0),
            "resumed": stats.get("mee/incremental/resumed", 0),
        },
        "requisites": {  # answered in full; revalidated and answered 304 (archived as revisits)
            "fetched": stats.get("mee/requisites/fetched", 0),
            "not_modified": stats.get("mee/requisites/not_modified", 0),
        },
        "requests": stats.get("downloader/request_count", 0),
        "responses_by_status": {
            key.rsplit("/", 1)[1]: value
            for key, value in sorted(stats.items()) if key.startswith("downloader/response_status_count/")
        },
        "bytes_received": stats.get("downloader/response_bytes", 0),
        "retries": stats.get("retry/count", 0),
        "retry_after_holds": stats.get("mee/backoff/holds", 0),
    }


class RunManifest:
    """Extension writing the run's manifest at start and at close."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.crawl_id = crawler.settings.get("MEE_CRAWL_ID")
        self.path = runs_dir(crawler.settings) / f"{self.crawl_id}.json"
        self.errors: list[dict[str, str]] = []
        self.manifest: dict[str, Any] = {}
        for handler, signal in [
            (self.opened, signals.spider_opened),
            (self.request_failed, request_failed),
            (self.spider_error, signals.spider_error),
            (self.closed, signals.spider_closed),
        ]:
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "RunManifest":
        return cls(crawler)

    def opened(self, spider: Spider) -> None:
        settings = self.crawler.settings
        self.manifest = {
            "crawl_id": self.crawl_id,
            "spider": spider.name,
            "status": "running",
            "started_at": _now(),
            "finished_at": None,
            "finish_reason": None,
            "software": {"mee-archive": __version__, "scrapy": scrapy.__version__},
            "settings": {name: setting_value(settings, name) for name in SETTINGS_THAT_MATTER},
            "log_file": settings.get("LOG_FILE"),
        }
        self.write()

    def request_failed(self, url: str, reason: str) -> None:
        self.errors.append({"url": url, "reason": reason})

    def spider_error(self, failure: Failure, response: Response, spider: Spider) -> None:
        self.errors.append({"url": response.url, "reason": f"callback failed: {failure.getErrorMessage()}"})

    def closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        layout = ArchiveLayout(output_dir(self.crawler.settings))
        self.manifest.update(
            status="finished",
            finished_at=_now(),
            finish_reason=reason,
            counts=counts(stats, spider.name),
            error_count=len(self.errors),
            errors=self.errors,
            warc_files=[path.name for path in layout.closed_warcs(self.crawl_id)],
        )
        self.write()

    def write(self) -> None:
        """Replace the manifest atomically: readers see the old one or the new one, never half."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".json.partial")
        partial.write_text(json.dumps(self.manifest, indent=2, ensure_ascii=False, default=str) + "\n", "utf-8")
        os.replace(partial, self.path)


def read_manifests(directory: Path, unreadable: list[tuple[Path, str]] | None = None) -> list[dict[str, Any]]:
    """Every readable manifest below ``directory``, oldest first; the others, with the reason,
    are added to ``unreadable`` when given (a listing names them rather than hide them)."""
    found = []
    for path in directory.glob("*.json"):
        try:
            manifest = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            reason = f"not JSON ({exc})" if isinstance(exc, ValueError) else f"unreadable ({exc})"
        else:
            if isinstance(manifest, dict) and all(isinstance(manifest.get(k) or "", str)
                                                  for k in ("started_at", "crawl_id")):
                found.append(manifest)
                continue
            reason = "not a run manifest (a JSON object with crawl_id, started_at)"
        if unreadable is not None:
            unreadable.append((path, reason))
    return sorted(found, key=lambda m: (m.get("started_at") or "", m.get("crawl_id") or ""))
