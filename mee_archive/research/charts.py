"""Charts of the archive as inline SVG, computed and drawn server-side (no JavaScript, no CDN):
releases per month, the share of releases linked per year, days from original to release."""

from __future__ import annotations

import sqlite3
from xml.sax.saxutils import escape

WIDTH, HEIGHT, PAD = 760, 220, 40


def bar_svg(title: str, labels: list[str], values: list[float], unit: str = "") -> str:
    """A bar chart; every bar carries its label and value as a tooltip."""
    top = max(values, default=0) or 1
    step = (WIDTH - 2 * PAD) / max(len(values), 1)
    bars = []
    for i, (label, value) in enumerate(zip(labels, values)):
        h = (HEIGHT - 2 * PAD) * value / top
        x, y = PAD + i * step, HEIGHT - PAD - h
        bars.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(step - 1, 1):.1f}" height="{h:.1f}" fill="#3a6ea5">'
                    f"<title>{escape(label)}: {value:g}{unit}</title></rect>")
    ticks = [f'<text x="{PAD + i * step:.1f}" y="{HEIGHT - PAD + 14}" font-size="10">{escape(label)}</text>'
             for i, label in enumerate(labels) if i % max(len(labels) // 12, 1) == 0]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" width="{WIDTH}" '
            f'height="{HEIGHT}"><text x="{PAD}" y="20" font-size="14">{escape(title)}</text>'
            f'<text x="4" y="{PAD}" font-size="10">{top:g}{unit}</text>'
            f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#555"/>'
            + "".join(bars) + "".join(ticks) + "</svg>")


def charts(db: sqlite3.Connection) -> list[str]:
    """The three charts of the browse page."""
    months = db.execute("SELECT month, count(*) FROM releases WHERE month IS NOT NULL GROUP BY month ORDER BY month").fetchall()
    years = db.execute("""SELECT r.year, 100.0 * sum(l.zh_status = 'linked') / count(*) FROM releases r
        LEFT JOIN links l ON l.url = r.url WHERE r.year IS NOT NULL GROUP BY r.year ORDER BY r.year""").fetchall()
    gaps = db.execute("""SELECT l.gap_days, count(*) FROM links l WHERE l.zh_status = 'linked'
        AND l.gap_days IS NOT NULL GROUP BY l.gap_days ORDER BY l.gap_days""").fetchall()
    return [
        bar_svg("Releases per month", [m for m, _ in months], [n for _, n in months]),
        bar_svg("Share of releases linked to a Chinese original, per year", [str(y) for y, _ in years],
                [round(s or 0, 1) for _, s in years], "%"),
        bar_svg("Days from the Chinese original to the English release (linked pairs)",
                [str(d) for d, _ in gaps], [n for _, n in gaps]),
    ]
