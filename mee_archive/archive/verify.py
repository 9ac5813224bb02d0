"""Check a whole archive: WARC digests, item citations, and that the index and the WARCs agree.

Reads every record with :mod:`rawrecord` (not with the library that wrote them) and recomputes
its digests, and reads each file again with warcio's ArchiveIterator, which checks digests on its
own: a fault either reader sees is reported, and so is any record one reader finds and the other
does not. Every problem is a fault with the file and offset or item it concerns, so an
archivist can find it; ``mee-archive verify`` exits non-zero when there is any.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from mee_archive.archive.index import read_index
from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.rawrecord import RawRecord, iter_records
from mee_archive.archive.records import sha1_digest

# Record types cdxj-indexer lists (metadata only when it is not application/warc-fields).
_INDEXED = {"response", "revisit", "resource"}


@dataclass
class Report:
    """What verification found: counts of what it checked, faults (each fails the archive) and
    warnings (worth knowing, not wrong: a file a live crawl holds open, items without citations)."""

    counts: Counter[str] = field(default_factory=Counter)
    faults: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong; warnings do not count."""
        return not self.faults


@dataclass(frozen=True)
class _Seen:
    """What verification remembers of a record to check pointers and the index against it."""

    type: str
    uri: str | None
    record_id: str | None
    payload_digest: str | None
    length: int
    points_to: str | None  # WARC-Refers-To, else WARC-Concurrent-To: the record this one is about


def warcio_view(warc: Path) -> tuple[dict[int, str | None], list[str]]:
    """The records warcio's reader finds (offset -> WARC-Record-ID) and the problems it reports:
    digest mismatches, or where it could not go on."""
    found: dict[int, str | None] = {}
    problems: list[str] = []
    read = []
    with warc.open("rb") as fh:
        records = ArchiveIterator(fh, check_digests=True)
        try:
            for record in records:
                found[records.get_record_offset()] = record.rec_headers.get_header("WARC-Record-ID")
                read.append((records.get_record_offset(), record))
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
            problems.append(f"warcio cannot read on after offset {max(found, default=0)}: {exc}")
    for offset, record in read:
        problems += [f"@{offset}: warcio: {problem}" for problem in record.digest_checker.problems]
    return found, problems


def record_faults(rec: RawRecord) -> list[str]:
    """Problems of one record taken alone: completeness and digests."""
    if not rec.whole:
        return ["record is incomplete"]
    faults = []
    if rec.header("WARC-Block-Digest") != sha1_digest(rec.block):
        faults.append("block digest mismatch")
    if rec.type in ("response", "request") and rec.header("WARC-Payload-Digest") != sha1_digest(rec.http[1]):
        faults.append("payload digest mismatch")
    return faults


