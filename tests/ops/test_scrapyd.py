"""scrapyd integration: a real scrapyd with basic auth on loopback, the project deployed with
scrapyd-deploy, news_release scheduled twice through the JSON API against a live replica."""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer

from .conftest import REPLICA_PACE, REPO, fetched_since, items, manifests

pytestmark = pytest.mark.slow

USER, PASSWORD = "archivist", "correct horse battery staple"
PROJECT_FILES = ["setup.py", "pyproject.toml", "README.md", "mee_archive"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Scrapyd:
    """A scrapyd process of our own and its JSON API, with basic auth."""

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

    def call(self, endpoint: str, data: list[tuple[str, str]] | None = None, auth: bool = True) -> dict[str, Any]:
        request = urllib.request.Request(self.url + endpoint, urllib.parse.urlencode(data).encode() if data else None)
        if auth:
            token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.load(answer)

    def wait_until_up(self) -> None:
        for _ in range(300):  # bounded: 30 s
            try:
                if self.call("daemonstatus.json")["status"] == "ok":
                    return
            except (urllib.error.URLError, ConnectionError):
                assert self.process.poll() is None, "scrapyd exited"
                time.sleep(0.1)
        raise AssertionError("scrapyd did not come up")

    def wait_for(self, job: str) -> dict[str, Any]:
        for _ in range(1200):  # bounded: 2 minutes
            finished = self.call("listjobs.json?project=mee_archive")["finished"]
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


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[Scrapyd]:
    server = Scrapyd(tmp_path / "scrapyd")
    try:
        server.wait_until_up()
        yield server
    finally:
        server.stop()


def deploy(scrapyd: Scrapyd, workdir: Path) -> None:
    """scrapyd-deploy from a copy of the project whose scrapy.cfg names this scrapyd and its login."""
    workdir.mkdir()
    for name in PROJECT_FILES:
        source = REPO / name
        copy = shutil.copytree if source.is_dir() else shutil.copy2
        copy(source, workdir / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if source.is_dir() else {}))
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
    pace = [value for flag, value in zip(REPLICA_PACE[::2], REPLICA_PACE[1::2]) if flag == "-s"]
    settings = [f"MEE_PROXY={proxy}", f"MEE_OUTPUT_DIR={output}", *pace]
    answer = scrapyd.call("schedule.json", [("project", "mee_archive"), ("spider", "news_release"),
                                            *[("setting", s) for s in settings]])
    assert answer["status"] == "ok", answer
    return answer["jobid"]


def test_scrapyd_runs_deployed_crawls_into_the_archive_and_the_second_is_incremental(
        scrapyd: Scrapyd, tmp_path: Path) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        scrapyd.call("daemonstatus.json", auth=False)
    assert refused.value.code == 401
    deploy(scrapyd, tmp_path / "project")
    assert "news_release" in scrapyd.call("listspiders.json?project=mee_archive")["spiders"]

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
