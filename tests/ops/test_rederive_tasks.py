"""How rederive splits the archive between its workers (no archive needed)."""

from __future__ import annotations

from mee_archive.rederive import CHUNK, Source, _tasks


def source(url: str, n: int) -> Source:
    return Source(f"2026{n:010d}", url, "a.warc.gz", n * 100, 100, "news_release", f"D{n}")


def test_every_version_of_a_page_is_in_one_task_in_order_and_tasks_stay_small() -> None:
    urls = [f"http://english.mee.gov.cn/p{n}.shtml" for n in range(3 * CHUNK)]
    found = [source(url, n) for n, url in enumerate(urls)]
    found += [source(urls[7], len(found) + n) for n in range(3)]  # three later versions of one page
    tasks = _tasks(found)
    assert sorted(i for task in tasks for i in task) == list(range(len(found)))  # each source once
    (holding,) = [task for task in tasks if 7 in task]
    versions = [i for i in holding if found[i].url == urls[7]]
    assert len(versions) == 4 and versions == sorted(versions)  # oldest first, all together
    assert all(len(task) <= CHUNK + 3 for task in tasks) and len(tasks) >= 3
