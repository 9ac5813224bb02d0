"""Settings are checked once final: wrong types and names that leave the archive are refused at
start, one line, exit 2, by `mee-archive crawl` and by plain `scrapy crawl` alike."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mee_archive.cli import main
from mee_archive.runner import project_settings
from mee_archive.settingcheck import SettingsError, check_settings

REPO = Path(__file__).resolve().parents[2]

ESCAPES = [
    ("MEE_WARC_PREFIX=../../../p", "MEE_WARC_PREFIX"),
    ("MEE_WARC_PREFIX=/tmp/p", "MEE_WARC_PREFIX"),
    ("MEE_FEED_TEMPLATE=../../x/%(name)s.jsonl", "MEE_FEED_TEMPLATE"),
    ("MEE_FEED_TEMPLATE=/tmp/x/%(name)s.jsonl", "MEE_FEED_TEMPLATE"),
    ("MEE_CRAWL_ID=../../m", "MEE_CRAWL_ID"),
    ("MEE_CRAWL_ID=.hidden", "MEE_CRAWL_ID"),
]
WRONG_TYPES = [
    ("DOWNLOAD_DELAY=abc", "DOWNLOAD_DELAY: 'abc' is not a number"),
    ("CONCURRENT_REQUESTS=many", "CONCURRENT_REQUESTS: 'many' is not a number"),
    ("MEE_REFRESH=perhaps", "MEE_REFRESH: 'perhaps' is not true/false"),
    ("MEE_WARC_MAX_SIZE=nan", "MEE_WARC_MAX_SIZE: 'nan' is not a finite number"),
]


def settings_with(*pairs: str, output: Path):
    return project_settings({"MEE_OUTPUT_DIR": str(output), **dict(p.split("=", 1) for p in pairs)})


@pytest.mark.parametrize("pair, name", ESCAPES)
def test_a_name_that_leaves_the_archive_is_refused(pair: str, name: str, tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=name):
        check_settings(settings_with(pair, output=tmp_path))


@pytest.mark.parametrize("pair, message", WRONG_TYPES)
def test_a_setting_of_the_wrong_type_is_named(pair: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=message):
        check_settings(settings_with(pair, output=tmp_path))


def test_good_settings_pass(tmp_path: Path) -> None:
    check_settings(settings_with("DOWNLOAD_DELAY=2.5", "MEE_REFRESH=true", "CONCURRENT_REQUESTS=4",
                                 "MEE_CRAWL_ID=20260101T000000Z-ab12", "MEE_WARC_PREFIX=mee.v2",
                                 "MEE_FEED_TEMPLATE=feeds/%(name)s.jsonl", output=tmp_path))


@pytest.mark.parametrize("pair, needle", [*ESCAPES, ("DOWNLOAD_DELAY=abc", "DOWNLOAD_DELAY"),
                                          ("MEE_CRAWL_ID=../../m\nMEE_WARC_ENABLED=False", "MEE_CRAWL_ID")])
def test_mee_archive_crawl_refuses_at_start(pair: str, needle: str, tmp_path: Path, capsys) -> None:
    """Also with archiving off (the manifest's name comes from the crawl id); nothing is fetched:
    the proxy is a port nobody listens on, and a started crawl would say it cannot reach the site."""
    output = tmp_path / "archive"
    sets = [arg for p in pair.split("\n") for arg in ("-s", p)]
    code = main(["crawl", "--output", str(output), "--proxy", "http://127.0.0.1:9", *sets])
    error = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(error) == 1 and needle in error[0] and "reach the site" not in error[0]
    assert not (tmp_path / "p").exists() and not (tmp_path / "m.json").exists()
    assert needle in "".join(path.read_text() for path in (output / "logs").glob("*.log")), "logged too"


@pytest.mark.slow
@pytest.mark.parametrize("pair, needle", [ESCAPES[0], ESCAPES[2], WRONG_TYPES[0]])
def test_scrapy_crawl_refuses_at_start(pair: str, needle: str, tmp_path: Path) -> None:
    log = tmp_path / "crawl.log"
    result = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "news_release", "-s", pair,
                             "-s", f"MEE_OUTPUT_DIR={tmp_path / 'archive'}", "-s", f"LOG_FILE={log}",
                             "-s", "MEE_PROXY=http://127.0.0.1:9"],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    name = pair.split("=", 1)[0]
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2
    assert len(lines) == 1 and lines[0].startswith("scrapy crawl: error: setting ") and name in lines[0]
    assert name in log.read_text(), "logged too"
    assert not (tmp_path / "archive" / "items").exists(), "nothing was crawled"
