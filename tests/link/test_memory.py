"""A link keeps the memory it frees only in a process that forks workers, and puts glibc
and the cycle collector back as they were (a crawl links in its own long-lived process)."""

import gc

import pytest

from mee_archive.link import memory


@pytest.fixture()
def thresholds(monkeypatch):
    set_to = []
    monkeypatch.setattr(memory, "_mallopt", set_to.append)
    return set_to


def test_the_freed_memory_is_kept_while_linking_and_the_thresholds_set_back(thresholds):
    with memory.linking_memory(keep_freed=True):
        assert thresholds == [memory.KEPT_FREE_BYTES] and not gc.isenabled()
    assert thresholds == [memory.KEPT_FREE_BYTES, memory._DEFAULT_THRESHOLD] and gc.isenabled()


def test_a_link_that_forks_no_workers_leaves_glibc_alone(thresholds):
    with memory.linking_memory(keep_freed=False):
        assert not gc.isenabled()
    assert thresholds == [] and gc.isenabled()


def test_an_error_inside_puts_the_collector_back(thresholds):
    with pytest.raises(RuntimeError), memory.linking_memory(keep_freed=True):
        raise RuntimeError("a link that fails")
    assert gc.isenabled() and thresholds[-1] == memory._DEFAULT_THRESHOLD


def test_glibc_is_found_without_running_a_program(monkeypatch):
    import subprocess

    def refuse(*args, **kwargs):
        raise AssertionError(f"a program was run: {args}")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    memory._glibc.cache_clear()
    memory.keep_freed_memory()  # glibc's or none: either way no program
    memory._mallopt(memory._DEFAULT_THRESHOLD)
