"""A child Python process that answers requests in order, beside a crawl's event loop.

A crawl runs on one core: what can leave it (reading pages, writing the WARC records) goes to a
child process started with the crawl. Requests and answers are pickles, length-prefixed, over the
child's stdin and stdout; the parent never blocks on the child during the crawl (its pipe ends
are non-blocking and watched by the event loop), and each request's answer resolves its future.
The child side is :func:`serve`: requests from stdin, ``handle(request)``'s answers to stdout,
until stdin closes.
"""

from __future__ import annotations

import fcntl
import io
import logging
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:  # the child (serve) never needs asyncio: 50 ms of its start
    import asyncio

_HEADER = struct.Struct("!I")
# Bytes a pipe to or from a child holds (Linux's default: 64 KiB): a real-weight page's frame in
# one write. Kept small: every user's pipes share a budget (/proc/sys/fs/pipe-user-pages-soft,
# 64 MiB), past which Linux gives that user's new pipes, in any program, two pages; a crawl's
# four pipes take 1 MiB of it.
PIPE_SIZE = 256 << 10
# Bytes of a child's stderr without a line break past which they are logged (with the rest of
# the read that passed it: at most SAID_MAX + 64 KiB a log line).
SAID_MAX = 16 << 10
# Where a child's stderr (a traceback, a library's warning) is logged, a line at a time: through
# the crawl's logging, so it lands in LOG_FILE with the rest of the run's log.
_LOG = logging.getLogger("mee_archive.worker")


