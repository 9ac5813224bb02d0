"""`scrapy crawl` that exits 1 when the run had errors, so cron jobs and scrapyd notice.

Scrapy's own command exits 0 whenever the crawl could start, even if every request failed;
scrapyd logs a job whose process exits non-zero as "Process died: exitstatus=1". The errors
counted are the run summary's (mee/summary/errors), the same figure `mee-archive crawl` uses.
"""

from __future__ import annotations

import argparse

from scrapy import Spider
from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler


class Command(ScrapyCrawl):
    crawler: Crawler | None = None

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self.crawler = super()._create_crawler(spidercls)  # kept: the process forgets finished crawlers
        return self.crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)
        if self.crawler and self.crawler.stats and self.crawler.stats.get_value("mee/summary/errors", 0):
            self.exitcode = 1
