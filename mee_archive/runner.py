"""Run a spider in this process with the project's settings and report what happened.

The CLI (`mee-archive crawl`, `mee-archive demo`) uses it; `scrapy crawl` and scrapyd do not need it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from twisted.python.failure import Failure

from mee_archive.addons import output_dir
from mee_archive.settingcheck import check_settings


def project_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """mee_archive.settings plus command-line overrides, whatever the working directory."""
    settings = Settings()
    settings.setmodule("mee_archive.settings", priority="project")
    settings.update(dict(overrides or {}), priority="cmdline")
    return settings


@dataclass
class CrawlResult:
    """The stats of one finished crawl, with the few figures people read first."""

    spider: str
    stats: dict[str, Any] = field(default_factory=dict)
    log_file: Path | None = None

    def get(self, key: str, default: Any = 0) -> Any:
        return self.stats.get(key, default)

    @property
    def reached_site(self) -> bool:
        return self.get("response_received_count") > 0

    @property
    def errors(self) -> int:
        return self.get("mee/summary/errors")


def crawl(spiders: list[str], overrides: Mapping[str, Any] | None = None) -> list[CrawlResult]:
    """Crawl with ``spiders`` one after the other in this process (a later spider may read what an
    earlier one wrote); the console stays quiet and the full Scrapy log goes to ``<output>/logs/``.

    Settings are checked before any spider starts (SettingsError); a crawl that cannot start (a
    component refusing its settings) stops the sequence and its error is raised here, not swallowed."""
    settings = project_settings(overrides)
    if not settings.get("LOG_FILE"):
        logs = output_dir(settings) / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        settings.set("LOG_FILE", str(logs / f"crawl-{stamp}.log"), priority="cmdline")
    process = CrawlerProcess(settings)
    check_settings(settings)  # after the log is set up, so that the refusal is logged too
    crawlers = [process.create_crawler(name) for name in spiders]
    failures: list[Failure] = []

    def failed(failure: Failure) -> None:
        failures.append(failure)

    def crawl_from(index: int) -> Any:
        """Start crawler ``index``; when it ends, the next (join() waits for crawls added late).
        A spider that could not run stops the sequence: the later ones read what it writes."""
        if index < len(crawlers) and not failures:
            return (process.crawl(crawlers[index]).addErrback(failed)
                    .addBoth(lambda _: crawl_from(index + 1)))
        return None

    crawl_from(0)
    process.start()
    if failures:
        failures[0].raiseException()
    log_file = Path(settings.get("LOG_FILE"))
    return [CrawlResult(c.spider.name if c.spider else name, c.stats.get_stats(), log_file)
            for c, name in zip(crawlers, spiders)]
