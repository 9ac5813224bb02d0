"""How fast `mee-archive rederive` reads an archive back into items (prints figures; not a test).

    .venv/bin/python benchmarks/rederive_speed.py [--archive DIR | --releases N] [--workers W ...]

Without ``--archive``, a replica of N releases (default 2,000) is crawled first with
`mee-archive demo` (English, Chinese, linking), whose crawl time is the "inside a crawl" figure.
Then every article page record is read from the WARC files through the CDXJ index (seek, one gzip
member inflated, HTTP content coding undone), run through the page objects and the pipelines'
rules (boilerplate, schema, revisions), and the rates are printed: all pages, and English release
pages alone, for each worker count, by wall time and by CPU time (the parent's and its workers'),
beside the load average; then the whole command (`mee-archive rederive --into`: ordering, the
linker, comparing and writing), whose linking is the linker's own benchmark.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load() -> str:
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


def measure(root: Path, workers: list[int]) -> None:
    layout = ArchiveLayout(root)
    started = time.perf_counter()
    found = sources(layout)
    english = [s for s in found if s.spider == "news_release"]
    print(f"archive {root}: {len(found)} article page records ({len(english)} English), "
          f"{sum(p.stat().st_size for p in layout.warc_dir.glob('*.warc.gz')) / 1e6:.0f} MB of WARC; "
          f"index read in {time.perf_counter() - started:.2f} s; {os.cpu_count()} CPUs, load {load()}")
    print(f"crawl: {crawl_rate(root)}")
    for w in workers:
        for label, chosen in (("all pages", found), ("English releases", english)):
            started, cpu = time.perf_counter(), cpu_seconds()
            count = sum(1 for _ in derived(layout, chosen, w))
            took, cpu = time.perf_counter() - started, cpu_seconds() - cpu
            print(f"workers={w}: {label}: {count} in {took:.2f} s = {count / took:.0f} pages/s "
                  f"(CPU {cpu:.1f} s, {cpu / count * 1000:.2f} ms a page; load {load()})")
    started = time.perf_counter()
    feeds, _ = rederive_items(layout, 1_000_000, max(workers))
    middle = time.perf_counter()
    link(feeds)
    print(f"rederive_items (index, pipelines, order): {middle - started:.2f} s; linking {time.perf_counter() - middle:.2f} s")
    with tempfile.TemporaryDirectory(prefix="mee-rederive-into-") as into:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mee_archive", "rederive", "--output", str(root), "--into", into],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        print(f"mee-archive rederive --into (link, compare, write included): {time.perf_counter() - started:.1f} s "
              f"wall; load {load()}")


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
