"""A crawl whose archive cannot be written stops instead of going on unarchived."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_unwritable_archive_stops_the_crawl(site, crawl, tmp_path: Path) -> None:
    (tmp_path / "warc").write_text("a file where the WARC directory should be")
    result = crawl(tmp_path, f"{site.url}/list.html", expect_success=False)
    assert "'finish_reason': 'warc_write_failed'" in result.stderr
    assert "item_scraped_count" not in result.stderr
