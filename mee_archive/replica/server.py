"""The replica's HTTP server: a forward proxy and an origin server in one.

Scrapy sends absolute-form targets (``GET http://english.mee.gov.cn/... HTTP/1.1``) to an
HTTP proxy; browsers and curl with a Host header send origin-form. Both are answered from the
same :class:`~mee_archive.replica.site.Site`, so a crawl through this proxy archives the real
sites' URLs. Transport is realistic: keep-alive, gzip when accepted (not for every page),
chunked transfer for some responses, ETag/Last-Modified validators and 304s; faults, when
switched on, are applied per request by a :class:`~mee_archive.replica.faults.FaultPlan`.
"""

from __future__ import annotations

import gzip
import hashlib
import socket
import struct
import sys
import threading
import traceback
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

from mee_archive.replica.faults import FaultConfig, FaultPlan
from mee_archive.replica.model import Corpus
from mee_archive.replica.site import Resource, Site, host_kind, stable_hash

CHUNK = 8192
GZIP_CACHE_ENTRIES = 1024  # at most this many compressed pages are kept...
GZIP_CACHE_MAX_BODY = 256 * 1024  # ...each from a body of at most this size
POLL = 0.05  # seconds between checks for stop(): short, so tests stop servers quickly


@dataclass(frozen=True)
class RequestRecord:
    """One request as the server saw it; ``status`` 0 when no response was sent (reset, stall)."""

    method: str
    url: str
    status: int
    fault: str | None = None


def _accepts_gzip(header: str | None) -> bool:
    for token in (header or "").split(","):
        name, _, params = token.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'


def _etag_matches(header: str, etag: str) -> bool:
    """Weak comparison (RFC 9110): ``W/`` and the ``-gzip`` variant suffix do not matter."""
    base = etag.strip('"')
    tags = {t.strip().removeprefix("W/").strip('"').removesuffix("-gzip") for t in header.split(",")}
    return "*" in tags or base in tags


class _Handler(BaseHTTPRequestHandler):
    """Per-connection handler; all state lives on ``self.server.replica``."""

    protocol_version = "HTTP/1.1"
    server_version = "TRS-WCM"
    disable_nagle_algorithm = True  # headers and body are separate writes: no 40 ms stalls
    timeout = 15  # idle keep-alive connections close after this many seconds

    server: _HTTPServer

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the request log is ``ReplicaServer.requests``."""

    def do_GET(self) -> None:
        self._guarded(head=False)

    def do_HEAD(self) -> None:
        self._guarded(head=True)

    def _guarded(self, head: bool) -> None:
        """A client that hangs up is routine (timeouts, cancelled crawls); a bug is a 500."""
        self._answered = False
        try:
            self._handle(head)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:
            traceback.print_exc(file=sys.stderr)
            self.close_connection = True
            if not self._answered:
                self._plain(500, "Internal error in the replica (see its stderr).", head=head)

    def do_CONNECT(self) -> None:
        self._url = self.path  # authority form, "host:443"
        self._plain(501, "The replica speaks plain HTTP only: use http:// URLs through this proxy.")

    # --- request ---------------------------------------------------------------------------

    def _target(self) -> tuple[str, str, str]:
        """(host, path, url) from an absolute-form target or from the Host header."""
        parts = urlsplit(self.path)
        host = parts.netloc if parts.scheme else self.headers.get("Host", "")
        path = parts.path or "/"
        query = f"?{parts.query}" if parts.query else ""
        return host.lower(), path, f"http://{host.lower()}{path}{query}"

    def _handle(self, head: bool) -> None:
        host, path, self._url = self._target()
        replica = self.server.replica
        kind = host_kind(host)
        if kind is None:
            return self._plain(502, f"The replica serves english.mee.gov.cn and www.mee.gov.cn (and old names), not {host!r}.")
        plan, site = replica.plan, replica.site
        article = site.is_article(kind, path)
        redirect = plan.redirect(kind, host, path, article) if path != "/robots.txt" else None
        if redirect:
            return self._redirect(redirect.status, redirect.location, head)
        if plan.gone(path, article):
            return self._not_found(head)
        fault = plan.transient(path) if path != "/robots.txt" else None
        if fault in ("5xx", "429", "reset", "stall"):
            return self._transient(fault, path, head)
        res = site.resolve(kind, path)
        if res is None:
            return self._not_found(head)
        if res.location:
            return self._redirect(res.status, f"http://{host}{res.location}", head)
        self._send(plan.content(path, res), path, head, truncate=fault == "truncate")

    # --- responses -------------------------------------------------------------------------

    def _log(self, status: int, fault: str | None = None) -> None:
        """Record the request before answering it, so a client that has its answer finds it logged."""
        self._answered = True
        self.server.replica.record(RequestRecord(self.command, self._url, status, fault))

    def _plain(
        self, status: int, text: str, extra: dict[str, str] | None = None, head: bool = False, fault: str | None = None
    ) -> None:
        self._log(status, fault)
        body = (text + "\n").encode("utf-8")
        self.send_response(status)
        for name, value in {"Content-Type": "text/plain; charset=utf-8", **(extra or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _redirect(self, status: int, location: str, head: bool) -> None:
        self._plain(status, f"Moved to {location}", {"Location": location}, head)

    def _not_found(self, head: bool) -> None:
        self._plain(404, "404 Not Found", head=head)

    def _transient(self, fault: str, path: str, head: bool) -> None:
        config = self.server.replica.faults
        if fault == "5xx":
            status = self.server.replica.plan.server_error(path)
            extra = {"Retry-After": str(config.retry_after)} if status == 503 else {}
            self._plain(status, "Server busy", extra, head, fault)
        elif fault == "429":
            self._plain(429, "Too many requests", {"Retry-After": str(config.retry_after)}, head, fault)
        else:
            self._log(0, fault)
            if fault == "stall":
                self.server.stopping.wait(config.stall_seconds)
            self._abort()

    def _abort(self) -> None:
        """Drop the connection with a TCP reset, as an overloaded front end does."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _send(self, res: Resource, path: str, head: bool, truncate: bool) -> None:
        etag = _etag(res.body)
        if self._not_modified(etag, res):
            self._log(304)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", format_datetime(res.last_modified, usegmt=True))
            self.end_headers()
            return
        body, coding = res.body, None
        if res.is_text and stable_hash(path) % 4 and _accepts_gzip(self.headers.get("Accept-Encoding")):
            body, coding = self.server.replica.gzipped(res.body), "gzip"
            etag = etag[:-1] + '-gzip"'
        chunked = not truncate and stable_hash(path) % 3 == 0 and self.request_version == "HTTP/1.1"
        self._log(res.status, "truncate" if truncate else None)
        self.send_response(res.status)
        self.send_header("Content-Type", res.content_type)
        self.send_header("Last-Modified", format_datetime(res.last_modified, usegmt=True))
        self.send_header("ETag", etag)
        if res.is_text:
            self.send_header("Vary", "Accept-Encoding")
        if coding:
            self.send_header("Content-Encoding", coding)
        self.send_header("Transfer-Encoding" if chunked else "Content-Length", "chunked" if chunked else str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(_chunked(body) if chunked else body[: len(body) // 2] if truncate else body)
        self.close_connection = self.close_connection or truncate  # FIN after half the body

    def _not_modified(self, etag: str, res: Resource) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return _etag_matches(inm, etag)
        ims = self.headers.get("If-Modified-Since")
        if ims is None:
            return False
        try:
            return res.last_modified <= parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False


def _chunked(body: bytes) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(body[i : i + CHUNK]), body[i : i + CHUNK]) for i in range(0, len(body), CHUNK)]
    return b"".join(parts) + b"0\r\n\r\n"


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], replica: ReplicaServer) -> None:
        self.replica = replica
        self.stopping = threading.Event()
        super().__init__(address, _Handler)


