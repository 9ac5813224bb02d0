"""Replay of the archive by pywb: the generated configuration and the URL scheme that every search
result, `show` and `browse` page links into (``http://HOST:PORT/<collection>/<timestamp>/<url>``).

The configuration points pywb at ``warc/`` and ``index/`` where they are (our CDXJ files are
pywb's format): nothing is copied, and a new crawl's files are seen by a running pywb.
"""

from __future__ import annotations

import re
from pathlib import Path

COLLECTION = "mee"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8090  # pywb's own default is 8080, often taken by `replica serve` and proxies
CONFIG_DIR = "replay"  # below the archive root: config.yaml, and pywb's working directory


def replay_base(port: int = DEFAULT_PORT, host: str = DEFAULT_HOST) -> str:
    return f"http://{host}:{port}/{COLLECTION}"


def replay_url(base: str, captured: str | None, url: str) -> str:
    """The replay address of ``url`` as captured at ``captured`` (ISO time; pywb picks the
    nearest capture, so a missing time still replays the latest)."""
    stamp = re.sub(r"\D", "", captured or "")[:14]
    return f"{base.rstrip('/')}/{stamp}/{url}" if stamp else f"{base.rstrip('/')}/{url}"


def write_config(output: Path) -> Path:
    """``<output>/replay/config.yaml`` for one collection over the archive's own directories."""
    root = Path(output).resolve()
    directory = root / CONFIG_DIR
    directory.mkdir(parents=True, exist_ok=True)
    config = directory / "config.yaml"
    config.write_text(
        "# Written by `mee-archive replay`; pywb reads the archive in place (no copies).\n"
        "collections:\n"
        f"  {COLLECTION}:\n"
        f"    index_paths: {root / 'index'}/\n"
        f"    archive_paths: {root / 'warc'}/\n"
        "framed_replay: false\n"
        "enable_memento: true\n", encoding="utf-8")
    return config
