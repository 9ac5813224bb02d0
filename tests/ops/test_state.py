"""The crawl state: what survives between runs, and what survives a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from mee_archive.state import CrawlState, StoredPage

PAGE = StoredPage(
    "http://english.mee.gov.cn/News_service/news_release/",
    '"abc"', "Mon, 30 Nov 2026 03:00:00 GMT",
    [("Content-Type", "text/html; charset=utf-8"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")],
    "<html>列表</html>".encode("utf-8"),
)


def test_list_pages_keep_validators_headers_and_body_across_connections(tmp_path: Path) -> None:
    path = tmp_path / "state" / "crawl.sqlite"
    state = CrawlState(path)
    assert state.list_page(PAGE.url) is None
    state.save_list_page(PAGE, "run-1")
    state.close()
    again = CrawlState(path)
    assert again.list_page(PAGE.url) == PAGE
    newer = StoredPage(PAGE.url, '"def"', None, [], b"new")
    again.save_list_page(newer, "run-2")
    assert again.list_page(PAGE.url) == newer


def test_resources_are_unanswered_until_answered_and_wanting_again_keeps_the_answer(tmp_path: Path) -> None:
    state = CrawlState(tmp_path / "crawl.sqlite")
    state.want("http://x/a.pdf", "news_release", b"req-a", "run-1")
    state.want("http://x/b.jpg", "news_release", b"req-b", "run-1")
    state.want("http://x/c.jpg", "zh_news", b"req-c", "run-1")
    assert not state.is_answered("http://x/a.pdf")
    assert list(state.unanswered("news_release")) == [b"req-a", b"req-b"]
    state.answered("http://x/a.pdf", 200, "run-1")
    state.want("http://x/a.pdf", "news_release", b"req-a2", "run-2")
    assert state.is_answered("http://x/a.pdf")
    assert list(state.unanswered("news_release")) == [b"req-b"]
    assert list(state.unanswered("zh_news")) == [b"req-c"]
    assert not state.is_answered("http://x/never-wanted")


WRITER = """
import sys
from mee_archive.state import CrawlState
state = CrawlState(__import__("pathlib").Path(sys.argv[1]))
for n in range(1_000_000):
    state.want(f"http://x/{n}.jpg", "news_release", b"r", "run")
    state.answered(f"http://x/{n}.jpg", 200, "run")
    if n == 200:
        print("ready", flush=True)
"""


def test_a_sigkilled_writer_leaves_a_readable_database_with_every_committed_answer(tmp_path: Path) -> None:
    path = tmp_path / "crawl.sqlite"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout and writer.stdout.readline().strip() == "ready"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=10)
    state = CrawlState(path)
    answered = state.db.execute("SELECT count(*) FROM resources WHERE status = 200").fetchone()[0]
    assert answered > 200
    assert state.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The only resource possibly left unanswered is the one being written when the kill came.
    assert len(list(state.unanswered("news_release"))) <= 1


def test_redirects_remember_the_last_target(tmp_path: Path) -> None:
    state = CrawlState(tmp_path / "crawl.sqlite")
    assert state.redirect_target("http://old/a") is None
    state.save_redirect("http://old/a", "http://new/a")
    state.save_redirect("http://old/a", "http://newer/a")
    assert state.redirect_target("http://old/a") == "http://newer/a"
