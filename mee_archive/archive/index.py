"""CDXJ index of the archive: one sorted ``.cdxj`` per closed WARC file, in ``index/``.

In cdxj-indexer's format (the one pywb reads: a collection's index directory may hold many
``.cdxj`` files), written as soon as a WARC file closes, so the index is current after every
rotation and a crash loses no index of a finished file. Each index is written to a temporary
name and renamed, so a reader never sees half of one.

A crawl writes the lines itself as it writes the records (:class:`LiveIndex`), the same lines
cdxj-indexer would write (its fields, its parsing of the HTTP head: warcio's), appended to a side
file in sorted runs and merged when the file closes: re-reading the whole WARC through warcio at close was the
largest single cost a crawl added to Scrapy's. A file closed by the repair of a killed crawl is
indexed by cdxj-indexer itself (:func:`index_warc`), and the tests check the two agree.
"""

from __future__ import annotations

import heapq
import importlib
import io
import json
import os
import re
import sys
import types
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeadersParser
from warcio.timeutils import iso_date_to_timestamp

from mee_archive.archive.layout import OPEN_SUFFIX, WARC_SUFFIX, ArchiveLayout
from mee_archive.archive.records import WarcRecord

# Suffix of the unsorted lines of a WARC file being written, beside its future index.
LINES_SUFFIX = ".lines"
# cdxj-indexer's reading of a MIME type: what precedes the first ';' or space.
_MIME_END = re.compile(r"[;\s]")
# warcio's parser of a response's status line and headers (what cdxj-indexer reads them with).
_HTTP_HEAD = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False)


class UnreadableWarc(ValueError):
    """A file in ``warc/`` that cdxj-indexer cannot read (foreign or corrupt); names the file."""


def index_warc(layout: ArchiveLayout, warc: Path) -> Path:
    """(Re)build the CDXJ index of one closed WARC file; return its path."""
    target = layout.index_for(warc)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    from cdxj_indexer.main import write_cdx_index  # only repairs need it: ~0.2 s of imports

    try:
        write_cdx_index(str(partial), [str(warc)], {"sort": True})
    except Exception as exc:  # warcio's ArchiveLoadFailed, zlib and gzip errors, ...: all "unreadable"
        partial.unlink(missing_ok=True)
        raise UnreadableWarc(f"{warc}: not a WARC file that can be read ({type(exc).__name__}: {exc})") from exc
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


def _surt() -> types.ModuleType:
    """The surt package, imported with the first index line, and without the tldextract its
    handyurl module imports at its top (with requests and urllib3: ~90 ms, most of a recorder
    process's start) for two methods a SURT key never calls: handyurl's ``tldextract`` is a
    stand-in that imports the real one when first used."""
    if "surt" not in sys.modules and "tldextract" not in sys.modules:
        stand_in = types.ModuleType("tldextract")
        setattr(stand_in, "__getattr__", lambda name: getattr(importlib.import_module("tldextract"), name))
        sys.modules["tldextract"] = stand_in
        try:
            import surt
        finally:
            del sys.modules["tldextract"]  # what imports it later gets the real one
    import surt
    return surt


def cdxj_line(record: WarcRecord, head: bytes, file: str, offset: int, length: int) -> str:
    """The line cdxj-indexer writes for a response or revisit ``record`` whose HTTP head is
    ``head``, stored as the gzip member at ``offset`` (``length`` bytes) of ``file``."""
    surt = _surt()
    uri = record.headers.get_header("WARC-Target-URI")
    http = _HTTP_HEAD.parse(io.BytesIO(head)) if head else None
    fields = {"url": uri}
    if record.type == "revisit":
        fields["mime"] = "warc/revisit"
    elif http is not None and http.get_header("Content-Type") is not None:
        content_type = http.get_header("Content-Type")
        fields["mime"] = _MIME_END.split(content_type, 1)[0].strip() if content_type else content_type
    if http is not None:
        fields["status"] = http.get_statuscode()
    digest = record.headers.get_header("WARC-Payload-Digest")
    if digest is not None:
        fields["digest"] = digest
    fields.update(length=str(length), offset=str(offset), filename=file)
    try:
        key = surt.surt(uri)
    except Exception:  # cdxj-indexer keys a URL surt cannot read by the URL itself
        key = uri
    return f"{key} {iso_date_to_timestamp(record.headers.get_header('WARC-Date'))} {json.dumps(fields)}\n"


