"""Read the archive's WARC files member by member, without trusting any WARC library.

Each record is one gzip member (see writer), so a record is located by (offset, length) and read
by inflating exactly those bytes. Repair, verification and the tests use this to check what the
writer produced independently of warcio, the library that wrote it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_CHUNK = 1 << 20


@dataclass(frozen=True)
class RawRecord:
    """One WARC record: its header fields and its block, as bytes on disk."""

    offset: int
    length: int  # compressed length of its gzip member
    headers: tuple[tuple[str, str], ...]
    block: bytes
    whole: bool  # header, Content-Length bytes of block and the closing CRLFCRLF all present

    def header(self, name: str, default: str | None = None) -> str | None:
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), default)

    @property
    def type(self) -> str | None:
        return self.header("WARC-Type")

    @property
    def http(self) -> tuple[bytes, bytes]:
        """(HTTP head, payload) of an ``application/http`` block."""
        head, _, payload = self.block.partition(b"\r\n\r\n")
        return head + b"\r\n\r\n", payload


def parse_record(data: bytes, offset: int = 0, length: int = 0) -> RawRecord:
    """Parse one uncompressed WARC record (the inflated content of one gzip member)."""
    head, sep, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("utf-8", "replace").split("\r\n")
    pairs = (line.partition(":") for line in lines[1:] if ":" in line)
    headers = tuple((name.strip(), value.strip()) for name, _, value in pairs)
    record = RawRecord(offset, length, headers, b"", False)
    declared = record.header("Content-Length")
    if not (lines[0].startswith("WARC/") and sep and declared and declared.isdigit()):
        return record
    size = int(declared)
    whole = len(rest) == size + 4 and rest.endswith(b"\r\n\r\n")
    return RawRecord(offset, length, record.headers, rest[:size], whole)


def iter_members(fh: BinaryIO) -> Iterator[tuple[int, int, bytes]]:
    """(offset, compressed length, inflated bytes) of each complete gzip member, in order; stops
    at the first member that is cut off or corrupt (the place a killed writer stopped)."""
    offset, pending = 0, b""
    while True:
        inflate, used, out = zlib.decompressobj(zlib.MAX_WBITS | 16), 0, []
        while not inflate.eof:
            chunk = pending or fh.read(_CHUNK)
            if not chunk:
                return
            try:
                out.append(inflate.decompress(chunk))
            except zlib.error:
                return
            pending = inflate.unused_data if inflate.eof else b""
            used += len(chunk) - len(pending)
        yield offset, used, b"".join(out)
        offset += used


def iter_records(path: Path) -> Iterator[RawRecord]:
    """Every record of a gzip-per-record WARC file whose gzip member is complete."""
    with path.open("rb") as fh:
        for offset, length, data in iter_members(fh):
            yield parse_record(data, offset, length)


def starts_as_warc(path: Path) -> bool:
    """Whether the file's first gzip member is a WARC record: a cheap test that tells a foreign
    or corrupt file (which warcio and py-wacz may take for an empty archive) from a WARC file."""
    with path.open("rb") as fh:
        first = next(iter_members(fh), None)
    return first is not None and first[2].startswith(b"WARC/")


def read_record(path: Path, offset: int, length: int) -> RawRecord:
    """The record at ``offset`` (a citation or index pointer); ValueError if nothing is there."""
    with path.open("rb") as fh:
        fh.seek(offset)
        data = fh.read(length)
    inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        inflated = inflate.decompress(data)
    except zlib.error as exc:
        raise ValueError(f"no gzip member at offset {offset}: {exc}") from None
    if not inflate.eof or inflate.unused_data:
        raise ValueError(f"offset {offset} length {length} is not exactly one gzip member")
    return parse_record(inflated, offset, length)
