"""scrapyd integration: a real scrapyd with basic auth on loopback, the project deployed with
scrapyd-deploy, news_release scheduled twice through the JSON API against a live replica."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mee_archive.addons import new_crawl_id
from mee_archive.cli import CliError, main
from mee_archive.cli import schedule as schedule_command
from mee_archive.cli.demo import REPLICA_PACE
from mee_archive.cli.schedule import Scrapyd as ScrapydApi
from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer

from .conftest import fetched_since, free_port, items, manifests

pytestmark = pytest.mark.slow

USER, PASSWORD = "archivist", "correct horse battery staple"
PROJECT_FILES = ["setup.py", "pyproject.toml", "README.md", "mee_archive"]


class Scrapyd:
    """A scrapyd process of our own (basic auth, loopback) and a client of its JSON API."""

    def __init__(self, home: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        home.mkdir(parents=True)
        (home / "scrapyd.conf").write_text(
            "[scrapyd]\n"
            f"bind_address = 127.0.0.1\nhttp_port = {self.port}\n"
            f"username = {USER}\npassword = {PASSWORD}\n"
            f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\n"
            "items_dir =\njobs_dir =\nmax_proc = 1\npoll_interval = 0.2\n",
            encoding="utf-8",
        )
        self.log = (home / "scrapyd.log").open("wb")
        scrapyd = Path(sys.executable).with_name("scrapyd")
        self.process = subprocess.Popen([str(scrapyd)], cwd=home, stdout=self.log, stderr=subprocess.STDOUT)
        self.api = ScrapydApi(self.url, USER, PASSWORD)  # the client `mee-archive schedule` uses

    def wait_until_up(self) -> None:
        for _ in range(300):  # bounded: 30 s
            try:
                self.api.call("daemonstatus.json")
                return
            except CliError:
                assert self.process.poll() is None, "scrapyd exited"
                time.sleep(0.1)
        raise AssertionError("scrapyd did not come up")

    def wait_for(self, job: str) -> dict[str, Any]:
        for _ in range(1200):  # bounded: 2 minutes
            finished = self.api.call("listjobs.json?project=mee_archive")["finished"]
            done = [j for j in finished if j["id"] == job]
            if done:
                return done[0]
            time.sleep(0.1)
        raise AssertionError(f"job {job} did not finish")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
        self.log.close()


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Iterator[Scrapyd]:
    """A running scrapyd with the project deployed by scrapyd-deploy."""
    home = tmp_path_factory.mktemp("scrapyd")
    server = Scrapyd(home / "server")
    try:
        server.wait_until_up()
        deploy(server, repo, home / "project")
        yield server
    finally:
        server.stop()


def copy_project(repo: Path, workdir: Path) -> None:
    """What scrapyd-deploy packs, copied from ``repo`` into the new directory ``workdir``."""
    workdir.mkdir()
    for name in PROJECT_FILES:
        source = repo / name
        copy = shutil.copytree if source.is_dir() else shutil.copy2
        copy(source, workdir / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if source.is_dir() else {}))


def deploy(scrapyd: Scrapyd, repo: Path, workdir: Path) -> None:
    """scrapyd-deploy from a copy of the project in ``repo`` whose scrapy.cfg names this scrapyd and
    its login."""
    copy_project(repo, workdir)
    (workdir / "scrapy.cfg").write_text(
        "[settings]\ndefault = mee_archive.settings\n\n"
        f"[deploy:test]\nurl = {scrapyd.url}\nproject = mee_archive\nusername = {USER}\npassword = {PASSWORD}\n",
        encoding="utf-8",
    )
    deployer = Path(sys.executable).with_name("scrapyd-deploy")
    done = subprocess.run([str(deployer), "test"], cwd=workdir, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)["status"] == "ok"


def schedule(scrapyd: Scrapyd, proxy: str, output: Path) -> str:
    job = new_crawl_id()
    settings = {"MEE_PROXY": proxy, "MEE_OUTPUT_DIR": output, **REPLICA_PACE}
    scrapyd.api.schedule("mee_archive", "news_release", job, settings)
    return job


def test_scrapyd_runs_deployed_crawls_into_the_archive_and_the_second_is_incremental(
        scrapyd: Scrapyd, tmp_path: Path) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(scrapyd.url + "daemonstatus.json", timeout=10)
    assert refused.value.code == 401
    assert "news_release" in scrapyd.api.call("listspiders.json?project=mee_archive")["spiders"]

    output = tmp_path / "archive"
    corpus = build_corpus(seed=5, releases=15)
    with ReplicaServer(corpus).start() as replica:
        first = scrapyd.wait_for(schedule(scrapyd, replica.url, output))
        assert sorted(i["url"] for i in items(output)) == sorted(r.url for r in corpus.releases())
        assert manifests(output)[-1]["counts"]["releases"]["new"] == 15
        assert list((output / "warc").glob("*.warc.gz"))

        start = len(replica.requests)
        second = scrapyd.wait_for(schedule(scrapyd, replica.url, output))
        assert fetched_since(replica, start, "page") == []
    assert len(items(output)) == 15
    runs = manifests(output)
    assert len(runs) == 2 and all(run["status"] == "finished" and run["error_count"] == 0 for run in runs)
    assert runs[-1]["counts"]["releases"]["not_fetched_archived"] == 15
    assert first["log_url"] and second["log_url"]


def test_mee_archive_schedule_waits_for_its_jobs_and_exits_1_on_errors(
        scrapyd: Scrapyd, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("SCRAPYD_USERNAME", USER)
    monkeypatch.setenv("SCRAPYD_PASSWORD", PASSWORD)
    monkeypatch.setattr(schedule_command, "POLL_SECONDS", 0.2)
    command = ["schedule", "--scrapyd", scrapyd.url, "--output", str(tmp_path), "--wait", "--timeout", "120",
               *(arg for name, value in REPLICA_PACE.items() for arg in ("-s", f"{name}={value}"))]
    with ReplicaServer(build_corpus(seed=5, releases=6)).start() as replica:
        assert main([*command, "-s", f"MEE_PROXY={replica.url}"]) == 0
    (job,) = [line.split()[-1] for line in capsys.readouterr().out.splitlines() if "scheduled job" in line]
    assert manifests(tmp_path)[-1]["crawl_id"] == job and len(items(tmp_path)) == 6

    dead = f"http://127.0.0.1:{free_port()}"  # a proxy nobody answers at: every request fails
    assert main([*command, "-s", f"MEE_PROXY={dead}", "-s", "RETRY_TIMES=0"]) == 1
    said = capsys.readouterr().out
    assert "with problems: " in said and "error(s), first: http://english.mee.gov.cn/" in said, said

    # The verdict comes over scrapyd's API (the job's log), not from this machine's disk: the
    # archive directory may be another host's. A job refused at start says why.
    assert main([*command, "-s", f"MEE_PROXY={dead}", "-s", "DOWNLOAD_DELAY=soon"]) == 1
    said = capsys.readouterr().out
    assert "never finished (setting DOWNLOAD_DELAY: 'soon' is not a number" in said and "/logs/" in said, said


def test_the_egg_carries_the_project_only(tmp_path: Path, repo: Path) -> None:
    """scrapyd-deploy's egg holds mee_archive and nothing it depends on: the scrapyd host gets
    those from constraints.txt (docs/operations.md), as the scrapyd of these tests, run from the
    project's venv, does."""
    import zipfile

    workdir = tmp_path / "project"
    copy_project(repo, workdir)
    shutil.copy(repo / "scrapy.cfg", workdir / "scrapy.cfg")
    egg = tmp_path / "mee_archive.egg"
    deployer = Path(sys.executable).with_name("scrapyd-deploy")
    done = subprocess.run([str(deployer), "--build-egg", str(egg)], cwd=workdir, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    tops = {name.split("/", 1)[0] for name in zipfile.ZipFile(egg).namelist()}
    assert "mee_archive" in tops and not tops & {"scrapy", "warcio", "numpy", "lxml", "twisted"}
