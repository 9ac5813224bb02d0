"""A hostile origin of our own: an HTTP forward proxy that answers for the real MEE URLs with pages
built to hurt the crawler (local files as images, embeds on loopback, a gzip bomb, endless pages,
off-site redirects, empty and unreadable pages, a billion list pages), logs every request it gets,
and a sentinel port on loopback that counts every connection a crawl should never make.

It is not the replica: the replica is a faithful site; this one is an attacker."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

@dataclass
class Sentinel:
    """A loopback port that counts connections: nothing a crawl does may reach it."""

    sock: socket.socket = field(default_factory=socket.socket)
    connections: int = 0

    def __post_init__(self) -> None:
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._count, daemon=True).start()

    def _count(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()


class HostileSite(ThreadingHTTPServer):
    """The proxy: ``pages`` maps URLs to what answers them, robots.txt forbids the URLs in
    ``forbidden``; everything else is a 404. ``requests`` logs every URL asked for."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[str] = []
        self.pages: dict[str, Callable[[_Handler], None]] = {}
        self.forbidden: list[str] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: HostileSite

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        path = urlsplit(self.path).path
        if path == "/robots.txt":
            rules = "".join(f"Disallow: {urlsplit(url).path}\n" for url in self.server.forbidden)
            return self.send(200, f"User-agent: *\n{rules}".encode(), "text/plain")
        if self.path in self.server.pages:
            return self.server.pages[self.path](self)
        self.send(404, b"<html><body>Not found</body></html>")

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
             headers: tuple[tuple[str, str], ...] = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_endless(self, size: int) -> None:
        """A page of ``size`` bytes of paragraphs, written as it goes (never held in memory)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b"<p>a</p>" * 8192
        try:
            for _ in range(size // len(chunk)):
                self.wfile.write(chunk)
        except OSError:  # the crawler hung up: what it should do
            pass


@pytest.fixture(scope="module")
def sentinel() -> Sentinel:
    return Sentinel()


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileSite]:
    server = HostileSite()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


@dataclass
class Crawl:
    """What a crawl left: exit code, peak RSS of its process (KiB), the requests the proxy got."""

    returncode: int
    max_rss_kib: int
    requests: list[str]
    output: Path


@pytest.fixture(scope="module")
def crawl_hostile(hostile: HostileSite, replica_crawl_command: Callable[..., list[str]], repo: Path,
                  tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Crawl]:
    """``crawl_hostile(*settings)``: `scrapy crawl news_release` through the hostile proxy, in a child
    process whose own peak RSS is read from the kernel (os.wait4), not guessed."""

    def run(*settings: str) -> Crawl:
        output = tmp_path_factory.mktemp("hostile")
        start = len(hostile.requests)
        with (output / "stderr.log").open("wb") as log:
            child = subprocess.Popen(replica_crawl_command("news_release", hostile.url, output, *settings),
                                     cwd=repo, stdout=subprocess.DEVNULL, stderr=log)
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
        return Crawl(child.returncode, usage.ru_maxrss, hostile.requests[start:], output)

    return run
