"""Run one child process and measure what it alone cost: wall time, CPU seconds, peak RSS.

Shared by the benchmarks so every row of every table is measured the same way. The figures come
from GNU time (Debian package ``time``) wrapped around the child: the kernel keeps a process's peak
RSS across ``exec``, so ``wait4`` on a child forked from this process (which holds the replica,
hundreds of MB at 20,000 releases) would report this process's size, not the child's; ``time``
is small, and what it reports is its own child's. A child still running after ``timeout`` seconds
is killed with its whole process group.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Usage:
    """What one child process cost; ``exit_code`` -9 when the watchdog killed it."""

    exit_code: int
    wall: float
    cpu: float
    peak_rss_mb: float
    started_at: float


GNU_TIME = "/usr/bin/time"
# Wall s, user s, system s, peak RSS KiB: what GNU time writes (-f) to its own file (-o).
TIME_FORMAT = "%e %U %S %M"


def run_measured(command: list[str], log: Path, timeout: float, cwd: Path | None = None) -> Usage:
    """Run ``command`` with stdout and stderr into ``log``; what it alone cost (see module doc)."""
    if not os.access(GNU_TIME, os.X_OK):
        raise SystemExit(f"benchmarks need GNU time at {GNU_TIME} (apt-get install time)")
    figures = log.with_suffix(".time")
    started_at = time.time()
    with log.open("wb") as out:
        process = subprocess.Popen([GNU_TIME, "-o", str(figures), "-f", TIME_FORMAT, *command], cwd=cwd,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        watchdog = threading.Timer(timeout, os.killpg, (process.pid, signal.SIGKILL))
        watchdog.start()
        exit_code = process.wait()
        watchdog.cancel()
    wall = time.time() - started_at
    last = figures.read_text().split("\n")[-2].split() if figures.exists() else []
    if len(last) != 4:  # killed before time could write
        return Usage(exit_code, wall, 0.0, 0.0, started_at)
    return Usage(exit_code, float(last[0]), float(last[1]) + float(last[2]), float(last[3]) / 1024, started_at)


def load_average() -> str:
    """The three load averages and the core count, as every row of a benchmark states them."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"
