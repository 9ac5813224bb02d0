"""Writing a crawl's exchanges as WARC records: plain data in, records, index lines and digest
rows out, and where each record landed.

The capture extension (mee_archive.archive.capture) turns Scrapy's request and response into an
:class:`Exchange`; a :class:`Recorder` decides response or revisit (the digest index), writes the
records, indexes them and answers with the citation an item of the page will carry. It knows
nothing of Scrapy, so it runs in the crawl's process or in a child of its own
(``python -m mee_archive.archive.recorder``, MEE_WARC_PROCESS): the records, their digests, the
gzip members, the index lines and the SQLite rows are then written on another core while the
crawl goes on. One recorder takes the exchanges in the order the downloader received them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mee_archive.archive import records
from mee_archive.archive.dedup import DigestIndex, Stored
from mee_archive.archive.index import LiveIndex, cdxj_line
from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.writer import RecordLocation, RotatingWarcWriter


@dataclass(frozen=True)
class Exchange:
    """One HTTP exchange as sent and received: the HTTP heads as bytes, the body as received."""

    uri: str
    date: str
    status: int
    head: bytes  # the response's status line and headers
    body: bytes
    request_head: bytes
    request_body: bytes
    extra: Mapping[str, str | None]  # WARC-IP-Address, WARC-Protocol
    truncated: str | None = None  # WARC-Truncated reason of a body cut short


@dataclass(frozen=True)
class Recorded:
    """A record as written: its type and id, and what cites it (for an exchange's answer, the
    record holding the payload: for a revisit, the earlier response it refers to; for a
    metadata record, itself)."""

    type: str
    record_id: str
    cite: dict[str, Any]
    closed: list[str] = field(default_factory=list)  # WARC files closed (rotated) by this write


@dataclass(frozen=True)
class RecorderConfig:
    """What a recorder needs to open its files, as plain data (it may live in another process)."""

    root: Path
    prefix: str
    crawl_id: str
    max_size: int
    warcinfo: Mapping[str, object]
    dedup: bool


class Recorder:
    """Writes exchanges and item descriptions to rotating WARC files, indexed as they go."""

    def __init__(self, config: RecorderConfig) -> None:
        self.layout = ArchiveLayout(config.root)
        self.layout.make_dirs()
        self.warcinfo = dict(config.warcinfo)
        self.index = LiveIndex(self.layout)
        self.dedup = DigestIndex(self.layout.dedup_db) if config.dedup else None
        self._closed: list[str] = []
        self.writer = RotatingWarcWriter(self.layout.warc_dir, prefix=config.prefix, crawl_id=config.crawl_id,
                                         max_size=config.max_size, warcinfo=lambda name: self.warcinfo,
                                         on_close=self._file_closed)

    def record(self, exchange: Exchange) -> Recorded:
        """Write the answer (a response, or a revisit of an earlier copy) and the request as sent;
        then note where the payload lies, for later revisits and for the item's citation."""
        digest = records.sha1_digest(exchange.body)
        stored, profile = self._earlier_copy(exchange, digest)
        main = self._answer_record(exchange, stored, profile, digest)
        sent = records.request_record(exchange.uri, exchange.date, exchange.request_head, exchange.request_body,
                                      main.id, exchange.extra)
        location, _ = self.writer.write(main, sent)
        self.index.add(location.file, cdxj_line(main, exchange.head, location.file, location.offset, location.length))
        if self.dedup and exchange.body:
            self._remember(exchange, digest, location, new=stored is None)
        cite = {**location.as_dict(), "payload_digest": digest}
        if stored:
            cite = {**stored.location.as_dict(), "payload_digest": stored.digest}
        return Recorded(main.type, location.record_id, cite, self._take_closed())

    def _earlier_copy(self, exchange: Exchange, digest: str) -> tuple[Stored | None, str]:
        """The archived response this answer revisits, with the revisit profile, or None."""
        if self.dedup is None:
            return None, ""
        if exchange.status == 304:
            return self.dedup.find_latest(exchange.uri), records.NOT_MODIFIED
        return (self.dedup.find(exchange.uri, digest) if exchange.body else None), records.IDENTICAL_PAYLOAD

    @staticmethod
    def _answer_record(exchange: Exchange, stored: Stored | None, profile: str, digest: str) -> records.WarcRecord:
        """A revisit of ``stored`` (the new HTTP head only), else the whole response (``digest``:
        its body's, computed once); a body cut short is marked WARC-Truncated."""
        if stored:
            return records.revisit_record(exchange.uri, exchange.date, exchange.head, stored.digest,
                                          stored.original, exchange.extra, profile)
        return records.response_record(exchange.uri, exchange.date, exchange.head, exchange.body,
                                       {**exchange.extra, "WARC-Truncated": exchange.truncated}, payload_digest=digest)

    def _remember(self, exchange: Exchange, digest: str, location: RecordLocation, new: bool) -> None:
        """Index a new payload for later revisits, and a 200's as the URL's latest (the payload a
        later 304 confirms)."""
        assert self.dedup is not None
        if new:
            self.dedup.add(exchange.uri, digest, exchange.date, location)
        if exchange.status == 200:
            self.dedup.note_latest(exchange.uri, digest)

    def describe(self, uri: str, date: str, fields: Mapping[str, object], about: str) -> Recorded:
        """A metadata record naming what the crawl derived from the record ``about``, as written
        (with the files this write closed)."""
        [location] = self.writer.write(records.metadata_record(uri, date, fields, about))
        return Recorded("metadata", location.record_id, location.as_dict(), self._take_closed())

    def close(self) -> list[str]:
        """Finish the current file and the digest index; the files closed since the last answer."""
        self.writer.close()
        if self.dedup:
            self.dedup.close()
        return self._take_closed()

    def _file_closed(self, warc: Path) -> None:
        self.index.close(warc)
        self._closed.append(warc.name)

    def _take_closed(self) -> list[str]:
        closed, self._closed = self._closed, []
        return closed


class _Served:
    """The child's side: the first request configures the recorder, then ("record", exchange),
    ("describe", uri, date, fields, about) and ("close",) are answered in order."""

    def __init__(self) -> None:
        self.recorder: Recorder | None = None

    def __call__(self, request: tuple[Any, ...]) -> Any:
        kind, *args = request
        if kind == "open":
            self.recorder = Recorder(*args)
            return None
        assert self.recorder is not None, "the recorder was not opened"
        return getattr(self.recorder, kind)(*args)


if __name__ == "__main__":
    # Run as the module itself, not as __main__: the answers' classes must pickle by their own name.
    from mee_archive.archive.recorder import _Served as Served
    from mee_archive.workerpipe import serve
    serve(Served())
