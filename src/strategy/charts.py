"""Progress charts: how a mission's actions stand, as numbers and as the bars of a stacked chart.

The chart is drawn at build time as inline SVG by its template
(``theme/partials/strategy/progress-chart.html``), with the numbers as text beside it.
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
