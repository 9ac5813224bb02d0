"""A worker child's stderr reaches the crawl's log (and so LOG_FILE), line by line, to its last words."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys

import pytest

from mee_archive.workerpipe import Task, WorkerProcess

SERVE = "from mee_archive.workerpipe import serve; serve(lambda request: print('printed', *request) or request)"


def run(code: str, requests: list[tuple], on_exit=lambda child: child.stop()) -> list:
    async def main() -> list:
        loop = asyncio.get_running_loop()
        child = WorkerProcess(["-c", code], loop, on_exit)
        futures = [loop.create_future() for _ in requests]
        for request, future in zip(requests, futures):
            child.send(Task(request, future))
        done = await asyncio.wait_for(asyncio.gather(*futures, return_exceptions=True), 60) if futures else []
        await asyncio.sleep(0.2)
        child.finish()
        return done
    return asyncio.run(main())


def said(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage().split("]: ", 1)[1] for r in caplog.records if r.name == "mee_archive.worker"]


def test_what_a_child_writes_to_stderr_or_prints_is_logged_by_whole_lines(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    code = "import sys; sys.stderr.write('a warning\\nhalf a '); sys.stderr.flush(); " + SERVE
    assert run(code, [("one",), ("two",)]) == [("one",), ("two",)]
    assert said(caplog) == ["a warning", "half a printed one", "printed two"]
    assert all(r.levelno == logging.WARNING for r in caplog.records if r.name == "mee_archive.worker")


def test_the_traceback_of_a_child_that_dies_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    exited: list[int] = []

    def on_exit(child: WorkerProcess) -> None:
        exited.append(child.process.wait())
        child.stop()
    run("import sys; print('starting', file=sys.stderr); raise RuntimeError('no such page object')", [], on_exit)
    lines = said(caplog)
    assert lines[0] == "starting" and lines[-1] == "RuntimeError: no such page object"
    assert any(line.startswith("Traceback") for line in lines)


def test_frames_larger_than_the_pipe_arrive_whole_and_in_order() -> None:
    """A request bigger than the pipe holds is written in parts as the child reads (an
    attachment's body), and those behind it wait their turn."""
    bodies = [(bytes([n]) * (3 * 1024**2 + n),) for n in range(4)] + [(b"small",)]
    code = "from mee_archive.workerpipe import serve; serve(lambda request: len(request[0]))"
    assert run(code, bodies) == [len(body[0]) for body in bodies]


STOPPED_WHILE_CHATTERING = """
import asyncio, logging, subprocess, sys
from mee_archive.workerpipe import Task, WorkerProcess
logging.basicConfig(level=logging.WARNING, stream=sys.stdout, format="%(message)s")
chatter = "import sys, time\\nwhile True:\\n    print('chatter', file=sys.stderr, flush=True)\\n    time.sleep(0.01)"
code = ("import subprocess, sys; subprocess.Popen([sys.executable, '-c', %r], stdin=subprocess.DEVNULL, "
        "stdout=subprocess.DEVNULL); " % chatter) + sys.argv[1]

async def main():
    loop = asyncio.get_running_loop()
    child = WorkerProcess(["-c", code], loop, lambda worker: worker.stop())
    future = loop.create_future()
    child.send(Task(("one",), future))
    assert await future == ("one",)
    await asyncio.sleep(0.2)
    child.finish()
    print("still watched:", loop.remove_reader(child.fd_err))
asyncio.run(main())
"""


def test_a_child_whose_own_child_keeps_its_stderr_open_is_still_stopped() -> None:
    """A process the child started, holding its stderr and writing on, neither keeps stop()
    waiting (in a process of its own: a stop that hangs fails here at the timeout) nor leaves the
    closed descriptor watched by the event loop."""
    done = subprocess.run([sys.executable, "-c", STOPPED_WHILE_CHATTERING, SERVE], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[-1] == "still watched: False"
    assert any(line.endswith("]: chatter") for line in lines) and any(line.endswith("]: printed one") for line in lines)


def test_a_child_saying_more_than_the_pipe_holds_as_it_exits_is_heard_out_not_killed(
        caplog: pytest.LogCaptureFixture) -> None:
    """Its stderr is read while the parent waits for the exit: a child blocked writing a long
    traceback would otherwise be killed, its last words lost; a last line without a break and a
    40 KiB line without one are logged too."""
    caplog.set_level(logging.WARNING)
    code = (SERVE + "; import sys; sys.stderr.write('x' * 40_000 + '\\n' + 'y' * 200_000 + '\\nlast words'); "
            "sys.stderr.flush()")
    exits: list[int] = []

    async def main() -> None:
        loop = asyncio.get_running_loop()
        child = WorkerProcess(["-c", code], loop, lambda worker: worker.stop())
        future = loop.create_future()
        child.send(Task(("one",), future))
        await asyncio.wait_for(future, 60)
        child.finish()
        exits.append(child.process.returncode)
    asyncio.run(main())
    lines = said(caplog)
    assert exits == [0]
    assert lines[-1] == "last words" and "".join(lines).count("y") == 200_000
    assert any(set(line) == {"x"} for line in lines) and all(len(line) < 100_000 for line in lines)
