"""`mee-archive schedule`: start crawls on scrapyd through its JSON API (for cron or a systemd timer).

scrapyd has no recurring schedules of its own; a timer calls this (or curl on schedule.json). Each
job's scrapyd id is its crawl id. With ``--wait`` the spiders run one after the other (zh_news reads
what news_release wrote): each job is polled with ``status.json`` and, once finished, judged from
its log, fetched from scrapyd (``listjobs.json``'s ``log_url``) — so scrapyd may run on another
host. The command exits 1 when a job's log shows errors or no finished crawl, as `mee-archive
crawl` does. Credentials: SCRAPYD_USERNAME and SCRAPYD_PASSWORD, else ``~/.netrc``.
"""

from __future__ import annotations

import argparse
import ast
import base64
import json
import netrc
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from mee_archive.addons import new_crawl_id
from mee_archive.cli import CliError
from mee_archive.cli.argtypes import number
from mee_archive.cli.crawl_options import settings_overrides

POLL_SECONDS = 5.0
# What a job's log says at its end: Scrapy's stats dump (pprint: a long value is split over lines).
_STATS = "Dumping Scrapy stats:"
_ERRORS = re.compile(r"'mee/summary/errors': (\d+)")
_REASON = re.compile(r"'finish_reason': '([^']*)'")
_FIRST_ERROR = re.compile(r"'mee/first_error': ((?:'(?:[^'\\]|\\.)*'\s*)+)")
_ERROR_LINE = re.compile(r"\] ERROR: (.*)")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schedule",
        help="start crawls on a scrapyd server (for cron or a systemd timer)",
        description="Schedule spiders of the deployed mee_archive project on scrapyd via schedule.json. "
        "Credentials come from SCRAPYD_USERNAME and SCRAPYD_PASSWORD, else from ~/.netrc's entry for "
        "the scrapyd host. --output is the archive directory on the scrapyd host (MEE_OUTPUT_DIR of "
        "the jobs). With --wait, each job is followed through scrapyd's API (status.json, then its "
        "log), so scrapyd may run on another machine.",
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
    parser.add_argument("--timeout", type=number(1.0), default=6 * 3600, metavar="SECONDS",
                        help="with --wait: give up on a job after this long (default: 6 h)")
    parser.set_defaults(func=run)


