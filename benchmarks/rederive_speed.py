"""How fast `mee-archive rederive` reads an archive back into items (prints figures; not a test).

    .venv/bin/python benchmarks/rederive_speed.py [--archive DIR | --releases N] [--workers W ...]

Without ``--archive``, a replica of N releases (default 2,000) is crawled first with
`mee-archive demo` (English, Chinese, linking), whose crawl time is the "inside a crawl" figure.
Then every article page record is read from the WARC files (decompressed, HTTP decoded), run
through the page objects, and the rates are printed: all pages, and English release pages alone,
for each worker count; linking is timed separately (it is the linker's own benchmark).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from mee_archive.archive.layout import ArchiveLayout
from mee_archive.manifest import read_manifests
from mee_archive.rederive import derived, link, rederive_items, sources

REPO = Path(__file__).resolve().parents[1]


def crawl_rate(root: Path) -> str:
    """Article pages per second of the crawls that built the archive (their manifests' wall time)."""
    parts = []
    for m in read_manifests(root / "runs"):
        started, finished = m.get("started_at"), m.get("finished_at")
        if started and finished:
            took = (datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds()
            pages = sum(m["counts"].get(k, {}).get("new", 0) for k in ("releases", "chinese_pages"))
            parts.append(f"{m.get('spider')}: {pages} pages in {took:.0f} s ({pages / max(took, 1):.0f}/s)")
    return "; ".join(parts)


def measure(root: Path, workers: list[int]) -> None:
    layout = ArchiveLayout(root)
    found = sources(layout)
    english = [s for s in found if s.spider == "news_release"]
    print(f"archive {root}: {len(found)} article page records ({len(english)} English), "
          f"{sum(p.stat().st_size for p in layout.warc_dir.glob('*.warc.gz')) / 1e6:.0f} MB of WARC")
    print(f"crawl: {crawl_rate(root)}")
    for w in workers:
        for label, chosen in (("all pages", found), ("English releases", english)):
            started = time.perf_counter()
            count = sum(1 for _ in derived(layout, chosen, w))
            took = time.perf_counter() - started
            print(f"workers={w}: {label}: {count} in {took:.2f} s = {count / took:.0f} pages/s")
    started = time.perf_counter()
    feeds, _ = rederive_items(layout, 1_000_000, max(workers))
    middle = time.perf_counter()
    link(feeds)
    print(f"rederive_items (pipelines included): {middle - started:.2f} s; linking {time.perf_counter() - middle:.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, help="an existing archive directory")
    parser.add_argument("--releases", type=int, default=2_000)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    args = parser.parse_args()
    if args.archive:
        measure(args.archive, args.workers)
    else:
        with tempfile.TemporaryDirectory(prefix="mee-rederive-") as tmp:
            subprocess.run([sys.executable, "-m", "mee_archive", "demo", "--releases", str(args.releases),
                            "--output", tmp], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
            measure(Path(tmp), args.workers)
