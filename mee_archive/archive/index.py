"""CDXJ index of the archive: one sorted ``.cdxj`` per closed WARC file, in ``index/``.

Written by cdxj-indexer (the format pywb reads: a collection's index directory may hold many
``.cdxj`` files) as soon as a WARC file closes, so the index is current after every rotation
and a crash loses no index of a finished file. Each index is written to a temporary name and
renamed, so a reader never sees half of one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from cdxj_indexer.main import write_cdx_index

from mee_archive.archive.layout import ArchiveLayout


def index_warc(layout: ArchiveLayout, warc: Path) -> Path:
    """(Re)build the CDXJ index of one closed WARC file; return its path."""
    target = layout.index_for(warc)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    write_cdx_index(str(partial), [str(warc)], {"sort": True})
    os.replace(partial, target)
    return target


def read_index(path: Path) -> list[tuple[str, str, dict[str, str]]]:
    """(urlkey, timestamp, fields) of every line of a CDXJ file."""
    entries = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                urlkey, timestamp, fields = line.rstrip("\n").split(" ", 2)
                entries.append((urlkey, timestamp, json.loads(fields)))
    return entries


def missing_indexes(layout: ArchiveLayout) -> list[Path]:
    """Closed WARC files without an index (e.g. closed by a crawl killed before indexing)."""
    return [warc for warc in layout.closed_warcs() if not layout.index_for(warc).exists()]
