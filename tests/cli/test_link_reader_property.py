"""Property: whatever bytes a JSON Lines file holds, the `link` command's item reader returns
records or raises its documented error (CliError, one line naming the file), quickly and in
bounded memory — never another exception."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path
from time import process_time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mee_archive.cli import CliError
from mee_archive.cli.link import FIELD_TYPES, read_jsonl

# Bounds on one file of at most a few kilobytes: generous for a CI machine shared by others, far
# below what a runaway parse (quadratic scan, unbounded recursion, a copy per byte) would take.
CPU_SECONDS = 2.0
PEAK_BYTES = 32 * 1024**2

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
# Records shaped like items: the fields the reader checks, each of any JSON type or well typed.
item_like = st.fixed_dictionaries({}, optional={name: json_values | st.text(max_size=30) for name in FIELD_TYPES})


def mutate(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    """Flip, drop or insert bytes at the given places: JSON Lines cut off, corrupted, non-UTF-8."""
    out = bytearray(data)
    for position, byte in edits:
        if not out:
            out.append(byte)
            continue
        at = position % len(out)
        if byte % 3 == 0:
            del out[at]
        elif byte % 3 == 1:
            out[at] = byte
        else:
            out.insert(at, byte)
    return bytes(out)


def read_within_bounds(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    tracemalloc.start()
    started = process_time()
    try:
        records = read_jsonl(path)
    except CliError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
    else:
        assert records and all(isinstance(r, dict) and isinstance(r["url"], str) for r in records)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert process_time() - started < CPU_SECONDS
    assert peak < PEAK_BYTES


common = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@common
@given(records=st.lists(item_like, max_size=5), blank_lines=st.integers(0, 2))
def test_item_like_records(tmp_path: Path, records: list[dict], blank_lines: int) -> None:
    lines = [json.dumps(record) for record in records] + [""] * blank_lines
    read_within_bounds(tmp_path / "items.jsonl", "\n".join(lines).encode())


@common
@given(records=st.lists(item_like, min_size=1, max_size=4),
       edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_lines(tmp_path: Path, records: list[dict], edits: list[tuple[int, int]]) -> None:
    data = "\n".join(json.dumps(record, ensure_ascii=False) for record in records).encode()
    read_within_bounds(tmp_path / "items.jsonl", mutate(data, edits))


@common
@given(data=st.binary(max_size=512))
def test_random_bytes(tmp_path: Path, data: bytes) -> None:
    read_within_bounds(tmp_path / "items.jsonl", data)


@common
@given(depth=st.integers(1, 200_000), opener=st.sampled_from(["[", '{"url": "u", "a": ', '{"a":[']))
def test_deep_nesting(tmp_path: Path, depth: int, opener: str) -> None:
    read_within_bounds(tmp_path / "items.jsonl", (opener * depth).encode())
