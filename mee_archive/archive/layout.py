"""Where the archive keeps its files, and the WARC file-name grammar.

Capture, packaging and verification all find files through this one module, so the directory
layout (``warc/``, ``index/``, ``state/`` below MEE_OUTPUT_DIR) and the name
``<prefix>-<UTC timestamp>-<serial>-<crawl id>.warc.gz`` are defined once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

OPEN_SUFFIX = ".open"
WARC_SUFFIX = ".warc.gz"
_NAME = re.compile(
    r"^(?P<prefix>.+)-(?P<timestamp>\d{17})-(?P<serial>\d{5})-(?P<crawl_id>.+?)\.warc\.gz(?:\.open)?$"
)


@dataclass(frozen=True)
class ArchiveLayout:
    """The archive's directories below one output root."""

    root: Path

    @property
    def warc_dir(self) -> Path:
        return self.root / "warc"

    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    @property
    def state_dir(self) -> Path:
        return self.root / "state"

    @property
    def items_dir(self) -> Path:
        return self.root / "items"

    @property
    def dedup_db(self) -> Path:
        return self.state_dir / "warc-digests.sqlite"

    def make_dirs(self) -> None:
        for directory in (self.warc_dir, self.index_dir, self.state_dir):
            directory.mkdir(parents=True, exist_ok=True)

    def closed_warcs(self, crawl_id: str | None = None) -> list[Path]:
        """Closed WARC files in name order (= time order), optionally of one crawl only."""
        found = sorted(self.warc_dir.glob(f"*{WARC_SUFFIX}"))
        if crawl_id is not None:
            found = [path for path in found if parse_name(path.name)["crawl_id"] == crawl_id]
        return found

    def crawl_ids(self) -> list[str]:
        """Ids of the crawls with closed WARC files, oldest first (ids sort by start time)."""
        return sorted({parse_name(path.name)["crawl_id"] for path in self.closed_warcs()})

    def open_warcs(self) -> list[Path]:
        return sorted(self.warc_dir.glob(f"*{WARC_SUFFIX}{OPEN_SUFFIX}"))

    def index_for(self, warc: Path) -> Path:
        """The CDXJ file that indexes one closed WARC file."""
        return self.index_dir / (warc.name.removesuffix(WARC_SUFFIX) + ".cdxj")


def warc_name(prefix: str, serial: int, crawl_id: str, now: datetime | None = None) -> str:
    """Final (closed) name of a WARC file: timestamp to the millisecond, 5-digit serial."""
    now = now or datetime.now(timezone.utc)
    stamp = now.strftime("%Y%m%d%H%M%S%f")[:17]
    return f"{prefix}-{stamp}-{serial:05d}-{crawl_id}{WARC_SUFFIX}"


def parse_name(name: str) -> dict[str, str]:
    """The parts of a WARC file name; a foreign name gives an empty crawl id."""
    match = _NAME.match(name)
    if not match:
        return {"prefix": "", "timestamp": "", "serial": "", "crawl_id": ""}
    return match.groupdict()