def frame(value: Any) -> bytes:
    """``value`` pickled, with its length before it."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


class Task:
    """A request sent (or to send again) to a child, and the future its answer resolves. Only
    its pickle is kept (:attr:`request` reads it back): a body in flight is held once, not twice."""

    def __init__(self, request: Any, future: asyncio.Future[Any],
                 on_answer: Callable[[Any], None] | None = None,
                 on_error: Callable[[BaseException], None] | None = None) -> None:
        self.frame, self.future = frame(request), future
        # Called with each answer (or error) as it arrives, before the future's own callbacks
        # (which the loop runs later: perhaps after the crawl's statistics are final).
        self.on_answer, self.on_error = on_answer, on_error

    @property
    def request(self) -> Any:
        return pickle.loads(self.frame[_HEADER.size:])


class WorkerProcess:
    """One child (the interpreter with ``args``, e.g. ``-m <module>``) and the tasks sent to it,
    answered in the order sent."""

    def __init__(self, args: list[str], loop: asyncio.AbstractEventLoop,
                 on_exit: Callable[["WorkerProcess"], None]) -> None:
        self.loop, self.on_exit = loop, on_exit
        # The parent's sys.path, so that the child imports the same mee_archive (a scrapyd egg too).
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        # A session of its own: Ctrl-C in the terminal reaches the crawl, whose graceful close
        # asks the child to finish, and not the child while it is still starting.
        self.process = subprocess.Popen([sys.executable, *args], env=env, start_new_session=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert self.process.stdin and self.process.stdout and self.process.stderr
        self.fd_in, self.fd_out = self.process.stdin.fileno(), self.process.stdout.fileno()
        self.fd_err = self.process.stderr.fileno()
        self.name = f"{args[1] if args[:1] == ['-m'] else 'python'}[{self.process.pid}]"  # in its log lines
        for fd in (self.fd_in, self.fd_out, self.fd_err):
            os.set_blocking(fd, False)
        for fd in (self.fd_in, self.fd_out):
            _widen(fd)
        self.said = bytearray()  # the child's stderr since its last full line
        self.pending: deque[Task] = deque()
        self.backlog = 0  # bytes of the requests sent and not yet answered
        self.unsent = bytearray()
        self.answers = bytearray()
        self.answered = 0
        self.ready = False  # the child's first frame says it has started (imported what it needs)
        self.stopped = False
        loop.add_reader(self.fd_out, self._readable)
        loop.add_reader(self.fd_err, self._stderr)

    def send(self, task: Task) -> None:
        """Write the task's frame now, as far as the pipe takes it (most often all of it: no copy
        kept); the rest goes when the pipe has room, after what is waiting already."""
        self.pending.append(task)
        self.backlog += len(task.frame)
        if self.unsent:  # the writer is watching the pipe: this frame goes after the rest
            self.unsent += task.frame
            return
        taken = self._write(task.frame)
        if taken < len(task.frame):
            self.unsent += memoryview(task.frame)[taken:]
            self.loop.add_writer(self.fd_in, self._writable)

    def _write(self, data: bytes | bytearray) -> int:
        """How many bytes of ``data`` the pipe took (all of them when the child is gone: its end
        of stdout says so, in _readable)."""
        try:
            return os.write(self.fd_in, data)
        except BlockingIOError:
            return 0
        except BrokenPipeError:
            return len(data)

    def _writable(self) -> None:
        del self.unsent[:self._write(self.unsent)]
        if not self.unsent:
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
        self._answer(chunk)

    def _answer(self, chunk: bytes) -> None:
        """Resolve the futures of the answers ``chunk`` completes."""
        self.answers += chunk
        while len(self.answers) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.answers)
            if len(self.answers) < _HEADER.size + size:
                break
            data = bytes(self.answers[_HEADER.size:_HEADER.size + size])
            del self.answers[:_HEADER.size + size]
            if not self.ready:
                self.ready = True
                continue
            task = self.pending.popleft()
            self.backlog -= len(task.frame)
            self.answered += 1
            try:
                ok, value = pickle.loads(data)
            except Exception as error:  # never leave a caller waiting
                ok, value = False, RuntimeError(f"a worker's answer cannot be read: {error!r}")
            if ok and task.on_answer is not None:
                task.on_answer(value)
            if not ok and task.on_error is not None:
                task.on_error(value)
            if not task.future.done():
                (task.future.set_result if ok else task.future.set_exception)(value)

    def _stderr(self) -> bool:
        """Log what the child wrote to stderr, by whole lines (a line longer than SAID_MAX, e.g.
        a progress bar redrawn by carriage returns, in parts); False once it is closed."""
        try:
            chunk = os.read(self.fd_err, 1 << 16)
        except BlockingIOError:
            return True
        except OSError:
            chunk = b""
        self.said += chunk or b"\n"
        *lines, rest = self.said.split(b"\n")
        if len(rest) > SAID_MAX:
            lines.append(rest)
            rest = b""
        self.said = bytearray(rest)
        for line in filter(None, lines):
            self._log(line)
        if not chunk:
            self.loop.remove_reader(self.fd_err)
        return bool(chunk)

    def _log(self, line: bytes | bytearray) -> None:
        _LOG.warning("%s: %s", self.name, line.decode("utf-8", "replace").rstrip())

    def finish(self, timeout: float = 600) -> None:
        """Close the child's stdin, resolve the answers still to come (the child answers every
        request sent, then exits), and wait for it to exit."""
        if self.stopped:
            return
        self.loop.remove_reader(self.fd_out)
        self.loop.remove_writer(self.fd_in)
        self.loop.remove_reader(self.fd_err)
        stderr_open = True
        while True:
            if not self.unsent:
                self._close(self.process.stdin)
            readable, writable, _ = select.select(
                [self.fd_out, *([self.fd_err] if stderr_open else [])], [self.fd_in] if self.unsent else [], [], timeout)
            if not (readable or writable):
                break  # no word from the child for ``timeout`` s: stop() kills it
            if writable:
                self._writable()
                self.loop.remove_writer(self.fd_in)
            if self.fd_err in readable:
                stderr_open = self._stderr()
            if self.fd_out in readable:
                chunk = os.read(self.fd_out, 1 << 20)
                if not chunk:
                    break
                self._answer(chunk)
        self.stop(timeout=10)

    def stop(self, timeout: float = 10) -> None:
        """Close the child's pipes (it exits after the request it is answering) and wait for it."""
        if self.stopped:
            return
        self.stopped = True
        self.loop.remove_reader(self.fd_out)
        self.loop.remove_reader(self.fd_err)  # before its descriptor closes and its number is reused
        self.loop.remove_writer(self.fd_in)
        self._close(self.process.stdin)
        self._close(self.process.stdout)
        self._wait(timeout)
        # The last words of a child that exited (its traceback): what comes within a second (a
        # process it started may hold the pipe open, and write on).
        deadline = time.monotonic() + 1
        while (left := deadline - time.monotonic()) > 0 and select.select([self.fd_err], [], [], left)[0] \
                and self._stderr():
            pass
        if self.said:  # a last line without its line break
            self._log(self.said)
            self.said.clear()
        self._close(self.process.stderr)

    def _wait(self, timeout: float) -> None:
        """Wait for the child's exit, reading its stderr meanwhile (a child writing more than the
        pipe holds as it exits would otherwise block until killed); kill it after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            left = deadline - time.monotonic()
            if left > 0 and (not select.select([self.fd_err], [], [], min(left, 0.1))[0] or self._stderr()):
                continue  # still running: nothing said, or what it said is logged
            try:  # its stderr closed (it is exiting), or the time is up
                self.process.wait(timeout=max(deadline - time.monotonic(), 0))
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            return

    @staticmethod
    def _close(stream: BinaryIO | None) -> None:
        try:
            if stream is not None:
                stream.close()
        except OSError:
            pass


def _widen(fd: int) -> None:
    """A pipe of PIPE_SIZE bytes, where Linux allows: a page's frame goes in one write rather
    than in several 64 KiB ones, each a turn of the event loop."""
    if hasattr(fcntl, "F_SETPIPE_SZ"):  # Linux
        try:
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        except OSError:  # past the user's budget: the default size serves
            pass


def answer(handle: Callable[[Any], Any], data: bytes) -> bytes:
    """The framed answer to one pickled request: (True, ``handle(request)``) or (False, the
    exception), which the parent raises where the request's answer is awaited."""
    try:
        reply: tuple[bool, Any] = (True, handle(pickle.loads(data)))
    except Exception as error:
        reply = (False, error)
    try:
        return frame(reply)
    except Exception as error:  # an exception or answer that does not pickle
        return frame((False, RuntimeError(f"a worker's answer cannot be pickled: {error!r}")))


def serve(handle: Callable[[Any], Any]) -> None:
    """The child: requests from stdin, answers to stdout, in order, until stdin closes.

    Ctrl-C in a terminal (SIGINT) and a service manager's SIGTERM reach the whole process group:
    the child leaves them to its parent, whose graceful close asks it to finish; it lives as long
    as its stdin, so a parent gone without a word ends it too."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_IGN)
    # The answers get a descriptor of their own; whatever else writes to stdout (a library's
    # print) goes to stderr instead of into the frames.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    if isinstance(sys.stdout, io.TextIOWrapper):  # a print reaches the parent's log as it is made
        sys.stdout.reconfigure(line_buffering=True)
    stream, listening = sys.stdin.buffer, True
    out.write(frame(("ready",)))
    out.flush()
    while (header := stream.read(_HEADER.size)) and len(header) == _HEADER.size:
        reply = answer(handle, stream.read(_HEADER.unpack(header)[0]))
        if listening:
            try:
                out.write(reply)
                out.flush()
            except BrokenPipeError:  # the parent is gone: do what it asked, answer no one
                listening = False
