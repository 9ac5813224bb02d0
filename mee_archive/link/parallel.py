"""Per-item work spread over the machine's cores, where that is safe.

Reading 20,000 Chinese items and 2,000 English ones is a Python loop of regular
expressions and table look-ups per item, and linking runs on machines with a few idle
cores. Worker processes are forked, so they start at once with the dictionary tables
already in memory. Forking is only safe in a process with a single thread, and not in a
running crawl (its reactor, sockets and thread pool would be copied): a crawl asks for no
workers, and a process with threads gets none; the work then runs in-process, as it does
for small inputs, on one core, or before Python 3.11 (whose pools could fork after
starting their helper thread, cpython issue 90622).

What the workers read is in the parent's memory when they fork: the sequences a pool is
opened with (``Workers(inherit=...)``) are not sent to them again. A map over a ``Part``
of one sends the positions of its items only (pickling 20,000 Chinese texts to send them,
and unpickling them on the workers, cost about 1.4 CPU-seconds of a 10-second link).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from types import TracebackType
from typing import Any, TypeVar, overload

import numpy as np

from mee_archive.link.memory import keep_freed_memory

T = TypeVar("T")
R = TypeVar("R")

# The sequences the open pools' workers inherited at their fork, by their id.
_INHERITED: dict[int, Sequence[Any]] = {}

# Below this many items a worker costs more than it saves.
MIN_CHUNK = 1_000


def _apply(function: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [function(item) for item in chunk]


class Part(Sequence[Any]):
    """The items of ``base`` at ``positions`` (all of them if None), each paired as
    (label, item) with its ``labels[i]`` if labels are given. Sent to a worker that
    inherited ``base``, it is sent as the positions and labels; otherwise as its items."""

    def __init__(self, base: Sequence[Any], positions: Sequence[int] | np.ndarray | None = None,
                 labels: Sequence[Any] | None = None) -> None:
        self.base = base
        self.positions = np.arange(len(base)) if positions is None else np.asarray(positions, dtype=np.int64)
        self.labels = labels

    @classmethod
    def of(cls, items: Sequence[Any], labels: Sequence[Any]) -> Part:
        """``items`` (a Part, or any sequence) each paired with its label."""
        return cls(items.base, items.positions, labels) if isinstance(items, Part) else cls(items, None, labels)

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, at: int) -> Any: ...
    @overload
    def __getitem__(self, at: slice) -> Part: ...
    def __getitem__(self, at: int | slice) -> Any:
        if isinstance(at, slice):
            return Part(self.base, self.positions[at], None if self.labels is None else self.labels[at])
        item = self.base[int(self.positions[at])]
        return item if self.labels is None else (self.labels[at], item)

    def __iter__(self) -> Iterator[Any]:
        items = (self.base[i] for i in self.positions.tolist())
        return iter(items if self.labels is None else zip(self.labels, items))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        if id(self.base) in _INHERITED:
            return _inherited_part, (id(self.base), self.positions, self.labels)
        return Part, ([self.base[i] for i in self.positions.tolist()], None, self.labels)


def _inherited_part(base: int, positions: np.ndarray, labels: Sequence[Any] | None) -> Part:
    return Part(_INHERITED[base], positions, labels)


def can_fork() -> bool:
    """Whether worker processes may be forked from this one now: no other thread runs (one
    that has ended may still be listed a moment, as an earlier pool's manager is after its
    shutdown: it holds no lock the children could inherit)."""
    return (sum(thread.is_alive() for thread in threading.enumerate()) == 1 and sys.version_info >= (3, 11)
            and "fork" in multiprocessing.get_all_start_methods())


def _cores() -> int:
    """The cores this process may run on (its affinity, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Workers:
    """Forked worker processes, one per core, shared by the maps started while it is open.

    The pool forks every worker at its first task, before it starts its helper thread;
    they inherit the ``inherit`` sequences (see ``Part``), which must not change while the
    pool is open. ``Workers(wanted=False)`` has none: every map then runs in-process.
    """

    def __init__(self, wanted: bool = True, inherit: Sequence[Sequence[Any]] = ()) -> None:
        self._cores = _cores()
        self._pool = None
        self._broken = False  # a worker died: maps run here from then on
        self._inherited: list[int] = []
        if wanted and self._cores > 1 and can_fork():
            self._pool = ProcessPoolExecutor(max_workers=self._cores, mp_context=multiprocessing.get_context("fork"),
                                             initializer=keep_freed_memory)
            for each in inherit:
                if id(each) not in _INHERITED:
                    _INHERITED[id(each)] = each
                    self._inherited.append(id(each))

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._pool is not None:  # broken or not: its helper thread is joined, so a pool can follow
            self._pool.shutdown(cancel_futures=True)
        for each in self._inherited:
            del _INHERITED[each]

    def start_map(self, function: Callable[[T], R], items: Sequence[T]) -> Callable[[], list[R]]:
        """Start ``[function(item) for item in items]`` on the workers, and return what
        waits for it: the caller goes on with other work in the meantime. ``function``
        must be a module-level function (it is sent to the workers by name). Without
        workers, or for few items, the returned function does the work itself, as it does
        if a worker dies (killed for memory, say)."""
        return self.start_chunks(partial(_apply, function), items)

    def start_chunks(self, function: Callable[[Sequence[T]], list[R]], items: Sequence[T],
                     most: int | None = None) -> Callable[[], list[R]]:
        """``start_map`` for a ``function`` that reads a run of items at once (and gives one
        result an item): each worker is given runs, ``function(run)``, of at most ``most``
        items if given (a smaller run's result is sent back and held in fewer bytes at once)."""
        runs = self.start_runs(function, items, most)
        return lambda: [value for run in runs() for value in run]

    def start_runs(self, function: Callable[[Sequence[T]], R], items: Sequence[T],
                   most: int | None = None) -> Callable[[], list[R]]:
        """Start ``function(run)`` on consecutive runs of the items, of at most ``most``
        items if given, a share of them per worker; returns what waits for the runs'
        results, in order. Without workers, or for few items, the returned function runs
        them itself, as it does if a worker dies."""
        chunks = min(self._cores, len(items) // MIN_CHUNK) if self._pool is not None and not self._broken else 0
        size = min(-(-len(items) // max(chunks, 1)), most or len(items)) or 1
        runs = [items[start : start + size] for start in range(0, len(items), size)] or [items]
        if chunks < 2:
            return lambda: [function(run) for run in runs]
        try:
            futures: list[Future[R]] = [self._pool.submit(function, run) for run in runs]
        except BrokenProcessPool:  # a worker died in an earlier map: this and later ones run here
            self._broken = True
            return lambda: [function(run) for run in runs]

        def result() -> list[R]:
            try:
                return [future.result() for future in futures]
            except BrokenProcessPool:
                self._broken = True
                return [function(run) for run in runs]

        return result


def start_map(function: Callable[[T], R], items: Sequence[T], workers: Workers | None = None) -> Callable[[], list[R]]:
    """``workers.start_map``, or the work done in-process when no workers are given."""
    return workers.start_map(function, items) if workers is not None else (lambda: _apply(function, items))


def start_chunks(function: Callable[[Sequence[T]], list[R]], items: Sequence[T],
                 workers: Workers | None = None, most: int | None = None) -> Callable[[], list[R]]:
    """``workers.start_chunks``, or the work done in-process when no workers are given."""
    return (workers or Workers(wanted=False)).start_chunks(function, items, most)


def start_runs(function: Callable[[Sequence[T]], R], items: Sequence[T],
               workers: Workers | None = None, most: int | None = None) -> Callable[[], list[R]]:
    """``workers.start_runs``, or the runs done in-process when no workers are given."""
    return (workers or Workers(wanted=False)).start_runs(function, items, most)
