"""Debian's headless Chromium through chromium-driver, kept off the network: what the browser
tests share. Without the browser a test fails in CI (.ci/run installs it) and skips elsewhere."""

from __future__ import annotations

import os
import shutil
import time
import urllib.request
from typing import Any

import pytest

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
SIZE = (1200, 1600)
# A proxy port nothing listens on: the browser reaches loopback only.
NO_PROXY = 9


def browser(proxy_port: int) -> Any:
    """Headless Chromium whose only way out is the given loopback proxy (or loopback itself)."""
    if not (CHROMIUM and DRIVER):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium and chromium-driver are missing (.ci/run installs them)")
        pytest.skip("apt-get install chromium chromium-driver to run the browser test")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", f"--proxy-server=127.0.0.1:{proxy_port}",
                 "--proxy-bypass-list=<-loopback>" if proxy_port != NO_PROXY else "--proxy-bypass-list=127.0.0.1;localhost",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", f"--window-size={SIZE[0]},{SIZE[1]}", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    return driver


def wait_for(url: str) -> None:
    """Return once ``url`` answers (a server the test started has come up); bounded."""
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer")
