"""The HTTP messages of an exchange as bytes, rebuilt from what Scrapy keeps of them.

Scrapy does not keep the raw wire bytes, so the request and response heads are rebuilt here as
faithfully as the downloader allows:

- every header value, multi-valued ones too, as the bytes received (latin-1 safe, never decoded);
- the status line from the real protocol and status with the standard reason phrase; HTTP/2 is
  written as ``HTTP/1.1`` and flagged ``WARC-Protocol: h2`` by the caller, as Heritrix does;
- hop-by-hop framing: Twisted de-chunks bodies and removes ``Transfer-Encoding``/``Connection``
  from the headers Scrapy exposes; Scrapy re-adds ``Content-Length`` when the server sent one. So a
  chunked answer is stored de-chunked with neither header (a valid close-delimited message, what
  pywb and ``warcio check`` read); a length-delimited answer keeps the server's Content-Length;
- for answers without a body (1xx, 204, 304, any answer to HEAD) Twisted sets the length to 0 and
  Scrapy turns that into ``Content-Length: 0`` whatever the server sent; that header is Scrapy's,
  not the server's, so it is left out;
- header-name case is Scrapy's Title-Case (names are case-insensitive, RFC 9110 §5.1) and headers
  of different names come in first-seen order: the interleaving on the wire is not kept by Twisted.
"""

from __future__ import annotations

from collections.abc import Collection
from http import HTTPStatus
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.http import Headers, Response

CRLF = b"\r\n"
# Credentials for the proxy are not part of the exchange with the site and must not be archived.
_NEVER_RECORDED = frozenset({b"proxy-authorization"})


def reason_phrase(status: int) -> str:
    """Standard reason phrase, or empty for codes without one (a valid status line either way)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def wire_protocol(protocol: str | None) -> tuple[str, str | None]:
    """(HTTP version for the status line, value for WARC-Protocol or None)."""
    if protocol and protocol.lower() == "h2":
        return "HTTP/1.1", "h2"
    return (protocol or "HTTP/1.1"), None


def header_lines(headers: Headers, skip: Collection[bytes] = frozenset()) -> list[bytes]:
    """``Name: value`` lines, one per value, bytes exactly as held by Scrapy."""
    lines = []
    for name in headers.keys():
        if name.lower() in skip:
            continue
        lines.extend(name + b": " + value for value in headers.getlist(name))
    return lines


def host_value(url: str) -> bytes:
    """The Host header Twisted sends when none is set: host, plus the port if not the default."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(parts.scheme)
    if parts.port and parts.port != default:
        host = f"{host}:{parts.port}"
    return host.encode("ascii")  # Scrapy has already IDNA-encoded the URL's host


def request_target(request: Request) -> bytes:
    """Request-target as sent: absolute-form through a plain HTTP proxy (RFC 9112 §3.2.2), else
    origin-form with the query string. HTTPS through a proxy goes in a CONNECT tunnel: origin-form."""
    url = request.url.split("#", 1)[0]
    parts = urlsplit(url)
    if request.meta.get("proxy") and parts.scheme == "http":
        return url.encode("ascii")
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return target.encode("ascii")


def request_head(request: Request, protocol: str | None = None) -> bytes:
    """Request line and headers as Twisted writes them (Content-Length first, Host last if implicit)."""
    version, _ = wire_protocol(protocol)
    lines = [request.method.encode("ascii") + b" " + request_target(request) + b" " + version.encode()]
    if (request.body or request.method in ("POST", "PUT")) and b"Content-Length" not in request.headers:
        lines.append(b"Content-Length: " + str(len(request.body)).encode())
    lines += header_lines(request.headers, _NEVER_RECORDED)
    if b"Host" not in request.headers:
        lines.append(b"Host: " + host_value(request.url))
    return CRLF.join(lines) + CRLF + CRLF


def _bodiless(status: int, method: str) -> bool:
    return 100 <= status < 200 or status in (204, 304) or method == "HEAD"


def response_head(response: Response, method: str = "GET") -> bytes:
    """Status line and headers of a response to a ``method`` request as received (see module
    notes on framing and on bodiless answers)."""
    version, _ = wire_protocol(response.protocol)
    status = f"{version} {response.status} {reason_phrase(response.status)}".encode("ascii")
    skip = {b"content-length"} if _bodiless(response.status, method) else set()
    return CRLF.join([status, *header_lines(response.headers, skip)]) + CRLF + CRLF
