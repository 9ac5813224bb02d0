"""`scrapy crawl` that exits 1 when the run had errors, so cron jobs and scrapyd notice.

Scrapy's own command exits 0 whenever the crawl could start, even if every request failed;
scrapyd logs a job whose process exits non-zero as "Process died: exitstatus=1". The errors
counted are the run summary's (mee/summary/errors), the same figure `mee-archive crawl` uses.
Settings that cannot work (mee_archive.settingcheck) are refused before the crawl starts: one
line on stderr and in the log, exit 2.
"""

from __future__ import annotations

import argparse
import logging
import sys

from scrapy import Spider
from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler

from mee_archive.settingcheck import SettingsError, check_settings

logger = logging.getLogger(__name__)


class Command(ScrapyCrawl):
    crawler: Crawler | None = None

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self.crawler = super()._create_crawler(spidercls)  # kept: the process forgets finished crawlers
        return self.crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        try:
            check_settings(self.settings)
        except SettingsError as exc:
            logger.error("%s", exc)
            if self.settings.get("LOG_FILE"):  # else the log is stderr, which has the line already
                print(f"scrapy crawl: error: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        super().run(args, opts)
        if self.crawler and self.crawler.stats and self.crawler.stats.get_value("mee/summary/errors", 0):
            self.exitcode = 1
