"""`mee-archive schedule`'s verdict on a finished job, read from the job's manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mee_archive.cli import main
from mee_archive.cli.schedule import outcome


def write(tmp_path: Path, job: str, **manifest: object) -> None:
    (tmp_path / "runs").mkdir(exist_ok=True)
    (tmp_path / "runs" / f"{job}.json").write_text(json.dumps({"crawl_id": job, **manifest}), "utf-8")


def test_a_clean_finished_run_is_no_problem_and_anything_else_is_named(tmp_path: Path) -> None:
    write(tmp_path, "ok", status="finished", error_count=0, errors=[])
    write(tmp_path, "bad", status="finished", error_count=2,
          errors=[{"url": "http://english.mee.gov.cn/x", "reason": "HTTP 404"}, {"url": "y", "reason": "z"}])
    write(tmp_path, "killed", status="running", log_file="/var/log/x.log")
    assert outcome(str(tmp_path), "ok") is None
    assert outcome(str(tmp_path), "bad") == "2 error(s), first: http://english.mee.gov.cn/x: HTTP 404"
    assert "never finished" in outcome(str(tmp_path), "killed") and "/var/log/x.log" in outcome(str(tmp_path), "killed")
    assert "no manifest" in outcome(str(tmp_path), "missing")


def test_a_relative_output_is_refused_before_anything_is_scheduled(capsys: pytest.CaptureFixture) -> None:
    assert main(["schedule", "--scrapyd", "http://127.0.0.1:9", "--output", "output"]) == 2
    assert "absolute path" in capsys.readouterr().err
