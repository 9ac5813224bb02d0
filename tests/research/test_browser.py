"""A real headless Chromium (Debian's, through chromium-driver) against `browse` and `replay`:
search, open the release, see its Chinese original beside it, follow the replay link, find the
title on the replayed page. Off the network: every host but loopback resolves to nothing."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import NO_PROXY, browser, wait_for
from tests.ops.conftest import free_port

pytestmark = pytest.mark.slow




@pytest.fixture
def servers(research_archive: Path) -> Iterator[tuple[int, int]]:
    browse, replay = free_port(), free_port()
    started = [subprocess.Popen([sys.executable, "-m", "mee_archive", *args, "--output", str(research_archive)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
               for args in (["browse", "--port", str(browse), "--replay-port", str(replay)],
                            ["replay", "--port", str(replay)])]
    try:
        wait_for(f"http://127.0.0.1:{browse}/-/mee/search")
        wait_for(f"http://127.0.0.1:{replay}/mee/")
        yield browse, replay
    finally:
        for process in started:
            process.terminate()
            process.wait(10)


@pytest.fixture
def chromium() -> Iterator:
    driver = browser(NO_PROXY)
    try:
        yield driver
    finally:
        driver.quit()


def test_search_open_a_pair_and_replay_it(servers, chromium, items) -> None:
    from selenium.webdriver.common.by import By

    browse, replay_port = servers
    releases = items("news_release")
    titles = [r["title"] for r in releases]
    link = next(l for l in items("links") if l["zh_status"] == "linked"  # a title no other release has
                and titles.count(next(r["title"] for r in releases if r["url"] == l["url"])) == 1)
    release = next(r for r in releases if r["url"] == link["url"])
    original = next(a for a in items("zh_news") if a["url"] == link["zh_url"])
    chromium.get(f"http://127.0.0.1:{browse}/-/mee/search")
    box = chromium.find_element(By.ID, "q")
    box.send_keys(f'"{release["title"]}"')
    box.submit()
    titles = chromium.find_elements(By.CSS_SELECTOR, ".mee-hit a.mee-title")
    assert release["title"] in [t.text for t in titles]
    next(t for t in titles if t.text == release["title"]).click()
    sides = [h.text for h in chromium.find_elements(By.CSS_SELECTOR, "h2.mee-side-title")]
    assert sides == [release["title"], original["title"]]
    assert original["paragraphs"][0][:20] in chromium.find_element(By.CSS_SELECTOR, "table.mee-pair").text
    replay = chromium.find_elements(By.CSS_SELECTOR, "a.mee-replay")[0]
    assert replay.get_attribute("href").startswith(f"http://127.0.0.1:{replay_port}/mee/")
    replay.click()
    for _ in range(100):  # the replayed page loads its own resources through pywb
        if release["title"] in chromium.page_source:
            break
        time.sleep(0.1)
    assert release["title"] in chromium.title or release["title"] in chromium.page_source
    assert "wbinfo" in chromium.page_source  # served by pywb (which shows the original URL in the address bar)
