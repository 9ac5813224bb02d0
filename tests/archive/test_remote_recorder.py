"""The recorder in a child process writes what it writes in the crawl's process; a child that
dies is reported, and nothing after it is taken for written."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from mee_archive.archive.layout import ArchiveLayout
from mee_archive.archive.rawrecord import iter_records
from mee_archive.archive.recorder import Exchange, Recorded, Recorder, RecorderConfig
from mee_archive.archive.remote import RemoteRecorder

URL = "http://english.mee.gov.cn/News_service/news_release/"
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"


def exchanges() -> list[Exchange]:
    """A page, the same page again (a revisit), another page, a 304 of the first."""
    def exchange(uri: str, body: bytes, status: int = 200, second: int = 0) -> Exchange:
        return Exchange(uri, f"2026-12-02T10:00:0{second}Z", status, HEAD if status == 200 else
                        b"HTTP/1.1 304 Not Modified\r\n\r\n", body, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", b"",
                        {"WARC-IP-Address": "127.0.0.1", "WARC-Protocol": "http/1.1"})
    return [exchange(URL, b"<p>list</p>"), exchange(URL, b"<p>list</p>", second=1),
            exchange(URL + "index_1.shtml", b"<p>two</p>", second=2), exchange(URL, b"", 304, 3)]


def config(root: Path) -> RecorderConfig:
    return RecorderConfig(root, "t", "unit", 10**9, {"software": "test"}, dedup=True)


def records(root: Path) -> list[tuple[str, str | None, bytes]]:
    """Each record's type, target and block, in file order (ids and digests of ids aside)."""
    return [(rec.type, rec.header("WARC-Target-URI"), rec.block) for warc in ArchiveLayout(root).closed_warcs()
            for rec in iter_records(warc)]


def remotely(root: Path, work: Callable[[RemoteRecorder], Awaitable[Any]]) -> tuple[Any, list[Any], list[BaseException]]:
    """``work`` on a RemoteRecorder inside an event loop; what it returned, the answers seen as
    they came, the errors reported."""
    answers: list[Any] = []
    errors: list[BaseException] = []

    async def main() -> Any:
        recorder = RemoteRecorder(config(root), asyncio.get_running_loop(), errors.append, answers.append)
        try:
            return await work(recorder)
        finally:
            recorder.close()
    return asyncio.run(main()), answers, errors


def test_a_child_writes_the_records_the_crawl_process_would_and_cites_the_same(tmp_path: Path) -> None:
    local = Recorder(config(tmp_path / "local"))
    expected = [local.record(exchange) for exchange in exchanges()]
    local.close()

    async def work(recorder: RemoteRecorder) -> list[Recorded]:
        return await asyncio.gather(*(recorder.record(exchange) for exchange in exchanges()))
    got, answers, errors = remotely(tmp_path / "remote", work)
    assert errors == []
    assert [(r.type, r.cite["payload_digest"]) for r in got] == [(r.type, r.cite["payload_digest"]) for r in expected]
    at = {(warc.name, rec.offset, rec.length): rec.header("WARC-Record-ID")
          for warc in ArchiveLayout(tmp_path / "remote").closed_warcs() for rec in iter_records(warc)}
    assert all(at[r.cite["file"], r.cite["offset"], r.cite["length"]] == r.cite["record_id"] for r in got)
    assert [r.type for r in got] == ["response", "revisit", "response", "revisit"]
    assert got[1].cite["record_id"] == got[0].record_id  # the revisit cites the first copy
    assert answers[-1] == [warc.name for warc in ArchiveLayout(tmp_path / "remote").closed_warcs()]  # the close's
    assert records(tmp_path / "remote") == records(tmp_path / "local")
    assert [p.name for p in ArchiveLayout(tmp_path / "remote").index_dir.iterdir()] != []


def test_a_child_that_dies_is_reported_once_and_later_records_fail(tmp_path: Path) -> None:
    async def work(recorder: RemoteRecorder) -> list[Any]:
        first = await recorder.record(exchanges()[0])
        os.kill(recorder.child.process.pid, signal.SIGKILL)
        await asyncio.sleep(0.5)  # the loop sees the child's end
        later = recorder.record(exchanges()[2])
        with pytest.raises(RuntimeError, match="recorder process exited"):
            await later
        return [first]
    (first,), _, errors = remotely(tmp_path, work)
    assert first.type == "response"
    assert len(errors) == 1 and f"code -{signal.SIGKILL}" in str(errors[0])


def test_a_write_that_fails_is_reported_and_the_files_written_are_still_finished(tmp_path: Path) -> None:
    async def work(recorder: RemoteRecorder) -> Any:
        first = await recorder.record(exchanges()[0])
        broken = dataclasses.replace(exchanges()[2], body=None)  # type: ignore[arg-type]  # no bytes to digest
        with pytest.raises(TypeError):
            await recorder.record(broken)
        return first, recorder
    (first, recorder), _, errors = remotely(tmp_path, work)
    assert first.type == "response" and len(errors) == 1 and isinstance(errors[0], TypeError)
    layout = ArchiveLayout(tmp_path)
    assert list(layout.warc_dir.glob("*.open")) == [] and [p.name for p in layout.closed_warcs()] == [first.cite["file"]]
    assert recorder.child.process.poll() is not None
