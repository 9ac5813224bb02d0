"""Reading fetched pages with the page objects, in worker processes beside the crawl.

A crawl runs on one core: Scrapy, Twisted, the WARC capture and the pipelines share one thread,
and the page objects (libxml2's parse, then mostly Python) were a fifth of its time. A spider
hands each page to a :class:`PageReader`; with MEE_PAGE_WORKERS > 0 the page is read in a worker
process (``python -m mee_archive.pagereader``, started when the spider opens) while the crawl
goes on fetching and archiving, and the spider's callback awaits the answer. Page objects are
plain functions of the page: the same function, given the same bytes, says the same in either
process (MEE_PAGE_WORKERS = 0 reads in the crawl's own process).

The protocol is one pickle per frame, length-prefixed, over the worker's stdin and stdout; the
parent never blocks on a worker (its pipes are non-blocking and watched by the event loop). A worker that dies (a
crash, the kernel's OOM killer) fails only the page it was reading, as a :class:`PageError` the
spider names; the pages queued behind it go to a new worker.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import struct
import subprocess
import sys
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from mee_archive.pages.decode import decode_html
from mee_archive.pages.html import HtmlPage, PageError
from mee_archive.pages.requisites import html_requisites

Fields = TypeVar("Fields")
Parse = Callable[[HtmlPage, str], Any]
_HEADER = struct.Struct("!I")
logger = logging.getLogger(__name__)
# The worker's command line after the interpreter: this module, run as a program.
WORKER_ARGS = ["-m", "mee_archive.pagereader"]


@dataclass(frozen=True)
class PageRead(Generic[Fields]):
    """What a page says (its page object's fields) and what it loads to be shown."""

    fields: Fields
    requisites: list[str]


def read_page(body: bytes, content_type: str, url: str, parse: Callable[[HtmlPage, str], Fields]
              ) -> PageRead[Fields]:
    """The page decoded by the page objects' rules (header, meta, GB18030 fallback) and parsed
    once, for both its page object and its requisites. Raises PageError for a page that cannot
    be read in full."""
    page = HtmlPage(decode_html(body, content_type))
    return PageRead(parse(page, url), html_requisites(page, url))


class PageReader:
    """Reads pages in the crawl's own process (MEE_PAGE_WORKERS = 0)."""

    def start(self) -> None:
        """Nothing to start in process."""

    async def read(self, body: bytes, content_type: str, url: str,
                   parse: Callable[[HtmlPage, str], Fields]) -> PageRead[Fields]:
        return read_page(body, content_type, url, parse)

    def close(self) -> None:
        """Nothing to stop in process."""


@dataclass
class _Task:
    args: tuple[bytes, str, str, Parse]  # read_page's
    frame: bytes  # the pickled request, kept to send it again to a new worker
    future: asyncio.Future[Any]


class _Worker:
    """One worker process and the tasks sent to it, answered in the order sent. Neither side
    waits on the other: the parent writes what the pipe takes and the rest when the loop says it
    takes more, and reads answers when the loop says they are there."""

    def __init__(self, loop: asyncio.AbstractEventLoop, on_exit: Callable[["_Worker"], None]) -> None:
        self.loop, self.on_exit = loop, on_exit
        # The parent's sys.path, so that the worker imports the same mee_archive (a scrapyd egg too).
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        self.process = subprocess.Popen([sys.executable, *WORKER_ARGS], env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.fd_in, self.fd_out = self.process.stdin.fileno(), self.process.stdout.fileno()
        os.set_blocking(self.fd_in, False)
        os.set_blocking(self.fd_out, False)
        self.pending: deque[_Task] = deque()
        self.unsent = bytearray()
        self.answers = bytearray()
        self.answered = 0
        loop.add_reader(self.fd_out, self._readable)

    def send(self, task: _Task) -> None:
        self.pending.append(task)
        waiting = bool(self.unsent)
        self.unsent += task.frame
        if not waiting:
            self._writable()

    def _writable(self) -> None:
        try:
            del self.unsent[:os.write(self.fd_in, self.unsent)]
        except BlockingIOError:
            pass
        except BrokenPipeError:  # the worker is gone: its end of stdout says so (_readable)
            self.unsent.clear()
        if self.unsent:
            self.loop.add_writer(self.fd_in, self._writable)
        else:
            self.loop.remove_writer(self.fd_in)

    def _readable(self) -> None:
        try:
            chunk = os.read(self.fd_out, 1 << 20)
        except BlockingIOError:
            return
        if not chunk:
            self.loop.remove_reader(self.fd_out)
            self.loop.remove_writer(self.fd_in)
            self.on_exit(self)
            return
        self.answers += chunk
        while len(self.answers) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.answers)
            if len(self.answers) < _HEADER.size + size:
                break
            frame = bytes(self.answers[_HEADER.size:_HEADER.size + size])
            del self.answers[:_HEADER.size + size]
            task = self.pending.popleft()
            self.answered += 1
            try:
                ok, value = pickle.loads(frame)
            except Exception as error:  # never leave the page's callback waiting
                ok, value = False, RuntimeError(f"the page reader's answer cannot be read: {error!r}")
            if not task.future.done():
                (task.future.set_result if ok else task.future.set_exception)(value)

    def stop(self) -> None:
        """Close the worker's stdin (it exits after the page it is reading) and wait for it."""
        self.loop.remove_reader(self.fd_out)
        self.loop.remove_writer(self.fd_in)
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()  # type: ignore[union-attr]
            except OSError:
                pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class WorkerPageReader(PageReader):
    """Reads pages in ``workers`` worker processes (see the module docstring); each page goes to
    the worker with the fewest pages waiting."""

    def __init__(self, workers: int) -> None:
        self.count = workers
        self.workers: list[_Worker] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        # Why pages are read in process after all: a worker died before answering any page (it
        # cannot start here), so a new one would die too, once for every page.
        self.broken: str | None = None

    def start(self) -> None:
        """Start the workers now (they import lxml and the page objects while the crawl begins)."""
        self.loop = asyncio.get_running_loop()
        if not self.broken:
            self.workers = [_Worker(self.loop, self._died) for _ in range(self.count)]

    async def read(self, body: bytes, content_type: str, url: str,
                   parse: Callable[[HtmlPage, str], Fields]) -> PageRead[Fields]:
        if self.broken:
            return read_page(body, content_type, url, parse)
        if not self.workers:
            self.start()
        assert self.loop is not None
        args = (body, content_type, url, parse)
        payload = pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL)
        task = _Task(args, _HEADER.pack(len(payload)) + payload, self.loop.create_future())
        min(self.workers, key=lambda worker: len(worker.pending)).send(task)
        return await task.future

    def _died(self, worker: _Worker) -> None:
        """A worker gone while pages wait: the page it was reading fails, named; the rest go to
        a new worker, or are read in process if it never answered a page."""
        code = worker.process.wait()
        worker.stop()
        self.workers.remove(worker)
        if worker.pending:
            worker.pending.popleft().future.set_exception(PageError(
                f"the page reader process died (exit code {code}) while reading this page"))
        if not worker.answered:
            self.broken = f"a page reader process exited (code {code}) before reading any page"
            logger.warning("%s: pages are read in the crawl's process from now on", self.broken)
            for task in worker.pending:
                _settle(task.future, lambda: read_page(*task.args))
            return
        if not worker.pending:
            return
        assert self.loop is not None
        replacement = _Worker(self.loop, self._died)
        self.workers.append(replacement)
        for task in worker.pending:
            replacement.send(task)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers = []


