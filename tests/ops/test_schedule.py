"""`mee-archive schedule`: credentials (environment, ~/.netrc) and its verdict on a finished job,
read from the job's log as scrapyd serves it (so scrapyd may be on another host)."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

import pytest

from mee_archive.cli import main
from mee_archive.cli.schedule import Scrapyd, job_problem

REPO = Path(__file__).resolve().parents[2]


def crawl_log(tmp_path: Path, *settings: str) -> str:
    """The log of a real `scrapy crawl news_release` (no site reachable: port 9 on loopback)."""
    log = tmp_path / f"job-{len(list(tmp_path.glob('*.log')))}.log"
    command = [sys.executable, "-m", "scrapy", "crawl", "news_release", "-s", f"LOG_FILE={log}",
               "-s", f"MEE_OUTPUT_DIR={tmp_path / 'archive'}", "-s", "MEE_PROXY=http://127.0.0.1:9",
               "-s", "RETRY_TIMES=0", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", *settings]
    subprocess.run(command, cwd=REPO, capture_output=True, timeout=120)
    return log.read_text("utf-8")


@pytest.mark.slow
def test_the_verdict_comes_from_the_jobs_log(tmp_path: Path) -> None:
    failed = crawl_log(tmp_path)
    problem = job_problem(failed, "http://scrapyd/logs/x.log")
    assert problem and problem.startswith("1 error(s), first: http://english.mee.gov.cn/News_service/news_release/: ")
    assert "Connection" in problem and "refused" in problem

    refused = crawl_log(tmp_path, "-s", "DOWNLOAD_DELAY=abc")
    problem = job_problem(refused, "http://scrapyd/logs/y.log")
    assert problem and "never finished" in problem and "DOWNLOAD_DELAY" in problem and "y.log" in problem


def test_a_clean_log_is_no_problem_and_a_cut_one_is() -> None:
    clean = ("2026-12-01 [scrapy.statscollectors] INFO: Dumping Scrapy stats:\n"
             "{'finish_reason': 'finished',\n 'mee/summary/errors': 0,\n 'mee/summary/items': 6}\n")
    assert job_problem(clean, "L") is None
    assert "ended as 'shutdown'" in job_problem(clean.replace("'finished'", "'shutdown'"), "L")
    assert "never finished (no closing stats" in job_problem("2026-12-01 [scrapy] INFO: started\n", "L")


def test_credentials_come_from_the_environment_else_netrc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCRAPYD_USERNAME", raising=False)
    monkeypatch.delenv("SCRAPYD_PASSWORD", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert Scrapyd.from_environment("http://scrapyd.example:6800").headers == {}
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine scrapyd.example login archivist password s3cret\n")
    netrc.chmod(0o600)
    token = base64.b64encode(b"archivist:s3cret").decode()
    assert Scrapyd.from_environment("http://scrapyd.example:6800/").headers == {"Authorization": f"Basic {token}"}
    assert Scrapyd.from_environment("http://other.example:6800/").headers == {}
    monkeypatch.setenv("SCRAPYD_USERNAME", "ops")
    monkeypatch.setenv("SCRAPYD_PASSWORD", "pw")
    assert Scrapyd.from_environment("http://scrapyd.example:6800/").headers == {
        "Authorization": f"Basic {base64.b64encode(b'ops:pw').decode()}"}


def test_a_relative_output_is_refused_before_anything_is_scheduled(capsys: pytest.CaptureFixture) -> None:
    assert main(["schedule", "--scrapyd", "http://127.0.0.1:9", "--output", "output"]) == 2
    assert "absolute path" in capsys.readouterr().err
