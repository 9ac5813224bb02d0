"""Every command, on bad input: one line naming the problem, exit 2 (usage) or 1 (failure), never
a traceback — and values accepted in silence before (empty input, nan, huge counts) refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mee_archive.archive import records
from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.writer import RotatingWarcWriter
from mee_archive.cli import main
from mee_archive.cli import errors


def one_line(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str]:
    """Exit code and the only line on stderr of ``mee-archive ARGS`` run in this process."""
    try:
        code = main(list(args))
    except SystemExit as exit:  # argparse's usage errors
        code = int(exit.code)
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("mee-archive") and ": error: " in lines[0] and "Traceback" not in lines[0]
    return code, lines[0]


@pytest.fixture(name="files")
def files_fixture(tmp_path: Path) -> dict[str, Path]:
    contents = {
        "good": json.dumps({"url": "http://e/1", "title": "Air", "published": "2020-01-01", "body": "b"}),
        "not_utf8": b"\xff\xfe{}",
        "empty": "",
        "url_int": '{"url": 5}',
        "title_number": '{"url": "http://e/1", "title": 5.5}',
        "score_string": '{"url": "http://e/1", "zh_url": null, "score": "high"}',
        "deep": "[" * 100_000 + "]" * 100_000,
        "huge_int": '{"url": "http://e/1", "docid": ' + "9" * 5000 + "}",
    }
    paths = {}
    for name, content in contents.items():
        paths[name] = tmp_path / f"{name}.jsonl"
        if isinstance(content, bytes):
            paths[name].write_bytes(content)
        else:
            paths[name].write_text(content + ("\n" if content else ""), "utf-8")
    paths["file"] = tmp_path / "a-file"
    paths["file"].write_text("x")
    paths["dir"] = tmp_path
    return paths


@pytest.mark.parametrize("name, message", [
    ("not_utf8", "not_utf8.jsonl:1: not UTF-8"),
    ("empty", "empty.jsonl: no records"),
    ("url_int", "url_int.jsonl:1: field 'url' must be a string, not 5"),
    ("title_number", "title_number.jsonl:1: field 'title' must be a string or null, not 5.5"),
    ("score_string", "field 'score' must be a number or null"),
    ("deep", "deep.jsonl:1: JSON nested too deeply"),
    ("huge_int", "huge_int.jsonl:1: not JSON"),
])
def test_link_and_eval_links_name_the_bad_line(name: str, message: str, files, capsys) -> None:
    bad, good = str(files[name]), str(files["good"])
    out = str(files["dir"] / "links.jsonl")
    for args in (["link", "--english", bad, "--chinese", good, "--output", out],
                 ["link", "--english", good, "--chinese", bad, "--output", out],
                 ["eval-links", "--links", bad, "--truth", good]):
        code, line = one_line(capsys, *args)
        assert code == 2 and message in line, line
    assert not Path(out).exists()


@pytest.mark.parametrize("args, code, message", [
    (["link", "--output", "{dir}"], 2, "--output {dir} is a directory, not a file"),
    (["link", "--output", "{file}/links.jsonl"], 2, "is a file, not a directory"),
    (["link", "--output", "{file}/sub/links.jsonl"], 1, "cannot create the directory of --output"),
    (["link", "--threshold", "nan"], 2, "--threshold: must be a finite number, got 'nan'"),
    (["link", "--threshold", "1.5"], 2, "--threshold: must be between 0 and 1, got 1.5"),
    (["link", "--margin", "-1"], 2, "--margin: must be between 0 and 100, got -1"),
])
def test_link_refuses_a_bad_output_or_threshold_before_linking(args, code, message, files, capsys) -> None:
    good = str(files["good"])
    args = [a.format(**{k: str(v) for k, v in files.items()}) for a in args]
    base = {"--english": good, "--chinese": good, "--output": str(files["dir"] / "l.jsonl")}
    base.update(dict(zip(args[1::2], args[2::2])))
    got, line = one_line(capsys, "link", *[x for pair in base.items() for x in pair])
    assert got == code and message.format(**{k: str(v) for k, v in files.items()}) in line


@pytest.mark.parametrize("args, code, message", [
    (["crawl", "--output", "{file}"], 2, "--output {file} is a file, not a directory"),
    (["demo", "--output", "{file}"], 2, "--output {file} is a file, not a directory"),
    (["crawl", "--output", "{file}/archive"], 1, "cannot create --output directory"),
    (["demo", "--output", "{file}/archive"], 1, "cannot create --output directory"),
    (["demo", "--releases", "1000000000"], 2, "--releases: must be between 1 and 20000"),
    (["replica", "serve", "--releases", "1000000000"], 2, "--releases: must be between 0 and 20000"),
    (["replica", "serve", "--port", "99999"], 2, "--port: must be between 0 and 65535, got 99999"),
    (["replica", "serve", "--stall-seconds", "-5"], 2, "--stall-seconds: must be between 0 and 3600"),
    (["replica", "serve", "--stall-seconds", "nan"], 2, "--stall-seconds: must be a finite number"),
    (["runs", "--last", "-3"], 2, "--last: must be at least 0"),
    (["package", "--output", "{dir}/empty"], 2, "no archive at"),
])
def test_other_commands_give_one_line(args, code, message, files, capsys) -> None:
    fill = {k: str(v) for k, v in files.items()}
    got, line = one_line(capsys, *[a.format(**fill) for a in args])
    assert got == code and message.format(**fill) in line, line


def test_package_names_a_foreign_file_in_the_warc_directory(tmp_path: Path, capsys) -> None:
    (tmp_path / "warc").mkdir()
    (tmp_path / "warc" / "foreign.warc.gz").write_bytes(b"not a warc at all\n")
    code, line = one_line(capsys, "package", "--output", str(tmp_path))
    assert code == 1 and "foreign.warc.gz: not a WARC file that can be read" in line
    assert not (tmp_path / "wacz").exists() and not (tmp_path / "index").exists()


def test_package_refuses_a_wacz_path_that_is_a_directory(tmp_path: Path, capsys) -> None:
    out = RotatingWarcWriter(ArchiveLayout(tmp_path).warc_dir, "t", "c1", 10**9, lambda name: {"software": "t"})
    out.write(records.response_record("http://english.mee.gov.cn/", "2026-01-02T03:04:05Z",
                                      b"HTTP/1.1 200 OK\r\n\r\n", b"<p>x</p>", {}))
    out.close()
    code, line = one_line(capsys, "package", "--output", str(tmp_path), "--wacz", str(tmp_path))
    assert code == 2 and "--wacz" in line and "is a directory, not a file" in line


def test_an_unexpected_error_is_one_line_and_the_traceback_is_there_on_request(monkeypatch, capsys) -> None:
    """The entry point's last wall, for any command (here eval-links, made to fail from inside)."""
    def broken(*_: object) -> None:
        raise LookupError("something nobody foresaw")

    monkeypatch.setattr("mee_archive.cli.eval_links.read_jsonl", broken)
    code, line = one_line(capsys, "eval-links", "--links", "x", "--truth", "y")
    assert code == 1 and "unexpected LookupError: something nobody foresaw" in line
    assert f"{errors.DEBUG_VARIABLE}=1" in line
    monkeypatch.setenv(errors.DEBUG_VARIABLE, "1")
    assert main(["eval-links", "--links", "x", "--truth", "y"]) == 1
    assert "Traceback" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["demo", "crawl", "runs", "schedule", "replica serve", "replica truth",
                                     "package", "verify", "link", "eval-links", "index", "search", "show",
                                     "cite", "export", "browse", "replay"])
def test_every_help_answers(command: str) -> None:
    result = subprocess.run([sys.executable, "-m", "mee_archive", *command.split(), "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "usage: mee-archive" in result.stdout
