"""Fixtures of the archive tests: a loopback test site (also usable as an HTTP proxy) that serves
gzip-coded, chunked, GB2312, binary, redirect and 404 answers and remembers the exact payload
bytes it sent; and a helper that crawls it in a subprocess with the project's settings."""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from mee_archive.archive.layout import ArchiveLayout

SPIDER = Path(__file__).with_name("tiny_spider.py")
RELEASE_TEXT = "MEE holds a ministerial executive meeting on soil pollution"


def _html(title: str, links: list[str] = ()) -> bytes:
    anchors = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><h1>{title}</h1><p>{RELEASE_TEXT}.</p><ul>{anchors}</ul></body></html>").encode()


PAGES = {
    "/list.html": ("text/html; charset=utf-8", _html("List", [
        "/release/1.html", "/release/2.html", "/gzip.html", "/chunked.html", "/gb2312.html",
        "/image.png", "/redirect", "/missing.html", "/multi.html?a=1&b=2"])),
    "/release/1.html": ("text/html; charset=utf-8", _html("Release one")),
    "/release/2.html": ("text/html; charset=utf-8", _html("Release two")),
    "/gzip.html": ("text/html; charset=utf-8", _html("Gzip page " + "air water soil " * 200)),
    "/chunked.html": ("text/html; charset=utf-8", _html("Chunked page " + "inspection " * 500)),
    "/gb2312.html": ("text/html; charset=gb2312",
                     "<html><body><h1>生态环境部召开部常务会议</h1><p>　　会议指出。</p></body></html>"
                     .encode("gb2312")),
    "/image.png": ("image/png", bytes(range(256)) * 40),
    "/multi.html": ("text/html; charset=utf-8", _html("Multi")),
    "/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"),
    "/list-slow.html": ("text/html; charset=utf-8", _html("Slow list", [
        "/release/1.html", "/release/2.html", "/image.png", "/slow.html"])),
    "/slow.html": ("text/html; charset=utf-8", _html("Slow page")),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "TestSite"

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:
        # Absolute-form when used as a proxy, origin-form otherwise: answer for any host.
        parts = urlsplit(self.path)
        path, target = parts.path, parts.path + (f"?{parts.query}" if parts.query else "")
        # the request head exactly as it arrived: request line, then every header line
        head = [self.requestline] + [f"{name}: {value}" for name, value in self.headers.items()]
        self.server.requests.append((self.path, dict(self.headers), head))
        if path == "/redirect":
            return self._send(301, b"", "text/html", extra=[("Location", "/release/1.html")])
        if path not in PAGES:
            return self._send(404, b"<html><body>Not found</body></html>", "text/html")
        ctype, body = PAGES[path]
        if path == "/slow.html":  # hold the crawl here until the test lets go (or 60 s pass)
            self.server.slow_reached.set()
            self.server.release.wait(60)
        if path == "/gzip.html":
            return self._send(200, gzip.compress(body, mtime=0), ctype, target,
                              extra=[("Content-Encoding", "gzip")])
        if path == "/chunked.html":
            return self._send_chunked(body, ctype, target)
        extra = [("Set-Cookie", "a=1; Path=/"), ("Set-Cookie", "b=2; Path=/"),
                 ("X-Note", "caf\xe9")] if path == "/multi.html" else []
        self._send(200, body, ctype, target, extra)

    def end_headers(self) -> None:
        """Remember the response head exactly as it goes out (status line and header lines)."""
        target = self.path.split("://", 1)[-1].partition("/")[1:]
        head = b"".join(self._headers_buffer).decode("latin-1").split("\r\n")[:-1]
        self.server.heads["".join(target)] = head
        super().end_headers()

    def _send(self, status: int, body: bytes, ctype: str, target: str = "",
              extra: list[tuple[str, str]] = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in extra:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.sent[target or urlsplit(self.path).path] = body

    def _send_chunked(self, body: bytes, ctype: str, target: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(body), 1000):
            piece = body[start:start + 1000]
            self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")
        self.server.sent[target] = body


class TestSite(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.sent: dict[str, bytes] = {}
        self.requests: list[tuple[str, dict[str, str], list[str]]] = []
        self.heads: dict[str, list[str]] = {}
        self.slow_reached = threading.Event()
        self.release = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(scope="session")
def site() -> Iterator[TestSite]:
    server = TestSite()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def crawl_command(output: Path, start_url: str, *settings: str) -> list[str]:
    """``scrapy runspider`` of the tiny spider with fast, loopback-friendly settings."""
    args = [sys.executable, "-m", "scrapy", "runspider", str(SPIDER),
            "-s", f"MEE_OUTPUT_DIR={output}", "-s", f"MEE_START_URL={start_url}",
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "LOG_LEVEL=INFO",
            "-s", "RETRY_ENABLED=0", "-s", "DOWNLOAD_TIMEOUT=20",
            "-s", "MEE_ALLOW_PRIVATE_ADDRESSES=1"]  # the test site is on loopback, no proxy between
    for setting in settings:
        args += ["-s", setting]
    return args


@pytest.fixture(scope="session")
def crawl_args():
    """``crawl_args(output, start_url, *settings)``: the command line of a tiny-spider crawl."""
    return crawl_command


@pytest.fixture(scope="session")
def crawl(repo: Path) -> Callable[..., subprocess.CompletedProcess]:
    """``crawl(output, start_url, *settings, expect_success=True)``: run the tiny spider to the end
    (test modules cannot import conftest under pytest's importlib mode, so helpers come as fixtures)."""

    def run(output: Path, start_url: str, *settings: str, expect_success: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(crawl_command(output, start_url, *settings), cwd=repo,
                                capture_output=True, text=True, timeout=120)
        if expect_success:
            assert result.returncode == 0, result.stderr[-3000:]
        return result

    return run


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status, answer.read().decode("utf-8", "replace")


@pytest.fixture
def pywb(tmp_path: Path) -> Iterator[Callable[[ArchiveLayout, str], tuple[int, str]]]:
    """``replay(archive, "<timestamp>mp_/<url>")``: (status, page) of the capture as pywb replays
    it, from a collection of the archive's WARC files and *our* CDXJ index files."""
    servers: list[subprocess.Popen] = []

    def replay(archive: ArchiveLayout, address: str) -> tuple[int, str]:
        collection = tmp_path / "collections" / "mee"
        (collection / "archive").mkdir(parents=True)
        (collection / "indexes").mkdir()
        for warc in archive.closed_warcs():
            os.symlink(warc, collection / "archive" / warc.name)
            shutil.copy(archive.index_for(warc), collection / "indexes")
        port = _free_port()
        servers.append(subprocess.Popen(
            [str(Path(sys.executable).with_name("wayback")), "-b", "127.0.0.1", "-p", str(port)],
            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for _ in range(300):  # bounded wait for the server to come up
            try:
                return fetch(f"http://127.0.0.1:{port}/mee/{address}")
            except urllib.error.HTTPError as error:
                return error.code, ""
            except OSError:
                time.sleep(0.1)
        raise AssertionError("pywb did not answer")

    yield replay
    for server in servers:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="session")
def same_index_as_cdxj_indexer() -> Callable[[ArchiveLayout, Path], None]:
    """``check(archive, scratch)``: every closed WARC file's index, as the crawl wrote it line by
    line, is byte for byte the one cdxj-indexer makes of the file (its command, sorted, in a fresh
    process: importing wacz, as the packaging tests do, changes which records it indexes), and no
    side file of unsorted lines is left."""

    def check(archive: ArchiveLayout, scratch: Path) -> None:
        warcs = archive.closed_warcs()
        assert warcs
        scratch.mkdir(parents=True, exist_ok=True)
        for warc in warcs:
            theirs = scratch / (warc.name + ".cdxj")
            subprocess.run([sys.executable, "-m", "cdxj_indexer.main", "--sort", "-o", str(theirs), str(warc)],
                           check=True, timeout=120)
            assert archive.index_for(warc).read_text("utf-8") == theirs.read_text("utf-8"), warc.name
        assert not list(archive.index_dir.glob("*.lines"))

    return check
