"""constraints.txt pins the whole dependency tree, and this environment is what it says: every
package mee-archive[test] needs, directly or not, is installed at the version pinned there."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

CONSTRAINTS = Path(__file__).resolve().parents[2] / "constraints.txt"
# Pinned (pywb requires it) but removed by scripts/setup-venv: its brotli package shadows the
# brotli module Scrapy decodes with (tests/install/test_brotli.py).
REMOVED = {"brotlipy"}


def pins() -> dict[str, str]:
    found = {}
    for line in CONSTRAINTS.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = re.split(r"==", line.strip(), maxsplit=1)
            found[canonicalize_name(name)] = version
    return found


def requirement_tree(root: str, extras: frozenset[str]) -> set[str]:
    """Names of every distribution ``root[extras]`` needs on this Python, transitively."""
    visited: set[tuple[str, frozenset[str]]] = set()
    todo = [(canonicalize_name(root), extras)]
    while todo:
        name, wanted = todo.pop()
        if (name, wanted) in visited:
            continue
        visited.add((name, wanted))
        if name in REMOVED:
            continue
        for text in metadata.requires(name) or []:
            requirement = Requirement(text)
            if requirement.marker is None or any(requirement.marker.evaluate({"extra": extra})
                                                 for extra in wanted | {""}):
                todo.append((canonicalize_name(requirement.name), frozenset(requirement.extras)))
    return {name for name, _ in visited} - {canonicalize_name(root)}


def test_every_package_of_the_tree_is_pinned_and_installed_at_its_pin() -> None:
    pinned = pins()
    tree = requirement_tree("mee-archive", frozenset({"test"}))
    assert {"scrapy", "pywb", "hypothesis", "jsonschema-rs", "twisted", "lxml"} <= tree
    assert tree - pinned.keys() == set(), "not in constraints.txt: run scripts/lock-constraints"
    wrong = {name: (metadata.version(name), pinned[name]) for name in tree - REMOVED
             if metadata.version(name) != pinned[name]}
    assert wrong == {}, "installed != pinned"
    assert REMOVED <= pinned.keys()
