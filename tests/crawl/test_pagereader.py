"""Pages read in worker processes say what they say in the crawl's own process; a page that
cannot be read, or kills its worker, costs only itself."""

from __future__ import annotations

import asyncio
import json
import os
import pickle
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from mee_archive import pagereader
from mee_archive.pagereader import PageRead, PageReader, WorkerPageReader, _handle, read_page, reader_for
from mee_archive.pages import en_release, zh_article
from mee_archive.pages.html import PageError
from mee_archive.workerpipe import answer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLD = json.loads((FIXTURES / "gold.json").read_text("utf-8"))
PAGES = [(FIXTURES / g["file"], g["url"], en_release.parse_release) for g in GOLD["en"]] + [
    (FIXTURES / g["file"], g["url"], zh_article.parse_article) for g in GOLD["zh"]]
RELEASE = PAGES[0]


def run(reader: PageReader, work: Callable[[PageReader], Awaitable[Any]]) -> Any:
    """``work`` on ``reader`` inside an event loop, the reader started and closed around it."""
    async def main() -> Any:
        reader.start()
        try:
            return await work(reader)
        finally:
            reader.close()
    return asyncio.run(main())


def read_all(pages: list[tuple[Path, str, Callable[..., Any]]]) -> Callable[[PageReader], Awaitable[list[Any]]]:
    async def work(reader: PageReader) -> list[Any]:
        return await asyncio.gather(*(reader.read(path.read_bytes(), "text/html", url, parse)
                                      for path, url, parse in pages), return_exceptions=True)
    return work


def test_a_worker_reads_every_saved_page_as_the_crawl_process_does() -> None:
    expected = [read_page(path.read_bytes(), "text/html", url, parse) for path, url, parse in PAGES]
    assert all(isinstance(read, PageRead) and read.fields and read.requisites for read in expected)
    assert run(WorkerPageReader(1), read_all(PAGES)) == expected
    assert run(WorkerPageReader(2), read_all(PAGES * 2)) == expected * 2  # pages spread over two
    assert run(reader_for(0), read_all(PAGES)) == expected


def test_a_page_the_page_objects_refuse_arrives_as_the_same_error() -> None:
    deep = ("<div>" * 5000 + "text").encode()
    path, url, parse = RELEASE

    async def work(reader: PageReader) -> list[Any]:
        return await asyncio.gather(reader.read(deep, "text/html", url, parse),
                                    reader.read(path.read_bytes(), "text/html", url, parse), return_exceptions=True)
    refused, read = run(WorkerPageReader(1), work)
    assert isinstance(refused, PageError) and "markup too deep" in str(refused)
    assert isinstance(read, PageRead) and read.fields["title"]


def test_a_worker_killed_fails_only_its_page_and_the_pages_behind_it_are_read() -> None:
    path, url, parse = RELEASE
    slow = b"<html><body>" + b"<p>many paragraphs to read</p>" * 200_000 + b"</body></html>"
    expected = read_page(path.read_bytes(), "text/html", url, parse)

    async def work(reader: PageReader) -> list[Any]:
        assert await reader.read(path.read_bytes(), "text/html", url, parse) == expected  # it has started
        (worker,) = reader.workers  # type: ignore[attr-defined]
        pages = [asyncio.ensure_future(reader.read(slow, "text/html", url, parse))] + [
            asyncio.ensure_future(reader.read(path.read_bytes(), "text/html", url, parse)) for _ in range(3)]
        await asyncio.sleep(0.2)  # all four sent, the slow one being read
        os.kill(worker.process.pid, signal.SIGKILL)  # the kernel's OOM killer, say
        answers = await asyncio.gather(*pages, return_exceptions=True)
        (replacement,) = reader.workers  # type: ignore[attr-defined]
        assert replacement is not worker and replacement.process.poll() is None
        return answers
    reader = WorkerPageReader(1)
    killed, *after = run(reader, work)
    assert isinstance(killed, PageError) and f"died (exit code -{signal.SIGKILL})" in str(killed)
    assert after == [expected] * 3 and reader.broken is None  # read by the new worker


def test_a_worker_that_cannot_start_leaves_the_pages_to_the_crawl_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pagereader, "WORKER_ARGS", ["-c", "raise SystemExit(4)"])
    reader = WorkerPageReader(1)
    expected = read_page(RELEASE[0].read_bytes(), "text/html", RELEASE[1], RELEASE[2])
    assert run(reader, read_all([RELEASE] * 3)) == [expected] * 3  # none lost, the first neither
    assert "before it started" in (reader.broken or "")
    assert run(reader, read_all([RELEASE])) == [expected]  # and it stays so, no new worker each page


def test_a_request_the_worker_cannot_unpickle_is_answered_as_an_error_not_the_worker_s_end() -> None:
    (ok, error), = [pickle.loads(answer(_handle, b"not a pickle")[4:])]
    assert ok is False and isinstance(error, pickle.UnpicklingError)


def test_closing_the_reader_ends_its_workers() -> None:
    async def work(reader: PageReader) -> list[Any]:
        await read_all([RELEASE])(reader)
        return [worker.process for worker in reader.workers]  # type: ignore[attr-defined]
    processes = run(WorkerPageReader(2), work)
    assert len(processes) == 2 and all(process.poll() is not None for process in processes)


def test_a_negative_worker_count_is_refused() -> None:
    with pytest.raises(ValueError, match="MEE_PAGE_WORKERS"):
        reader_for(-1)
