"""Package WARC files into a WACZ (py-wacz) that ReplayWeb.page and pywb open.

A separate, re-runnable step after the crawl (never built in memory at crawl end, so a crash
cannot take it down with it). Its ``pages/pages.jsonl`` lists the releases (by default; the items
of any spider on request): one page per item, read from the metadata records the crawl wrote for
them (spider, item url, title, and the date of the response the item came from), so packaging
needs nothing but the WARC files.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path

from wacz.main import main as wacz_main

from mee_archive.archive.rawrecord import iter_records


class PackageError(Exception):
    """py-wacz refused the input; the message carries its output."""


def pages_of(warcs: Iterable[Path], spiders: set[str]) -> list[dict[str, str]]:
    """One page per item URL of ``spiders``, at its first capture, from the items' metadata records."""
    pages: dict[str, dict[str, str]] = {}
    for warc in warcs:
        for rec in iter_records(warc):
            if rec.type != "metadata":
                continue
            fields = dict(line.split(": ", 1) for line in rec.block.decode("utf-8").splitlines()
                          if ": " in line)
            url, ts = fields.get("item-url"), fields.get("response-date")
            if fields.get("spider") not in spiders:
                continue
            if url and ts and (url not in pages or ts < pages[url]["ts"]):
                pages[url] = {"url": url, "ts": ts, "title": fields.get("item-title") or url}
    return sorted(pages.values(), key=lambda page: (page["ts"], page["url"]))


def write_pages(pages: list[dict[str, str]], path: Path) -> None:
    header = {"format": "json-pages-1.0", "id": "pages", "title": "News releases"}
    with path.open("w", encoding="utf-8") as out:
        for line in [header, *pages]:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def build_wacz(warcs: list[Path], target: Path, title: str, spiders: set[str]) -> int:
    """Write ``target`` from ``warcs``, listing the items of ``spiders`` as its pages; return
    the number of pages listed."""
    pages = pages_of(warcs, spiders)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with tempfile.TemporaryDirectory() as tmp:
        pages_file = Path(tmp) / "pages.jsonl"
        write_pages(pages, pages_file)
        args = ["create", "-o", str(partial), "--title", title, *map(str, warcs)]
        if pages:
            args[1:1] = ["-p", str(pages_file)]
        said = io.StringIO()
        try:
            with contextlib.redirect_stdout(said):
                status = wacz_main(args)
        except Exception as exc:  # py-wacz raises, rather than returns, on a WARC it cannot read
            status, said = 1, io.StringIO(f"{type(exc).__name__}: {exc}")
    if status:
        partial.unlink(missing_ok=True)
        lines = said.getvalue().strip().splitlines()
        raise PackageError(lines[-1] if lines else f"exit status {status}")
    partial.replace(target)
    return len(pages)
