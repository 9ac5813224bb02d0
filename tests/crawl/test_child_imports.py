"""The crawl's child processes (page reader, WARC recorder) import only what they use: each is a
fresh interpreter, and every module a child imports that it never calls is start-up CPU paid
on top of the crawl's own (asyncio, parsel, tldextract with requests: ~0.15 s a crawl)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# A response record indexed as the recorder indexes every exchange (its first line imports surt).
_INDEX_A_RECORD = (
    "from mee_archive.archive import records; from mee_archive.archive.index import cdxj_line; "
    "head = b'HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\n\\r\\n'; "
    "rec = records.response_record('http://www.example.com/a?b=1', '2026-12-03T10:00:00Z', head, b'<p>x', {}); "
    "print(cdxj_line(rec, head, 'f.warc.gz', 0, 10).split(' ')[0])"
)


def _modules_after(code: str, *names: str) -> list[str]:
    """Which of ``names`` are imported after ``code`` ran in a fresh interpreter (this checkout's
    mee_archive: the working directory comes first on sys.path)."""
    probe = f"{code}; import sys; print(sorted(n for n in {names!r} if n in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()


def test_the_page_reader_imports_neither_asyncio_nor_parsel() -> None:
    # The worker also loads the page objects whose parse functions it is sent.
    code = "import mee_archive.pagereader, mee_archive.pages.en_list, mee_archive.pages.en_release, " \
           "mee_archive.pages.zh_list, mee_archive.pages.zh_article"
    assert _modules_after(code, "asyncio", "parsel") == ["[]"]


def test_the_recorder_indexes_without_asyncio_or_tldextract() -> None:
    key, imported = _modules_after(_INDEX_A_RECORD, "asyncio", "tldextract", "requests")
    assert key == "com,example)/a?b=1"  # surt's key, www. dropped
    assert imported == "[]"


def test_surts_tldextract_is_the_real_one_when_used() -> None:
    """handyurl's two methods that need tldextract still get it."""
    code = (_INDEX_A_RECORD + "; import sys, tldextract.tldextract; "
            "print(sys.modules['surt.handyurl'].tldextract.TLDExtract is tldextract.tldextract.TLDExtract)")
    assert _modules_after(code, "tldextract")[-2:] == ["True", "['tldextract']"]
