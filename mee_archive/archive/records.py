"""Build WARC/1.1 records with digests computed on exactly the bytes that will be stored.

Blocks are assembled here from bytes (the HTTP head and body of :mod:`httpbytes`) and serialised
as they are: warcio's writer would re-serialise HTTP headers (%-encoding non-ASCII bytes) and
drops the block of a revisit it did not parse, so warcio only supplies record ids, dates and the
header-block format. The block digest covers the bytes written, the payload digest the body as
received (still coded, de-chunked); both sha1 in base32, the form pywb, cdxj-indexer and
``warcio check`` use.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser
from warcio.timeutils import datetime_to_iso_date

WARC_VERSION = "WARC/1.1"
HTTP_RESPONSE = "application/http; msgtype=response"
HTTP_REQUEST = "application/http; msgtype=request"
WARC_FIELDS = "application/warc-fields"
IDENTICAL_PAYLOAD = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"


def sha1_digest(data: bytes) -> str:
    """``sha1:<BASE32>`` as in WARC-Block-Digest / WARC-Payload-Digest."""
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def warc_date(moment: datetime) -> str:
    """WARC/1.1 date with microseconds (UTC, ``Z``); ``moment`` must be UTC."""
    return datetime_to_iso_date(moment.replace(tzinfo=None), use_micros=True)


@dataclass(frozen=True)
class Original:
    """The earlier response record a revisit points at (from the digest index)."""

    uri: str
    date: str
    record_id: str


def warc_fields(fields: Mapping[str, object]) -> bytes:
    """``application/warc-fields`` body: one ``name: value`` line each, UTF-8, empties skipped."""
    lines = []
    for name, value in fields.items():
        if value is None or value == "":
            continue
        text = " ".join(str(value).split())  # a field value must stay on one line
        lines.append(f"{name}: {text}\r\n")
    return "".join(lines).encode("utf-8")


@dataclass
class WarcRecord:
    """A WARC record ready to write: its header fields and its block."""

    headers: StatusAndHeaders
    block: bytes

    @property
    def type(self) -> str:
        return self.headers.get_header("WARC-Type")

    @property
    def id(self) -> str:
        return self.headers.get_header("WARC-Record-ID")

    def to_bytes(self) -> bytes:
        """The record as stored (before its gzip member is made): head, block, CRLF CRLF."""
        return self.headers.to_bytes(encoding="utf-8") + self.block + b"\r\n\r\n"


def record(
    rec_type: str,
    block: bytes,
    content_type: str,
    date: str,
    uri: str | None = None,
    payload: bytes | None = None,
    extra: Mapping[str, str | None] | None = None,
    payload_digest: str | None = None,
) -> WarcRecord:
    """A record whose block is ``block``; a payload digest only when ``payload`` is given
    (``payload_digest``: its digest, when the caller has computed it already)."""
    headers = StatusAndHeaders("", [], protocol=WARC_VERSION)
    headers.add_header("WARC-Type", rec_type)
    headers.add_header("WARC-Record-ID", StatusAndHeadersParser.make_warc_id())
    headers.add_header("WARC-Date", date)
    if uri:
        headers.add_header("WARC-Target-URI", uri)
    for name, value in (extra or {}).items():
        if value:
            headers.add_header(name, value)
    headers.add_header("Content-Type", content_type)
    headers.add_header("WARC-Block-Digest", sha1_digest(block))
    if payload is not None:
        headers.add_header("WARC-Payload-Digest", payload_digest or sha1_digest(payload))
    headers.add_header("Content-Length", str(len(block)))
    return WarcRecord(headers, block)


def response_record(
    uri: str, date: str, head: bytes, body: bytes, extra: Mapping[str, str | None],
    payload_digest: str | None = None,
) -> WarcRecord:
    return record("response", head + body, HTTP_RESPONSE, date, uri, payload=body, extra=extra,
                  payload_digest=payload_digest)


def revisit_record(
    uri: str, date: str, head: bytes, payload_digest: str, original: Original,
    extra: Mapping[str, str | None], profile: str = IDENTICAL_PAYLOAD,
) -> WarcRecord:
    """A revisit: the new HTTP head only; the payload (``payload_digest``) is in ``original``.
    A server-not-modified one (a 304) carries the digest of the payload the server confirmed,
    so replay tools resolve it like an identical-payload one."""
    return record("revisit", head, HTTP_RESPONSE, date, uri, extra={
        **extra,
        "WARC-Profile": profile,
        "WARC-Refers-To": original.record_id,
        "WARC-Refers-To-Target-URI": original.uri,
        "WARC-Refers-To-Date": original.date,
        "WARC-Payload-Digest": payload_digest,
    })


def request_record(
    uri: str, date: str, head: bytes, body: bytes, concurrent_to: str,
    extra: Mapping[str, str | None],
) -> WarcRecord:
    return record("request", head + body, HTTP_REQUEST, date, uri, payload=body,
                  extra={**extra, "WARC-Concurrent-To": concurrent_to})


def metadata_record(uri: str, date: str, fields: Mapping[str, object], about: str) -> WarcRecord:
    """What the crawl derived from the response record ``about`` (e.g. the item it produced)."""
    block = warc_fields(fields)
    return record("metadata", block, WARC_FIELDS, date, uri, payload=block,
                  extra={"WARC-Concurrent-To": about, "WARC-Refers-To": about})


def warcinfo_record(filename: str, date: str, fields: Mapping[str, object]) -> WarcRecord:
    return record("warcinfo", warc_fields(fields), WARC_FIELDS, date,
                  extra={"WARC-Filename": filename})
