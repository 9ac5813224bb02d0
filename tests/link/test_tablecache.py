"""Derived tables are built once and then loaded, and a bad cache never changes a result."""

from mee_archive.link.tablecache import fingerprint, load_or_build


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_a_table_is_built_once_then_loaded(tmp_path):
    build, calls = counting({"词": frozenset({"word"})})
    assert load_or_build("words", build, tmp_path) == {"词": frozenset({"word"})}
    assert load_or_build("words", build, tmp_path) == {"词": frozenset({"word"})}
    assert len(calls) == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"words-{fingerprint()}.pickle"]


def test_a_damaged_or_stale_file_is_rebuilt_and_the_stale_one_removed(tmp_path):
    (tmp_path / f"words-{fingerprint()}.pickle").write_bytes(b"not a pickle")
    (tmp_path / "words-0000000000000000.pickle").write_bytes(b"an older fingerprint")
    build, calls = counting([1, 2, 3])
    assert load_or_build("words", build, tmp_path) == [1, 2, 3] and len(calls) == 1
    assert load_or_build("words", build, tmp_path) == [1, 2, 3] and len(calls) == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"words-{fingerprint()}.pickle"]


def test_a_cache_that_cannot_be_written_means_no_cache_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    build, calls = counting("table")
    assert load_or_build("words", build, blocker) == "table"
    assert load_or_build("words", build, blocker) == "table" and len(calls) == 2
