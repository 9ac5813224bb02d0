"""The crawl commands' user-facing errors: one line, a non-zero exit, never a traceback."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from mee_archive.cli import main


def mee_archive(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mee_archive", *args], capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("args, message", [
    (["demo", "--releases", "0"], "must be between 1 and 20000, got 0"),
    (["demo", "--releases", "many"], "not a whole number: 'many'"),
    (["crawl", "no_such_spider"], "unknown spider(s): no_such_spider"),
    (["crawl", "--set", "DOWNLOAD_DELAY"], "--set takes NAME=VALUE"),
])
def test_bad_arguments_give_one_line_and_exit_2(args: list[str], message: str, capsys, tmp_path: Path) -> None:
    """In-process, as these fail before any crawl starts (a traceback would fail the test)."""
    try:
        code = main([*args, "--output", str(tmp_path)])
    except SystemExit as exit:  # argparse's own errors
        code = exit.code
    error = capsys.readouterr().err
    assert code == 2
    assert message in error.strip().splitlines()[-1]
    assert not any(tmp_path.iterdir()), "nothing was crawled or written"


@pytest.mark.slow
def test_an_unreachable_site_gives_one_line_and_exit_1(tmp_path: Path) -> None:
    result = mee_archive("crawl", "news_release", "--proxy", f"http://127.0.0.1:{closed_port()}",
                         "--output", str(tmp_path), "-s", "RETRY_TIMES=0", "-s", "DOWNLOAD_DELAY=0",
                         "-s", "AUTOTHROTTLE_ENABLED=False")
    assert result.returncode == 1
    assert "error: could not reach the site" in result.stderr
    assert "Connection refused" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_window_date_that_is_no_date_is_refused_before_crawling(capsys: pytest.CaptureFixture) -> None:
    assert main(["crawl", "zh_news", "-s", "MEE_ZH_SINCE=last week"]) == 2
    assert "MEE_ZH_SINCE must be a date as YYYY-MM-DD, not 'last week'" in capsys.readouterr().err


def test_help_loads_neither_scrapy_nor_the_linkers_libraries() -> None:
    """`--help` builds every subcommand's parser; the heavy libraries wait for a command."""
    probe = ("import sys; from mee_archive.cli import build_parser; build_parser(); "
             "print(' '.join(m for m in ('scrapy', 'numpy', 'pypinyin', 'warcio', 'twisted') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []
