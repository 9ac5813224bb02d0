"""The JSON Lines feeds as the archive's source of truth for items, made to survive a kill.

An item counts as archived once its line is in the feed. For that to hold after a SIGKILL, every
line is flushed to the OS as it is written (the OS keeps it when the process dies), and a line cut
off by a kill is removed when the feed is opened again, so the next line does not glue onto it.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from scrapy import Spider
from scrapy.extensions.feedexport import FileFeedStorage


class LineFlushedFile(io.BufferedWriter):
    """A binary file that hands each write to the OS at once (the exporter writes a line per call).

    A real BufferedWriter, so exporters that wrap their file (CSV in a TextIOWrapper) still work.
    """

    def write(self, data: Any) -> int:
        written = super().write(data)
        self.flush()
        return written


def drop_partial_line(path: Path) -> int:
    """Cut ``path`` back to its last complete line; return how many bytes went (0 if none)."""
    if not path.exists():
        return 0
    with path.open("r+b") as f:
        size = end = f.seek(0, os.SEEK_END)
        while end > 0:  # search backwards, a block at a time, for the last newline
            start = max(0, end - 65536)
            f.seek(start)
            newline = f.read(end - start).rfind(b"\n")
            if newline >= 0:
                end = start + newline + 1
                break
            end = start
        if end < size:
            f.truncate(end)
        return size - end


class DurableFileFeedStorage(FileFeedStorage):
    """Scrapy's local-file feed storage, repaired on open and flushed per line."""

    def open(self, spider: Spider) -> IO[bytes]:
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.write_mode == "ab":
            dropped = drop_partial_line(path)
            if dropped:
                spider.logger.warning("%s: removed a cut-off last line (%d bytes) of an interrupted run", path, dropped)
        return LineFlushedFile(io.FileIO(path, self.write_mode))


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines feed, in order, skipping blank or cut-off lines."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                yield record


def write_records_atomically(path: Path, records: Iterable[dict[str, Any]]) -> None:
    """Replace a JSON Lines file as a whole: readers see the old file or the new one, never half."""
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
