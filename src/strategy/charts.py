"""Progress charts: how a mission's actions stand, as numbers and as the bars of a stacked
chart; and how they stood period by period, as the stacked columns of a trend chart.

Both are drawn at build time as inline SVG by their templates
(``theme/partials/strategy/progress-chart.html``, ``progress-trend.html``), with the
numbers as text beside them.
"""

from __future__ import annotations

from collections import Counter

from .model import Mission

STATUS_ORDER = ("complete", "in-progress", "delayed", "not-started")
CHART_WIDTH = 300
CHART_HEIGHT = 20


def status_counts(mission: Mission) -> dict[str, int]:
    counted = Counter(action.status for action in mission.actions)
    return {status: counted.get(status, 0) for status in STATUS_ORDER}


def progress_bars(counts: dict[str, int]) -> tuple[tuple[str, float, float], ...]:
    """(status, x, width) of each status with actions, side by side across CHART_WIDTH."""
    total = sum(counts.values())
    bars, x = [], 0.0
    for status, count in counts.items():
        if count:
            width = CHART_WIDTH * count / total
            bars.append((status, x, width))
            x += width
    return tuple(bars)


# --- the trend: a stacked column of actions by status for each reporting period ---

TREND_COLUMN_WIDTH = 24
TREND_GAP = 16
TREND_HEIGHT = 120  # the tallest column: the period with the most actions
TREND_LABEL_HEIGHT = 16  # below the columns, each period's short name


def trend_width(columns: int) -> int:
    return TREND_GAP + columns * (TREND_COLUMN_WIDTH + TREND_GAP)


def trend_column(counts: dict[str, int], tallest: int, x: float) -> tuple[tuple[str, float, float, str], ...]:
    """(status, y, height, hatching) of each status with actions in the column at ``x``, stacked
    from the foot of the chart in STATUS_ORDER (complete lowest), scaled so that ``tallest``
    actions fill TREND_HEIGHT."""
    segments, top = [], float(TREND_HEIGHT)
    for status in STATUS_ORDER:
        if counts.get(status):
            height = TREND_HEIGHT * counts[status] / tallest
            top -= height
            segments.append((status, top, height, hatch_path(status, x, top, TREND_COLUMN_WIDTH, height)))
    return tuple(segments)


# Each status's texture, so that the chart reads without its colours (forced colours, grey
# print): complete is solid, in progress hatched one way, delayed cross-hatched, and not
# started plain. Drawn as lines within each bar (no SVG pattern: the page's markup stays
# within the few SVG elements safe_html.py allows).
HATCHES = {"complete": (), "in-progress": ("/",), "delayed": ("/", "\\"), "not-started": ()}
HATCH_SPACING = 5.0


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def hatch_path(status: str, x: float, y: float, width: float, height: float) -> str:
    """The path data (``d``) of the status's hatching within the rectangle; '' for none."""
    lines = []
    for direction in HATCHES[status]:
        c = HATCH_SPACING
        while c < width + height:
            if direction == "/":  # bottom left to top right: px + py = c, in the rectangle's own coordinates
                start, end = max(0.0, c - height), min(width, c)
                points = ((start, c - start), (end, c - end))
            else:  # top left to bottom right: px - py = c - height
                offset = c - height
                start, end = max(0.0, offset), min(width, offset + height)
                points = ((start, start - offset), (end, end - offset))
            if end - start > 0.01:
                (x1, y1), (x2, y2) = points
                lines.append(f"M{_number(x + x1)} {_number(y + y1)}L{_number(x + x2)} {_number(y + y2)}")
            c += HATCH_SPACING
    return "".join(lines)
