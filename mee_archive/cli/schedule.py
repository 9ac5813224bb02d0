"""`mee-archive schedule`: start crawls on scrapyd through its JSON API (for cron or a systemd timer).

scrapyd has no recurring schedules of its own; a timer calls this (or curl on schedule.json). Each
job's scrapyd id is its crawl id, so its manifest is ``<output>/runs/<job id>.json``. With ``--wait``
the spiders run one after the other (zh_news reads what news_release wrote) and the command exits 1
when a job's manifest reports errors or is missing, as `mee-archive crawl` does.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from mee_archive.addons import new_crawl_id
from mee_archive.cli import CliError
from mee_archive.cli.crawl_options import settings_overrides

POLL_SECONDS = 5.0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schedule",
        help="start crawls on a scrapyd server (for cron or a systemd timer)",
        description="Schedule spiders of the deployed mee_archive project on scrapyd via schedule.json. "
        "Credentials come from SCRAPYD_USERNAME and SCRAPYD_PASSWORD. --output is the archive "
        "directory on the scrapyd host (MEE_OUTPUT_DIR of the jobs).",
        epilog="example: mee-archive schedule --scrapyd http://127.0.0.1:6800 --output /srv/mee news_release zh_news --wait",
    )
    parser.add_argument("spiders", nargs="*", metavar="SPIDER", default=["news_release"],
                        help="spiders to schedule, in order (default: news_release)")
    parser.add_argument("--scrapyd", metavar="URL", default="http://127.0.0.1:6800", help="scrapyd URL (default: %(default)s)")
    parser.add_argument("--project", default="mee_archive", help="scrapyd project name (default: %(default)s)")
    parser.add_argument("--output", "-o", metavar="DIR", required=True, help="archive directory on the scrapyd host")
    parser.add_argument("--refresh", action="store_true", help="fetch everything again (MEE_REFRESH)")
    parser.add_argument("--full-list", action="store_true", help="walk every list page (MEE_FULL_LIST), e.g. weekly")
    parser.add_argument("--set", "-s", metavar="NAME=VALUE", action="append", default=[],
                        help="a setting for the jobs (repeatable)")
    parser.add_argument("--wait", action="store_true",
                        help="run the spiders one after the other, wait for each, exit 1 if any had errors")
    parser.add_argument("--timeout", type=float, default=6 * 3600, metavar="SECONDS",
                        help="with --wait: give up on a job after this long (default: 6 h)")
    parser.set_defaults(func=run)


class Scrapyd:
    """The few calls of scrapyd's JSON API this command needs, with HTTP basic auth."""

    def __init__(self, url: str, username: str, password: str) -> None:
        self.url = url.rstrip("/") + "/"
        token = base64.b64encode(f"{username}:{password}".encode()).decode() if username else ""
        self.headers = {"Authorization": f"Basic {token}"} if token else {}

    def call(self, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict[str, Any]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.url + endpoint, body, self.headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                reply = json.load(answer)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise CliError(f"scrapyd at {self.url}: {exc}", exit_code=1) from exc
        if reply.get("status") != "ok":
            raise CliError(f"scrapyd {endpoint}: {reply.get('message', reply)}", exit_code=1)
        return reply

    def schedule(self, project: str, spider: str, job: str, settings: dict[str, Any]) -> None:
        pairs = [("project", project), ("spider", spider), ("jobid", job)]
        self.call("schedule.json", pairs + [("setting", f"{k}={v}") for k, v in settings.items()])

    def finished(self, project: str, job: str) -> bool:
        jobs = self.call(f"listjobs.json?project={urllib.parse.quote(project)}")
        return any(j["id"] == job for j in jobs.get("finished", []))


def wait_for(scrapyd: Scrapyd, project: str, job: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not scrapyd.finished(project, job):
        if time.monotonic() > deadline:
            raise CliError(f"job {job} still not finished after {timeout:.0f} s", exit_code=1)
        time.sleep(POLL_SECONDS)


def outcome(output: str, job: str) -> str | None:
    """What went wrong with a finished job, from its manifest; None when it went well."""
    path = Path(output, "runs", f"{job}.json")
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return f"no manifest at {path} (the job died before starting, or --output is not the archive)"
    if manifest.get("status") != "finished":
        return f"the run never finished (status {manifest.get('status')!r}); see {manifest.get('log_file') or 'the job log'}"
    if manifest.get("error_count"):
        first = manifest["errors"][0]
        return f"{manifest['error_count']} error(s), first: {first['url']}: {first['reason']}"
    return None


def run(args: argparse.Namespace) -> int:
    if not Path(args.output).is_absolute():
        raise CliError(f"--output must be an absolute path on the scrapyd host, not {args.output!r}")
    scrapyd = Scrapyd(args.scrapyd, os.environ.get("SCRAPYD_USERNAME", ""), os.environ.get("SCRAPYD_PASSWORD", ""))
    settings = {k: v for k, v in settings_overrides(args).items() if k != "MEE_PROGRESS"}
    settings["MEE_OUTPUT_DIR"] = args.output  # as given: a path on the scrapyd host
    failed = 0
    for spider in args.spiders:
        job = new_crawl_id()
        scrapyd.schedule(args.project, spider, job, {**settings, "MEE_CRAWL_ID": job})
        print(f"{spider}: scheduled job {job}")
        if args.wait:
            wait_for(scrapyd, args.project, job, args.timeout)
            problem = outcome(args.output, job)
            print(f"{spider}: job {job} finished" + (f" with problems: {problem}" if problem else ""))
            failed += problem is not None
    return 1 if failed else 0