class ReplicaServer:
    """Both MEE sites on one loopback port, usable as an HTTP proxy or directly with Host.

    Binds on construction (so a busy port fails at once with OSError); ``start()`` serves in a
    background thread, ``serve_forever()`` in the caller's. ``requests`` logs every request.
    """

    def __init__(
        self,
        corpus: Corpus,
        host: str = "127.0.0.1",
        port: int = 0,
        faults: FaultConfig | None = None,
        cache_size: int = 4096,
    ) -> None:
        self.corpus = corpus
        self.faults = faults or FaultConfig()
        self.plan = FaultPlan(self.faults)
        hook = self.plan.entries if self.faults.modes & {"duplicates", "redirect"} else None
        self.site = Site(corpus, entries_hook=hook, cache_size=cache_size)
        self.requests: list[RequestRecord] = []
        self._log_lock = threading.Lock()
        self._gzip_cache: dict[bytes, bytes] = {}
        self._httpd = _HTTPServer((host, port), self)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """The proxy URL to give a crawler (``http://127.0.0.1:PORT``)."""
        return f"http://{self._httpd.server_address[0]}:{self.port}"

    def gzipped(self, body: bytes) -> bytes:
        """gzip of a body, deterministic (mtime 0); ordinary pages are cached, oversized ones not."""
        if len(body) > GZIP_CACHE_MAX_BODY:
            return gzip.compress(body, compresslevel=6, mtime=0)
        key = hashlib.sha1(body).digest()
        packed = self._gzip_cache.get(key)
        if packed is None:
            packed = gzip.compress(body, compresslevel=6, mtime=0)
            if len(self._gzip_cache) >= GZIP_CACHE_ENTRIES:
                self._gzip_cache.clear()
            self._gzip_cache[key] = packed
        return packed

    def record(self, record: RequestRecord) -> None:
        with self._log_lock:
            self.requests.append(record)

    def start(self) -> ReplicaServer:
        """Serve in a background thread; starting a started server changes nothing."""
        if self._thread is not None:
            return self
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(POLL,), name="replica", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until ``stop()`` (from another thread) or KeyboardInterrupt."""
        try:
            self._httpd.serve_forever(POLL)
        finally:
            self._httpd.server_close()

    def stop(self) -> None:
        self._httpd.stopping.set()  # releases stalled handlers
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