def _settle(future: asyncio.Future[Any], work: Callable[[], Any]) -> None:
    """``future`` done with what ``work`` returns, or the exception it raises."""
    try:
        future.set_result(work())
    except Exception as error:
        future.set_exception(error)


def reader_for(workers: int) -> PageReader:
    """The reader MEE_PAGE_WORKERS asks for."""
    if workers < 0:
        raise ValueError(f"MEE_PAGE_WORKERS must be 0 or more, not {workers}")
    return WorkerPageReader(workers) if workers else PageReader()


def _answer(frame: bytes) -> bytes:
    """The worker's answer to one pickled request: (True, PageRead) or (False, the exception)."""
    try:
        body, content_type, url, parse = pickle.loads(frame)
        answer: tuple[bool, Any] = (True, read_page(body, content_type, url, parse))
    except Exception as error:  # sent back, raised where the spider awaits it
        answer = (False, error)
    try:
        data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # an exception or field that does not pickle
        data = pickle.dumps((False, RuntimeError(f"page reader answer not picklable: {error!r}")))
    return _HEADER.pack(len(data)) + data


def main() -> None:
    """The worker: requests from stdin, answers to stdout, in order, until stdin closes."""
    stream, out = sys.stdin.buffer, sys.stdout.buffer
    while (header := stream.read(_HEADER.size)) and len(header) == _HEADER.size:
        out.write(_answer(stream.read(_HEADER.unpack(header)[0])))
        out.flush()


if __name__ == "__main__":
    # Run as the module itself, not as __main__: the answers' classes must pickle by their own name.
    from mee_archive.pagereader import main as worker_main
    worker_main()