class Scrapyd:
    """The few calls of scrapyd's JSON API this command needs, with HTTP basic auth."""

    def __init__(self, url: str, username: str, password: str) -> None:
        self.url = url.rstrip("/") + "/"
        token = base64.b64encode(f"{username}:{password}".encode()).decode() if username else ""
        self.headers = {"Authorization": f"Basic {token}"} if token else {}

    @classmethod
    def from_environment(cls, url: str) -> Scrapyd:
        """Credentials from SCRAPYD_USERNAME/SCRAPYD_PASSWORD, else ~/.netrc's entry for the host."""
        username, password = os.environ.get("SCRAPYD_USERNAME", ""), os.environ.get("SCRAPYD_PASSWORD", "")
        if not username:
            try:
                entry = netrc.netrc().authenticators(urllib.parse.urlsplit(url).hostname or "")
            except FileNotFoundError:
                entry = None
            except (netrc.NetrcParseError, OSError) as exc:
                raise CliError(f"cannot read ~/.netrc: {exc}") from None
            if entry:
                username, password = entry[0], entry[2] or ""
        return cls(url, username, password)

    def fetch(self, path: str, data: list[tuple[str, str]] | None = None) -> bytes:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(urllib.parse.urljoin(self.url, path), body, self.headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.read()
        except (urllib.error.URLError, OSError) as exc:
            raise CliError(f"scrapyd at {self.url}: {exc}", exit_code=1) from exc

    def call(self, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict[str, Any]:
        try:
            reply = json.loads(self.fetch(endpoint, data))
        except ValueError as exc:
            raise CliError(f"scrapyd {endpoint}: not a JSON answer ({exc})", exit_code=1) from exc
        if not isinstance(reply, dict) or reply.get("status") != "ok":
            message = reply.get("message", reply) if isinstance(reply, dict) else reply
            raise CliError(f"scrapyd {endpoint}: {message}", exit_code=1)
        return reply

    def schedule(self, project: str, spider: str, job: str, settings: dict[str, Any]) -> None:
        pairs = [("project", project), ("spider", spider), ("jobid", job)]
        self.call("schedule.json", pairs + [("setting", f"{k}={v}") for k, v in settings.items()])

    def state(self, project: str, job: str) -> str | None:
        """pending, running, finished, or None when scrapyd knows no such job."""
        query = urllib.parse.urlencode({"project": project, "job": job})
        return self.call(f"status.json?{query}").get("currstate")

    def log(self, project: str, job: str) -> tuple[str | None, str]:
        """(log URL, text) of a finished job; (None, "") when scrapyd keeps no logs."""
        jobs = self.call(f"listjobs.json?{urllib.parse.urlencode({'project': project})}")
        entry = next((j for j in jobs.get("finished", []) if j.get("id") == job), {})
        url = entry.get("log_url")
        if not url:
            return None, ""
        return urllib.parse.urljoin(self.url, url), self.fetch(url).decode("utf-8", "replace")


def wait_for(scrapyd: Scrapyd, project: str, job: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while (state := scrapyd.state(project, job)) != "finished":
        if state is None:
            raise CliError(f"scrapyd knows no job {job} (was it cancelled, or scrapyd restarted?)", exit_code=1)
        if time.monotonic() > deadline:
            raise CliError(f"job {job} still not finished after {timeout:.0f} s", exit_code=1)
        time.sleep(POLL_SECONDS)


def job_problem(log: str, where: str) -> str | None:
    """What went wrong with a finished job, read from its Scrapy log; None when it went well."""
    if _STATS not in log:
        refusal = next((m.group(1) for m in map(_ERROR_LINE.search, log.splitlines()) if m), None)
        return f"the crawl never finished ({refusal or 'no closing stats in its log'}); see {where}"
    stats = log.rsplit(_STATS, 1)[1]
    reason = _REASON.search(stats)
    if not reason or reason.group(1) != "finished":
        return f"the crawl ended as {reason.group(1) if reason else 'unknown'!r}; see {where}"
    errors = _ERRORS.search(stats)
    if errors and int(errors.group(1)):
        first = _FIRST_ERROR.search(stats)
        said = ast.literal_eval(f"({first.group(1)})") if first else "see the log"
        return f"{errors.group(1)} error(s), first: {said}"
    return None


def outcome(scrapyd: Scrapyd, project: str, job: str) -> str | None:
    """What went wrong with a finished job, from its log as scrapyd serves it; None if nothing."""
    where, log = scrapyd.log(project, job)
    if where is None:
        return "scrapyd keeps no job logs (logs_dir is empty), so the job's outcome is unknown"
    return job_problem(log, where)


def run(args: argparse.Namespace) -> int:
    if not Path(args.output).is_absolute():
        raise CliError(f"--output must be an absolute path on the scrapyd host, not {args.output!r}")
    scrapyd = Scrapyd.from_environment(args.scrapyd)
    settings = {k: v for k, v in settings_overrides(args).items() if k != "MEE_PROGRESS"}
    settings["MEE_OUTPUT_DIR"] = args.output  # as given: a path on the scrapyd host
    failed = 0
    for spider in args.spiders:
        job = new_crawl_id()
        scrapyd.schedule(args.project, spider, job, {**settings, "MEE_CRAWL_ID": job})
        print(f"{spider}: scheduled job {job}")
        if args.wait:
            wait_for(scrapyd, args.project, job, args.timeout)
            problem = outcome(scrapyd, args.project, job)
            print(f"{spider}: job {job} finished" + (f" with problems: {problem}" if problem else ""))
            failed += problem is not None
    return 1 if failed else 0
