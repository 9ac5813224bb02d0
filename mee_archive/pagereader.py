"""Reading fetched pages with the page objects, in worker processes beside the crawl.

A crawl runs on one core: Scrapy, Twisted, the WARC capture and the pipelines share one thread,
and the page objects (libxml2's parse, then mostly Python) were a fifth of its time. A spider
hands each page to a :class:`PageReader`; with MEE_PAGE_WORKERS > 0 the page is read in a worker
process (``python -m mee_archive.pagereader``, started when the spider opens) while the crawl
goes on fetching and archiving, and the spider's callback awaits the answer. Page objects are
plain functions of the page: the same function, given the same bytes, says the same in either
process (MEE_PAGE_WORKERS = 0 reads in the crawl's own process).

The worker is a :class:`mee_archive.workerpipe.WorkerProcess`: pickles over pipes the event loop
watches, so the parent never blocks on it. A worker that dies (a
crash, the kernel's OOM killer) fails only the page it was reading, as a :class:`PageError` the
spider names; the pages queued behind it go to a new worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from mee_archive.pages.decode import decode_html
from mee_archive.pages.html import HtmlPage, PageError
from mee_archive.pages.requisites import html_requisites
from mee_archive.workerpipe import Task, WorkerProcess, serve

if TYPE_CHECKING:  # the worker never needs asyncio: a third of its start
    import asyncio

Fields = TypeVar("Fields")
Parse = Callable[[HtmlPage, str], Any]
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
    page = decoded_page(body, content_type)
    return PageRead(parse(page, url), html_requisites(page, url))


def decoded_page(body: bytes, content_type: str) -> HtmlPage:
    """The page decoded by the page objects' rules (header, meta, GB18030 fallback), parsed when first read."""
    return HtmlPage(decode_html(body, content_type))


class PageReader:
    """Reads pages in the crawl's own process (MEE_PAGE_WORKERS = 0)."""

    def start(self) -> None:
        """Nothing to start in process."""

    async def read(self, body: bytes, content_type: str, url: str,
                   parse: Callable[[HtmlPage, str], Fields]) -> PageRead[Fields]:
        return read_page(body, content_type, url, parse)

    def close(self) -> None:
        """Nothing to stop in process."""


class WorkerPageReader(PageReader):
    """Reads pages in ``workers`` worker processes (see the module docstring); each page goes to
    the worker with the fewest pages waiting."""

    def __init__(self, workers: int) -> None:
        self.count = workers
        self.workers: list[WorkerProcess] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        # Why pages are read in process after all: a worker died before answering any page (it
        # cannot start here), so a new one would die too, once for every page.
        self.broken: str | None = None

    def start(self) -> None:
        """Start the workers now (they import lxml and the page objects while the crawl begins)."""
        import asyncio  # here, not at the top: the worker process imports this module too

        self.loop = asyncio.get_running_loop()
        if not self.broken:
            self.workers = [self._new_worker() for _ in range(self.count)]

    def _new_worker(self) -> WorkerProcess:
        assert self.loop is not None
        return WorkerProcess(WORKER_ARGS, self.loop, self._died)

    async def read(self, body: bytes, content_type: str, url: str,
                   parse: Callable[[HtmlPage, str], Fields]) -> PageRead[Fields]:
        if self.broken:
            return read_page(body, content_type, url, parse)
        if not self.workers:
            self.start()
        assert self.loop is not None
        task = Task((body, content_type, url, parse), self.loop.create_future())
        min(self.workers, key=lambda worker: len(worker.pending)).send(task)
        return await task.future

    def _died(self, worker: WorkerProcess) -> None:
        """A worker gone while pages wait: the page it was reading fails, named; the rest go to
        a new worker, or are read in process if it never started."""
        code = worker.process.wait()
        worker.stop()
        self.workers.remove(worker)
        if not worker.ready:  # it never started: a new one would not either
            self.broken = f"a page reader process exited (code {code}) before it started"
            logger.warning("%s: pages are read in the crawl's process from now on", self.broken)
            for task in worker.pending:
                _settle(task.future, lambda: read_page(*task.request))
            return
        if worker.pending:  # the page it was reading
            _settle(worker.pending.popleft().future, lambda: _raise(PageError(
                f"the page reader process died (exit code {code}) while reading this page")))
        if not worker.pending:
            return
        replacement = self._new_worker()
        self.workers.append(replacement)
        for task in worker.pending:
            replacement.send(task)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers = []


def _settle(future: asyncio.Future[Any], work: Callable[[], Any]) -> None:
    """``future`` done with what ``work`` returns, or the exception it raises (unless its
    awaiter was cancelled meanwhile)."""
    if future.done():
        return
    try:
        future.set_result(work())
    except Exception as error:
        future.set_exception(error)


def _raise(error: Exception) -> Any:
    raise error


def reader_for(workers: int) -> PageReader:
    """The reader MEE_PAGE_WORKERS asks for."""
    if workers < 0:
        raise ValueError(f"MEE_PAGE_WORKERS must be 0 or more, not {workers}")
    return WorkerPageReader(workers) if workers else PageReader()


def _handle(request: tuple[bytes, str, str, Parse]) -> PageRead[Any]:
    return read_page(*request)


if __name__ == "__main__":
    # Run as the module itself, not as __main__: the answers' classes must pickle by their own name.
    from mee_archive.pagereader import _handle as handle
    serve(handle)
