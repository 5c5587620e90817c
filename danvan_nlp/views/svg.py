"""Horizontal stacked bar charts as inline SVG (no script, no external library)."""

from __future__ import annotations

from dataclasses import dataclass

from danvan_nlp.views.page import SERIES_COLOURS, text

_ROW = 22          # height of one bar row, in SVG units
_LABEL = 190       # width kept for the row labels
_WIDTH = 640       # whole chart width
_LEGEND_ROW = 18   # height of one legend row


@dataclass(frozen=True, slots=True)
class StackedBars:
    """Rows (labels) of bars split into series; ``values[row][series]``."""

    title: str
    rows: list[str]
    series: list[str]
    values: list[list[float]]


def stacked_bars_svg(chart: StackedBars) -> str:
    """The chart as an ``<svg>`` element with a legend and an accessible title."""
    top = max(row_total for row_total in map(sum, chart.values)) if chart.values else 0.0
    scale = (_WIDTH - _LABEL - 60) / top if top else 0.0
    legend_rows = (len(chart.series) + 3) // 4
    height = len(chart.rows) * _ROW + legend_rows * _LEGEND_ROW + 12
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
             f'role="img" aria-label="{text(chart.title)}"><title>{text(chart.title)}</title>']
    for index, (label, values) in enumerate(zip(chart.rows, chart.values, strict=True)):
        parts.append(_bar_row(index * _ROW, label, values, scale))
    parts.append(_legend(chart.series, len(chart.rows) * _ROW + 8))
    parts.append("</svg>")
    return "".join(parts)


def _bar_row(y: int, label: str, values: list[float], scale: float) -> str:
    shown = label if len(label) <= 28 else label[:27] + "…"
    out = [f'<text x="{_LABEL - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
           f"{text(shown)}</text>"]
    x = float(_LABEL)
    for number, value in enumerate(values):
        if value <= 0:
            continue
        width = value * scale
        out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{max(width, 1):.1f}" height="{_ROW - 6}" '
                   f'fill="{SERIES_COLOURS[number % len(SERIES_COLOURS)]}">'
                   f"<title>{text(label)}: {value:g}</title></rect>")
        x += width
    out.append(f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="11">{sum(values):g}</text>')
    return "".join(out)


def _legend(series: list[str], y: int) -> str:
    out = []
    for number, name in enumerate(series):
        column, row = number % 4, number // 4
        x, top = 10 + column * 158, y + row * _LEGEND_ROW
        out.append(f'<rect x="{x}" y="{top}" width="12" height="12" '
                   f'fill="{SERIES_COLOURS[number % len(SERIES_COLOURS)]}"/>'
                   f'<text x="{x + 16}" y="{top + 11}" font-size="11">{text(name)}</text>')
    return "".join(out)
