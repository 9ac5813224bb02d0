"""The PNG chart of benchmarks/run.py: one panel per section that has figures to compare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: files only
import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)


def _number(cell: str) -> float | None:
    try:
        return float(cell.rstrip("×"))
    except ValueError:
        return None


def _column(table: Any, name: str) -> list[float | None]:
    index = table.columns.index(name)
    return [_number(row[index]) for row in table.rows]


def _crawl(axis: Any, table: Any) -> None:
    names = [row[0].split(" (")[0] for row in table.rows]
    walls = [w or 0.0 for w in _column(table, "wall s")]
    axis.barh(names, walls, color="#4c72b0")
    axis.invert_yaxis()
    axis.set_xlabel("wall s, same URL list (less is better)")
    axis.set_title("1. crawl and archive", loc="left")


def _scaling(axis: Any, table: Any) -> None:
    releases = _column(table, "releases")
    axis.plot(releases, _column(table, "ms / page"), "o-", label="ms / page (wall)")
    axis.set_xscale("log")
    axis.set_xlabel("releases in the replica")
    axis.set_ylabel("ms / page")
    twin = axis.twinx()
    twin.plot(releases, _column(table, "peak RSS MB"), "s--", color="#c44e52", label="peak RSS MB")
    twin.set_ylabel("peak RSS MB")
    twin.set_ylim(bottom=0)
    axis.set_ylim(bottom=0)
    axis.set_title("2. scaling", loc="left")
    axis.legend(loc="lower left")
    twin.legend(loc="lower right")


def _extraction(axis: Any, table: Any) -> None:
    groups = list(dict.fromkeys(row[2] for row in table.rows))
    extractors = list(dict.fromkeys(row[0] for row in table.rows))
    width = 0.8 / len(extractors)
    for i, extractor in enumerate(extractors):
        speed = {row[2]: _number(row[3]) or 0.0 for row in table.rows if row[0] == extractor}
        axis.bar([g + i * width for g in range(len(groups))], [speed.get(g, 0.0) for g in groups], width,
                 label=extractor)
    axis.set_yscale("log")
    axis.set_xticks([g + width * (len(extractors) - 1) / 2 for g in range(len(groups))])
    axis.set_xticklabels([g.replace("replica ", "") for g in groups], rotation=30, ha="right", fontsize=8)
    axis.set_ylabel("pages/s (CPU, log)")
    axis.set_title("3. extraction", loc="left")
    axis.legend(fontsize=8)


PANELS = {"1.": _crawl, "2.": _scaling, "3.": _extraction}


def draw(tables: list[Any], path: Path, title: str) -> None:
    """Write the chart of the tables that have a panel; nothing to draw, no file."""
    drawn = [(PANELS[t.title[:2]], t) for t in tables if t.title[:2] in PANELS and t.rows]
    if not drawn:
        return
    figure, axes = plt.subplots(len(drawn), 1, figsize=(9, 3.6 * len(drawn)), squeeze=False)
    for axis, (panel, table) in zip(axes[:, 0], drawn):
        panel(axis, table)
    figure.suptitle(title)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