class _Verifier:
    def __init__(self, layout: ArchiveLayout) -> None:
        self.layout = layout
        self.report = Report()
        self.records: dict[tuple[str, int], _Seen] = {}
        self.ids: dict[str, _Seen] = {}

    def fault(self, message: str) -> None:
        self.report.faults.append(message)

    def check_warc(self, warc: Path) -> None:
        self.report.counts["WARC files"] += 1
        end = 0
        for n, rec in enumerate(iter_records(warc)):
            where = f"{warc.name}@{rec.offset}"
            if n == 0 and (rec.type, rec.header("WARC-Filename")) != ("warcinfo", warc.name):
                self.fault(f"{where}: file does not open with a warcinfo record naming it")
            for problem in record_faults(rec):
                self.fault(f"{where}: {problem}")
            seen = _Seen(rec.type or "", rec.header("WARC-Target-URI"), rec.header("WARC-Record-ID"),
                         rec.header("WARC-Payload-Digest"), rec.length,
                         rec.header("WARC-Refers-To") or rec.header("WARC-Concurrent-To"))
            self.records[(warc.name, rec.offset)] = seen
            if seen.record_id:
                self.ids[seen.record_id] = seen
            self.report.counts["records"] += 1
            end = rec.offset + rec.length
        if end != warc.stat().st_size:
            self.fault(f"{warc.name}@{end}: {warc.stat().st_size - end} bytes are not a complete record")
        self.cross_check(warc)

    def cross_check(self, warc: Path) -> None:
        """warcio's reading of the file must agree with rawrecord's, and find no fault of its own."""
        found, problems = warcio_view(warc)
        for problem in problems:
            self.fault(f"{warc.name}{problem}" if problem.startswith("@") else f"{warc.name}: {problem}")
        ours = {offset: seen.record_id for (name, offset), seen in self.records.items() if name == warc.name}
        for offset in sorted(set(found) ^ set(ours)):
            reader = "warcio" if offset in found else "rawrecord"
            self.fault(f"{warc.name}@{offset}: only {reader} finds a record here")
        for offset in sorted(set(found) & set(ours)):
            if found[offset] != ours[offset]:
                self.fault(f"{warc.name}@{offset}: the readers disagree on the record id")

    def check_links(self) -> None:
        """Revisits refer to an archived payload; requests and metadata to an archived answer."""
        for (name, offset), seen in self.records.items():
            target = self.ids.get(seen.points_to or "")
            if seen.type == "revisit":
                self.report.counts["revisits"] += 1
                if target is None or target.payload_digest != seen.payload_digest:
                    self.fault(f"{name}@{offset}: revisit refers to no archived record with its payload")
            elif seen.type in ("request", "metadata") and (
                    target is None or target.type not in ("response", "revisit")):
                self.fault(f"{name}@{offset}: {seen.type} record is about no archived response")

    def check_index(self, warc: Path) -> None:
        index = self.layout.index_for(warc)
        if not index.exists():
            self.fault(f"{warc.name}: no index ({index.name})")
            return
        listed = set()
        for _, _, entry in read_index(index):
            self.report.counts["index lines"] += 1
            key = (entry.get("filename"), int(entry.get("offset", -1)))
            seen = self.records.get(key)
            listed.add(key)
            if seen is None or seen.uri != entry.get("url") or seen.length != int(entry.get("length", -1)) \
                    or seen.payload_digest != entry.get("digest"):
                self.fault(f"{index.name}: entry for {entry.get('url')} at {key[1]} does not match {warc.name}")
        for (name, offset), seen in self.records.items():
            if name == warc.name and seen.type in _INDEXED and (name, offset) not in listed:
                self.fault(f"{index.name}: {seen.type} record at {offset} of {name} is not indexed")

    def check_items(self, items: Path) -> None:
        uncited = 0
        for number, line in enumerate(items.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{items.name}:{number}"
            try:
                item = json.loads(line)
            except ValueError:
                self.fault(f"{where}: not a JSON record")
                continue
            self.report.counts["items"] += 1
            cite = item.get("warc")
            if not cite:
                uncited += 1
                continue
            seen = self.records.get((cite.get("file"), cite.get("offset")))
            if seen is None or seen.type != "response" or seen.length != cite.get("length"):
                self.fault(f"{where}: pointer {cite.get('file')}@{cite.get('offset')} is not a response record")
            elif (seen.record_id, seen.payload_digest, seen.uri) != (
                    cite.get("record_id"), cite.get("payload_digest"), item.get("url")):
                self.fault(f"{where}: record at the pointer is not {item.get('url')} with its digest")
            else:
                self.report.counts["item citations resolved"] += 1
        if uncited:  # e.g. records of an unarchived crawl, or not crawled at all (link output)
            self.report.warnings.append(f"{items.name}: {uncited} record(s) cite no WARC record")


def verify_archive(root: Path) -> Report:
    """Verify the archive below ``root`` (MEE_OUTPUT_DIR)."""
    layout = ArchiveLayout(root)
    verifier = _Verifier(layout)
    warcs = layout.closed_warcs()
    if not warcs:
        verifier.fault(f"no WARC files in {layout.warc_dir}")
    for warc in warcs:
        verifier.check_warc(warc)
    verifier.check_links()
    for warc in warcs:
        verifier.check_index(warc)
    known = {layout.index_for(warc).name for warc in warcs}
    for index in sorted(layout.index_dir.glob("*.cdxj")):
        if index.name not in known:
            verifier.fault(f"{index.name}: index of a WARC file that is not in the archive")
    for items in sorted(layout.items_dir.glob("*.jsonl")):
        verifier.check_items(items)
    for path in layout.open_warcs():
        verifier.report.warnings.append(
            f"{path.name}: still open (a crawl is running, or the next one will repair it)")
    return verifier.report
