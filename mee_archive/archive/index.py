"""CDXJ index of the archive: one sorted ``.cdxj`` per closed WARC file, in ``index/``.

The format is cdxj-indexer's (which pywb reads: a collection's index directory may hold many
``.cdxj`` files), written as soon as a WARC file closes, so the index is current after every
rotation and a crash loses no index of a finished file. Each index is written to a temporary
name and renamed, so a reader never sees half of one.

A crawl builds the lines of the files it writes as it writes their records (:class:`IndexLines`):
cdxj-indexer re-reading a whole file through warcio's header parser at close was the largest
single cost of a crawl (2.9 ms a page). Files a crawl did not write from the start (left open by
a killed one, then repaired) are indexed by cdxj-indexer itself (:func:`index_warc`); tests check
that both give the same bytes. (In a process that has imported wacz, cdxj-indexer also indexes
warcinfo records: wacz adds them to its defaults on import. A crawl never imports wacz.)
"""

from __future__ import annotations

import json
import os
import re
from io import BytesIO
from pathlib import Path

import surt
from cdxj_indexer.main import write_cdx_index
from warcio.statusandheaders import StatusAndHeadersParser
from warcio.timeutils import iso_date_to_timestamp

from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.records import WarcRecord
from mee_archive.archive.writer import RecordLocation

# The record types cdxj-indexer indexes by default that a crawl writes with an HTTP block
# (its metadata records are application/warc-fields, which it leaves out).
_INDEXED = ("response", "revisit")
# Where cdxj-indexer cuts a Content-Type to make the mime field.
_MIME_END = re.compile(r"[;\s]")
_HTTP = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False)


def _write(layout: ArchiveLayout, warc: Path, lines: list[str]) -> Path:
    target = layout.index_for(warc)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_text("".join(sorted(set(lines))), "utf-8")
    os.replace(partial, target)
    return target


def cdxj_line(record: WarcRecord, location: RecordLocation) -> str | None:
    """The line cdxj-indexer writes for ``record`` at ``location``, or None if it writes none."""
    if record.type not in _INDEXED:
        return None
    headers = record.headers
    uri = headers.get_header("WARC-Target-URI")
    http = _HTTP.parse(BytesIO(record.block.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"))
    mime = "warc/revisit" if record.type == "revisit" else http.get_header("Content-Type")
    fields = {"url": uri, "mime": _MIME_END.split(mime, 1)[0].strip() if mime else mime,
              "status": http.get_statuscode(), "digest": headers.get_header("WARC-Payload-Digest"),
              "length": str(location.length), "offset": str(location.offset), "filename": location.file}
    index = {name: value for name, value in fields.items() if value is not None}
    try:
        key = surt.surt(uri)
    except Exception:  # as cdxj-indexer: a URL surt cannot read is its own key
        key = uri
    return f"{key} {iso_date_to_timestamp(headers.get_header('WARC-Date'))} {json.dumps(index)}\n"


class IndexLines:
    """The index lines of the WARC files a crawl is writing, by file name, until each closes."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str]] = {}

    def add(self, record: WarcRecord, location: RecordLocation) -> None:
        """Note a record just written; the writer only ever writes files it created itself."""
        line = cdxj_line(record, location)
        if line is not None:
            self._lines.setdefault(location.file, []).append(line)

    def write(self, layout: ArchiveLayout, warc: Path) -> Path:
        """Write the index of a closed file: from its lines, or by cdxj-indexer if it has none."""
        lines = self._lines.pop(warc.name, None)
        return index_warc(layout, warc) if lines is None else _write(layout, warc, lines)


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
