"""Repair of WARC files a killed crawl left under their ``.open`` name.

A file is cut back to its longest prefix of complete records (each a whole gzip member holding
a whole WARC record) and closed under its final name; it is never appended to, because its last
bytes cannot be trusted. Files whose writer still holds their lock (a live crawl) are left alone.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from mee_archive.archive.index import drop_stale_lines, index_warc, missing_indexes
from mee_archive.archive.layout import OPEN_SUFFIX, ArchiveLayout
from mee_archive.archive.rawrecord import iter_members, parse_record


def complete_length(path: Path) -> int:
    """Byte length of the leading run of complete records of a gzip-per-record WARC file."""
    good = 0
    with path.open("rb") as fh:
        for offset, length, data in iter_members(fh):
            if not parse_record(data).whole:
                break
            good = offset + length
    return good


def _locked_by_writer(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    return False


def repair_open_file(path: Path) -> Path | None:
    """Truncate one abandoned ``.open`` file to its complete records and close it.

    Returns the final path, or None if the file is in use or held no complete record (removed).
    """
    with path.open("r+b") as fh:
        if _locked_by_writer(fh.fileno()):
            return None
        keep = complete_length(path)
        fh.truncate(keep)
        os.fsync(fh.fileno())
        if keep == 0:
            path.unlink()
            return None
        final = path.with_name(path.name.removesuffix(OPEN_SUFFIX))
        os.replace(path, final)
        return final


def repair_open_files(paths: list[Path]) -> list[Path]:
    """Repair every abandoned file of ``paths``; return the files now closed."""
    return [final for final in map(repair_open_file, paths) if final is not None]


def recover(layout: ArchiveLayout) -> list[Path]:
    """Close what killed crawls left open and index every closed file lacking an index, as a
    crawl does on start; return the files repaired."""
    repaired = repair_open_files(layout.open_warcs())
    drop_stale_lines(layout, repaired)
    for warc in missing_indexes(layout):
        index_warc(layout, warc)
    return repaired
