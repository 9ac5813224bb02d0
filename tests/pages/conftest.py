"""Saved pages for the page-object tests (copied into the repo: tests never read ../shared)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from mee_archive.pages.html import parse_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_text(relative: str) -> str:
    return (FIXTURES / relative).read_text(encoding="utf-8")


@pytest.fixture
def zh_sample() -> str:
    """The real Chinese channel article (环境要闻, docid 974894), as served."""
    return fixture_text("zh/www.mee.gov.cn/ywdt/hjywnews/202204/t20220417_974894.shtml")


@pytest.fixture
def zh_list_sample() -> str:
    """The trimmed real 意见征集 list page (the `<li><a>…</a><span class="date">` idiom)."""
    return fixture_text("zh/www.mee.gov.cn/hdjl/yjzj/index.shtml")


@pytest.fixture
def example_release_lines() -> list[str]:
    """shared/example-release.txt: a real release as a reader sees it, one line a block."""
    return fixture_text("en/example-release.txt").splitlines()



@pytest.fixture
def html_body() -> Callable[[str], etree._Element]:
    """``html_body(markup)``: the `<body>` element of a page holding ``markup``."""
    return lambda markup: parse_html(f"<html><body>{markup}</body></html>").find("body")
