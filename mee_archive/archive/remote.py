"""A :class:`~mee_archive.archive.recorder.Recorder` in a child process of its own, so that a
crawl's records, digests, gzip members, index lines and digest rows are made on another core.

The calls are the recorder's; their answers come as futures, in the order asked. A child that
fails (an exception writing, or the process gone) is reported once through ``on_error``, and
every call after it fails at once: the capture then stops the crawl rather than go on
unarchived.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any

from mee_archive.archive.recorder import Exchange, Recorded, RecorderConfig
from mee_archive.workerpipe import Task, WorkerProcess

# The child's command line after the interpreter.
RECORDER_ARGS = ["-m", "mee_archive.archive.recorder"]


class RemoteRecorder:
    def __init__(self, config: RecorderConfig, loop: asyncio.AbstractEventLoop,
                 on_error: Callable[[BaseException], None], on_answer: Callable[[Any], None]) -> None:
        self.loop, self.on_error, self.on_answer = loop, on_error, on_answer
        self.failed: BaseException | None = None
        self.child = WorkerProcess(RECORDER_ARGS, loop, self._exited)
        self._ask(("open", config))

    def _ask(self, request: tuple[Any, ...]) -> asyncio.Future[Any]:
        future = self.loop.create_future()
        if self.failed is not None:
            future.set_exception(self.failed)
            future.exception()  # reported once already, by on_error
            return future
        self._send(request, future)
        return future

    def _send(self, request: tuple[Any, ...], future: asyncio.Future[Any]) -> None:
        future.add_done_callback(_retrieved)
        self.child.send(Task(request, future, self.on_answer, self._fail))

    def _fail(self, error: BaseException) -> None:
        """Reported as the answer arrives (not later, when the loop gets to the future)."""
        if self.failed is None:
            self.failed = error
            self.on_error(error)

    @property
    def backlog(self) -> int:
        """Bytes asked of the child and not yet written."""
        return self.child.backlog

    def record(self, exchange: Exchange) -> asyncio.Future[Recorded]:
        return self._ask(("record", exchange))

    def describe(self, uri: str, date: str, fields: Mapping[str, object], about: str) -> asyncio.Future[Recorded]:
        return self._ask(("describe", uri, date, fields, about))

    def close(self) -> None:
        """Wait for every answer (the last: the files the close finished) and the child's exit;
        after a failed write too, so that the files it could write are finished."""
        if not self.child.stopped:
            self._send(("close",), self.loop.create_future())
            self.child.finish()
        if self.child.pending:  # the child ended before answering them
            self._exited(self.child)

    def _exited(self, child: WorkerProcess) -> None:
        """The child gone before it was asked to close: every call still waiting fails."""
        error = RuntimeError(f"the WARC recorder process exited (code {child.process.wait()}) "
                             f"with {len(child.pending)} record(s) unwritten")
        child.stop()
        child.backlog = 0
        while child.pending:
            task = child.pending.popleft()
            if not task.future.done():
                task.future.set_exception(error)
        self._fail(error)


def _retrieved(future: asyncio.Future[Any]) -> None:
    """A failure is reported through on_error; asyncio need not also log it as never retrieved."""
    if not future.cancelled():
        future.exception()
