"""Per-item work forks workers only where that is safe, and gives what a loop gives."""

import os
import pickle
import threading

import pytest

from mee_archive.link.parallel import MIN_CHUNK, Part, Workers, can_fork, start_chunks, start_map, start_runs


def pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def test_results_are_in_order_and_come_from_workers_when_forking_is_safe():
    items = list(range(MIN_CHUNK * 3))
    with Workers() as workers:
        first, second = workers.start_map(pid_and_square, items), workers.start_map(pid_and_square, items[::-1])
        results, reversed_results = first(), second()
    assert [square for _, square in results] == [n * n for n in items]
    assert [square for _, square in reversed_results] == [n * n for n in items[::-1]]
    if can_fork() and (os.cpu_count() or 1) > 1:
        assert os.getpid() not in {pid for pid, _ in results + reversed_results}


def test_with_another_thread_running_the_work_stays_in_this_process():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        with Workers() as workers:
            results = workers.start_map(pid_and_square, list(range(MIN_CHUNK * 3)))()
        assert {pid for pid, _ in results} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


def test_small_inputs_unwanted_workers_and_no_workers_stay_in_this_process():
    with Workers() as workers:
        assert {pid for pid, _ in workers.start_map(pid_and_square, [1, 2, 3])()} == {os.getpid()}
    with Workers(wanted=False) as workers:
        assert {pid for pid, _ in workers.start_map(pid_and_square, list(range(MIN_CHUNK * 3)))()} == {os.getpid()}
    assert {pid for pid, _ in start_map(pid_and_square, list(range(MIN_CHUNK * 3)))()} == {os.getpid()}


def die_in_a_worker(n: int) -> int:
    if os.getpid() != PARENT:
        os._exit(1)  # as if killed for memory
    return n


PARENT = os.getpid()


def test_a_dead_worker_means_the_work_is_done_here():
    before = set(threading.enumerate())
    with Workers() as workers:
        assert workers.start_map(die_in_a_worker, list(range(MIN_CHUNK * 3)))() == list(range(MIN_CHUNK * 3))
        # The pool is broken now: maps started after it run here too (the linker waits on one
        # map before it starts the next).
        later = workers.start_map(pid_and_square, list(range(MIN_CHUNK * 3)))()
        assert [square for _, square in later] == [n * n for n in range(MIN_CHUNK * 3)]
    # The broken pool was shut down: no helper thread of it keeps the next pool from forking.
    assert [thread for thread in threading.enumerate() if thread.is_alive() and thread not in before] == []


def pid_and_run_length(run: list[int]) -> list[tuple[int, int]]:
    return [(os.getpid(), len(run))] * len(run)


def test_runs_are_at_most_the_size_asked_and_give_one_result_an_item():
    items = list(range(MIN_CHUNK * 3))
    with Workers() as workers:
        results = workers.start_chunks(pid_and_run_length, items, most=MIN_CHUNK // 2)()
    assert len(results) == len(items)
    if can_fork() and (os.cpu_count() or 1) > 1:
        assert {length for _, length in results} == {MIN_CHUNK // 2}
    assert start_chunks(pid_and_run_length, items)() == [(os.getpid(), len(items))] * len(items)


def test_runs_give_one_result_a_run_in_order():
    items = list(range(MIN_CHUNK * 3))
    with Workers() as workers:
        runs = workers.start_runs(sum, items, most=MIN_CHUNK)()
    assert runs == [sum(range(start, start + MIN_CHUNK)) for start in range(0, len(items), MIN_CHUNK)]
    assert start_runs(len, items, most=MIN_CHUNK * 2)() == [MIN_CHUNK * 2, MIN_CHUNK]


def label_and_call(pair: tuple[int, dict]) -> tuple[int, int, int]:
    label, item = pair
    return os.getpid(), label, item["call"]()


def test_a_part_of_what_the_workers_inherited_is_sent_as_positions_only():
    # Items that cannot be pickled at all: the workers can only have them by inheritance.
    items = [{"call": (lambda n=n: n * n)} for n in range(MIN_CHUNK * 3)]
    positions = list(range(len(items)))[::-1]
    with Workers(inherit=(items,)) as workers:
        results = workers.start_map(label_and_call, Part.of(Part(items, positions), [p + 1 for p in positions]))()
    assert [(label, square) for _, label, square in results] == [(p + 1, p * p) for p in positions]
    if can_fork() and (os.cpu_count() or 1) > 1:
        assert os.getpid() not in {pid for pid, _, _ in results}
    with pytest.raises((pickle.PicklingError, AttributeError)):  # once the pool is closed, sent as the items
        pickle.dumps(Part(items, [0]))


def test_a_part_not_inherited_is_sent_as_its_items_and_reads_as_they_do():
    base = list("abcdef")
    part = Part(base, [4, 0, 2])
    assert list(part) == ["e", "a", "c"] and part[1] == "a" and list(part[1:]) == ["a", "c"]
    labelled = Part.of(part, [7, 8, 9])
    assert list(labelled) == [(7, "e"), (8, "a"), (9, "c")] and labelled[2] == (9, "c")
    assert list(pickle.loads(pickle.dumps(labelled))) == list(labelled)
    assert list(Part(base)) == base
