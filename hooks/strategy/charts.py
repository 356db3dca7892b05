"""Progress charts drawn at build time as inline SVG, with the numbers as text beside them."""

from __future__ import annotations

from collections import Counter

from .catalogue import translate
from .escape import html_text
from .model import Mission

STATUS_ORDER = ("complete", "in-progress", "delayed", "not-started")
CHART_WIDTH = 300
CHART_HEIGHT = 20


def status_counts(mission: Mission) -> dict[str, int]:
    counted = Counter(action.status for action in mission.actions)
    return {status: counted.get(status, 0) for status in STATUS_ORDER}


def progress_chart(mission: Mission, language: str) -> str:
    """A stacked bar of the mission's actions by status, described for screen readers."""
    counts = status_counts(mission)
    total = sum(counts.values())
    title = translate("plan.chart_title", language, number=mission.number, title=mission.title.in_language(language))
    described = ", ".join(f"{translate(f'status.{status}', language)}: {count}" for status, count in counts.items())
    description = translate("plan.chart_description", language, total=total, counts=described)
    ident = f"chart-{mission.id}"

    bars, x = [], 0.0
    for status, count in counts.items():
        if not count:
            continue
        width = CHART_WIDTH * count / total
        bars.append(f'<rect class="strategy-chart__bar strategy-chart__bar--{status}" x="{x:.2f}" y="0" '
                    f'width="{width:.2f}" height="{CHART_HEIGHT}"/>')
        x += width
    legend = "".join(
        f'<li><span class="strategy-swatch strategy-swatch--{status}" aria-hidden="true"></span>'
        f'{html_text(translate(f"status.{status}", language))}: {count}</li>'
        for status, count in counts.items()
    )
    return (
        f'<div class="strategy-progress">'
        f'<svg class="strategy-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" preserveAspectRatio="none" '
        f'aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{html_text(title)}</title>'
        f'<desc id="{ident}-desc">{html_text(description)}</desc>'
        f'{"".join(bars)}</svg>'
        f'<ul class="strategy-chart__legend">{legend}</ul>'
        f'</div>'
    )
