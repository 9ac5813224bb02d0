"""The crawl's extensions: Scrapy's own but the remote control, whose module is never imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scrapy.settings import default_settings

from mee_archive.runner import project_settings

REPO = Path(__file__).resolve().parents[2]


def test_every_scrapy_extension_but_the_remote_control_is_kept() -> None:
    kept = project_settings().get_component_priority_dict_with_base("EXTENSIONS")
    scrapy_own = set(default_settings.EXTENSIONS_BASE) - {"scrapy.extensions.remote_control.RemoteControl"}
    assert scrapy_own <= set(kept) and "mee_archive.archive.capture.WarcCapture" in kept
    assert not any("remote_control" in name for name in kept)


def test_building_the_extension_list_does_not_import_the_remote_control() -> None:
    """Scrapy imports every class the project's EXTENSIONS names, even one set to None."""
    code = ("import sys; from mee_archive.runner import project_settings; "
            "project_settings().get_component_priority_dict_with_base('EXTENSIONS'); "
            "print(sorted(m for m in sys.modules if 'remote_control' in m or m == 'aiohttp'))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