# Index lines a crawl holds in memory per WARC file being written (~350 bytes each): every this
# many are sorted and appended to the side file as one run, and the runs are merged at close.
RUN_LINES = 2000
# Bytes read from each run at a time while the runs are merged.
MERGE_BLOCK = 1 << 13


@dataclass
class _Runs:
    """The side file of one WARC file's index lines: sorted runs, and the lines of the next."""

    out: BinaryIO
    runs: list[tuple[int, int]] = field(default_factory=list)  # (offset, lines) of each run
    pending: list[bytes] = field(default_factory=list)

    def flush(self) -> None:
        if self.pending:
            self.runs.append((self.out.tell(), len(self.pending)))
            self.out.writelines(sorted(self.pending))
            self.pending.clear()


class LiveIndex:
    """The index lines of the WARC files a crawl is writing. Each file's go to a side file
    (``index/<name>.cdxj.lines``) in sorted runs of RUN_LINES, merged into the index when the file
    closes: memory stays flat however large the file (holding a 20,000-release crawl's lines to
    sort them at close raised its peak RSS by 20 MB)."""

    def __init__(self, layout: ArchiveLayout) -> None:
        self.layout = layout
        self._files: dict[str, _Runs] = {}

    def _lines(self, name: str) -> Path:
        return self.layout.index_dir / (self.layout.index_for(Path(name)).name + LINES_SUFFIX)

    def add(self, name: str, line: str) -> None:
        """Note a line of the WARC file ``name`` (its final name)."""
        runs = self._files.get(name)
        if runs is None:
            runs = self._files[name] = _Runs(self._lines(name).open("ab"))
        runs.pending.append(line.encode("utf-8", "surrogatepass"))  # UTF-8 sorts as the text does
        if len(runs.pending) >= RUN_LINES:
            runs.flush()

    def close(self, warc: Path) -> Path:
        """The closed file's index, its lines sorted as cdxj-indexer sorts them."""
        lines_path = self._lines(warc.name)
        runs = self._files.pop(warc.name, None)
        target = self.layout.index_for(warc)
        partial = target.with_name(target.name + ".part")
        with partial.open("wb") as index:
            if runs is not None:
                runs.flush()
                runs.out.close()
                with lines_path.open("rb") as source:
                    index.writelines(heapq.merge(*(_run_lines(source.fileno(), offset, count)
                                                   for offset, count in runs.runs)))
        os.replace(partial, target)
        lines_path.unlink(missing_ok=True)
        return target


def _run_lines(fd: int, offset: int, count: int) -> Iterator[bytes]:
    """The ``count`` lines of the sorted run at ``offset``, read MERGE_BLOCK bytes at a time
    through ``fd``: one descriptor serves every run of a file (one each ran past the open-file
    limit for a file of a million lines)."""
    rest, position = b"", offset
    while count > 0:
        block = os.pread(fd, MERGE_BLOCK, position)
        if not block:
            return
        position += len(block)
        *lines, rest = (rest + block).split(b"\n")
        for line in lines[:count]:
            yield line + b"\n"
        count -= len(lines)


def drop_stale_lines(layout: ArchiveLayout, repaired: Collection[Path] = ()) -> None:
    """Side files of WARC files no crawl writes any more: those of the ``repaired`` files (a
    killed crawl's: indexed by cdxj-indexer), and those of files closed and indexed. A file
    closed but not yet indexed is another crawl's, merging its side file right now (its writer
    renames the file before it indexes it): that one stays; if that crawl died there, the next
    start drops it, once cdxj-indexer has indexed the file."""
    repaired_names = {path.name for path in repaired}
    for lines in layout.index_dir.glob("*.cdxj" + LINES_SUFFIX):
        warc = lines.name.removesuffix(".cdxj" + LINES_SUFFIX) + WARC_SUFFIX
        if (layout.warc_dir / (warc + OPEN_SUFFIX)).exists():
            continue  # still being written
        closed = layout.warc_dir / warc
        if warc in repaired_names or not closed.exists() or layout.index_for(closed).exists():
            lines.unlink(missing_ok=True)
