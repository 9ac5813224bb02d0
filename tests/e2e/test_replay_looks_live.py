"""A release replayed by pywb from the archive looks as it does live, and asks for nothing the
archive cannot answer: a real headless Chromium (Debian's chromium + chromium-driver, as the
research browser test uses) renders a release through the replica's proxy and again from its
pywb replay; the two screenshots are compared pixel by pixel.

Threshold: at most 0.5 % of the pixels may differ by more than 16 (of 255) in any channel
(font hinting at a row's edge); a page without its stylesheet, banner or images differs in
tens of per cent.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mee_archive.replica.corpus import build_corpus
from mee_archive.replica.server import ReplicaServer
from tests.browser import SIZE, browser, wait_for
from tests.ops.conftest import free_port

pytestmark = pytest.mark.slow

MAX_DIFFERING = 0.005
CHANNEL_TOLERANCE = 16



def settled_screenshot(driver: Any, url: str) -> bytes:
    driver.get(url)
    for _ in range(100):  # bounded: every image decoded, every stylesheet applied
        if driver.execute_script("return document.readyState === 'complete' && "
                                 "Array.from(document.images).every(i => i.complete)"):
            break
        time.sleep(0.1)
    time.sleep(0.5)
    return driver.get_screenshot_as_png()


def responses(driver: Any) -> list[tuple[str, int]]:
    """(URL, status) of every response the page received, from the browser's performance log."""
    out = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.responseReceived":
            response = message["params"]["response"]
            if not response["url"].startswith("data:"):  # the blank page a new browser opens with
                out.append((response["url"], int(response["status"])))
        elif message["method"] == "Network.loadingFailed":
            out.append((message["params"].get("requestId", "?"), 0))
    return out


def differing(a: bytes, b: bytes) -> float:
    from PIL import Image, ImageChops

    first, second = (Image.open(io.BytesIO(png)).convert("RGB") for png in (a, b))
    assert first.size == second.size
    diff = ImageChops.difference(first, second).point(lambda v: 255 if v > CHANNEL_TOLERANCE else 0)
    mask = diff.convert("L").point(lambda v: 255 if v else 0)
    return sum(1 for v in mask.get_flattened_data() if v) / (first.size[0] * first.size[1])


@pytest.fixture
def archive(tmp_path: Path, replica_crawl: Callable[..., Any]) -> Iterator[tuple[ReplicaServer, Path, str]]:
    corpus = build_corpus(7, 12)
    with ReplicaServer(corpus).start() as replica:
        assert replica_crawl("news_release", replica.url, tmp_path).returncode == 0
        with_image = next(r for r in corpus.releases() if r.images)
        yield replica, tmp_path, with_image.url


def test_a_replayed_release_looks_as_it_does_live_and_needs_nothing_from_the_site(archive) -> None:
    replica, output, url = archive
    port = free_port()
    replay = subprocess.Popen([sys.executable, "-m", "mee_archive", "replay", "--port", str(port),
                               "--output", str(output)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    live_browser = browser(int(replica.url.rsplit(":", 1)[1]))
    replay_browser = browser(9)  # port 9: nothing listens, so nothing off loopback is reachable
    try:
        live = settled_screenshot(live_browser, url)
        loaded_live = {u for u, status in responses(live_browser) if status == 200}
        live_browser.quit()  # nothing it still loads may count against the replay
        wait_for(f"http://127.0.0.1:{port}/mee/")
        asked = len(replica.requests)
        replayed = settled_screenshot(replay_browser, f"http://127.0.0.1:{port}/mee/mp_/{url}")
        answered = responses(replay_browser)
        (output / "live.png").write_bytes(live)
        (output / "replay.png").write_bytes(replayed)
    finally:
        live_browser.quit()
        replay_browser.quit()
        replay.terminate()
        replay.wait(10)
    assert replica.requests[asked:] == []  # the replay asked the site for nothing
    assert answered and all(status and status < 400 and u.startswith(f"http://127.0.0.1:{port}/")
                            for u, status in answered), [a for a in answered if not a[1] or a[1] >= 400]
    # Everything the live page loaded, the replay loaded from the archive (pywb's prefix aside).
    archived = {re.sub(rf"^http://127.0.0.1:{port}/mee/(?:\w+_/)?", "", u) for u, _ in answered
                if not u.startswith(f"http://127.0.0.1:{port}/static/")}  # pywb's own wombat.js
    assert archived == loaded_live
    assert sum(u.endswith((".css", ".js", ".gif", ".jpg", ".png")) for u in loaded_live) >= 5
    assert differing(live, replayed) <= MAX_DIFFERING
