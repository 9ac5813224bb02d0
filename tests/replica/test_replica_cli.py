"""`mee-archive replica serve|truth`: truth export, one-line errors, a served replica stops cleanly."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import urllib.request

import pytest

from mee_archive.cli import main
from mee_archive.replica.corpus import build_corpus


def test_truth_writes_one_record_per_release(tmp_path, capsys):
    out = tmp_path / "truth.jsonl"
    assert main(["replica", "truth", "--seed", "4", "--releases", "6", "--output", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["url"] for r in records] == [r.url for r in build_corpus(4, 6).releases()]
    assert "lost" not in records[0]


def test_truth_in_the_real_pairs_form(tmp_path, capsys):
    out = tmp_path / "truth.json"
    assert main(["replica", "truth", "--seed", "4", "--releases", "30", "--format", "pairs", "-o", str(out)]) == 0
    truth = json.loads(out.read_text(encoding="utf-8"))
    assert truth["gold"] and all(urls for urls in truth["gold"].values())
    assert set(truth["related"]) <= {r["url"] for r in map(json.loads, _truth_lines(tmp_path))}
    assert "gold and" in capsys.readouterr().err


def _truth_lines(tmp_path):
    path = tmp_path / "all.jsonl"
    assert main(["replica", "truth", "--seed", "4", "--releases", "30", "-o", str(path)]) == 0
    return path.read_text(encoding="utf-8").splitlines()


def test_truth_zh_to_stdout_with_losses(capsys):
    assert main(["replica", "truth", "--releases", "6", "--zh", "--faults", "notfound", "--fault-rate", "1"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == len(build_corpus(1, 6).zh)
    assert {r["lost"] for r in records} == {"404 Not Found"}


@pytest.mark.parametrize(
    "argv, message",
    [
        (["replica", "truth", "--faults", "5xx,bogus"], "unknown fault mode(s): bogus"),
        (["replica", "truth", "--zh", "--format", "pairs"], "does not go with --zh"),
        (["replica", "truth", "--output", "/nonexistent/dir/t.jsonl", "--releases", "2"], "cannot write"),
    ],
)
def test_bad_input_is_one_line(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err


def test_bad_rate_is_rejected_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["replica", "serve", "--fault-rate", "2"])
    assert exc.value.code == 2 and "between 0 and 1" in capsys.readouterr().err


def test_port_in_use_is_one_line(capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        assert main(["replica", "serve", "--releases", "2", "--port", str(busy.getsockname()[1])]) == 2
    err = capsys.readouterr().err.strip()
    assert "cannot listen on 127.0.0.1:" in err and "\n" not in err


@pytest.mark.slow
def test_serve_answers_through_the_proxy_and_stops_on_ctrl_c():
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from mee_archive.cli import main; sys.exit(main())",
         "replica", "serve", "--releases", "3", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        lines = [proc.stdout.readline() for _ in range(2)]
        proxy = lines[1].rsplit(" ", 1)[1].strip()
        assert proxy.startswith("http://127.0.0.1:")
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": proxy}))
        with opener.open("http://english.mee.gov.cn/robots.txt", timeout=10) as resp:
            assert b"Disallow" in resp.read()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0 and "stopped after 1 requests" in out and "Traceback" not in err
