"""The views of the progress reports' blocks (progress_reports.py): plain values in the page's language.

Each function takes the page a block is placed on and returns what its template
(``theme/partials/strategy/<block>.html``) prints, or None when there is nothing to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_date

from .catalogue import translate
from .charts import (STATUS_ORDER, TREND_COLUMN_WIDTH, TREND_GAP, TREND_HEIGHT, TREND_LABEL_HEIGHT, hatch_path,
                     trend_column, trend_width)
from .dates import BABEL_LOCALES, long_date
from .model import Action
from .plan_history import MOVEMENTS, STATUSES
from .progress_reports import Period, PeriodReport, period_report
from .urls import HISTORY_FILES, PLAN_UPDATES_ANCHOR, SUBSCRIBE_PAGE, progress_index_path, progress_report_path
from .views_common import Day, MissionName, Page, UnknownName, mission_name


def period_name(period: Period, language: str) -> str:
    """'Quarter 4 of 2026', 'November 2026', '2026' (in the page's language)."""
    if period.kind == "month":
        return format_date(period.start, "LLLL y", locale=BABEL_LOCALES[language])
    return translate(f"progress.period.{period.kind}", language, number=period.number, year=period.start.year)


def period_short_name(period: Period, language: str) -> str:
    """'Q4 2026', 'Nov 2026', '2026': a period's name under its column of the trend chart."""
    if period.kind == "month":
        return format_date(period.start, "LLL y", locale=BABEL_LOCALES[language])
    return translate(f"progress.period_short.{period.kind}", language, number=period.number, year=period.start.year)


def report_title(period: Period, language: str) -> str:
    """A report's page title."""
    return translate("progress.report_title", language, period=period_name(period, language))


def period_dates(period: Period, language: str) -> str:
    return translate("progress.dates", language, start=long_date(period.start, language),
                     end=long_date(period.end, language))


@dataclass(frozen=True)
class ReportLink:
    title: str  # 'Quarter 4 of 2026'
    dates: str  # '1 October 2026 to 31 December 2026'
    href: str


def _link(page: Page, period: Period) -> ReportLink:
    return ReportLink(period_name(period, page.language), period_dates(period, page.language),
                      page.link_to(progress_report_path(period.slug)))


def latest_progress_report(page: Page) -> dict | None:
    """A link to the newest report and to all of them (home and delivery plan pages); None before the first note."""
    periods = page.publication.progress_periods
    if not periods:
        return None
    return {"latest": _link(page, periods[-1]), "index": page.link_to(progress_index_path())}


def plan_updates_link(page: Page) -> str:
    """The plan-updates feed's row on the subscribe page, where its addresses are to copy."""
    return page.link_to(SUBSCRIBE_PAGE) + "#" + PLAN_UPDATES_ANCHOR


@dataclass(frozen=True)
class ReportRow:
    link: ReportLink
    notes: int
    moved: list[tuple[str, int]]  # (movement, actions), in MOVEMENTS order
    running: bool  # the period has not ended yet


def progress_reports(page: Page) -> dict:
    """Every period's report, newest first, with how much happened in it."""
    publication = page.publication
    rows = []
    for period in reversed(publication.progress_periods):
        report = period_report(publication.content.plan, period, publication.as_of)
        rows.append(ReportRow(_link(page, period), report.note_count,
                              [(kind, report.moved_by(kind)) for kind in MOVEMENTS], report.running))
    return {"reports": rows, "movements": MOVEMENTS, "plan_updates": plan_updates_link(page),
            "trend": plan_trend(page), "trend_key": trend_key(),
            "history": {kind: page.link_to_file(path) for kind, path in HISTORY_FILES.items()}}


@dataclass(frozen=True)
class ActionName:
    text: str
    owner: str


@dataclass(frozen=True)
class MovedRow:
    action: ActionName
    movement: str
    before: str  # statuses, as catalogue keys' suffixes
    after: str


@dataclass(frozen=True)
class NoteRow:
    action: ActionName
    date: Day
    text: str
    status: str | None  # the status the note moved the action to, if it says


@dataclass(frozen=True)
class MissionSection:
    mission: MissionName
    counts: list[tuple[str, int]]  # (status, actions at the period's end), in STATUSES order
    moved_counts: list[tuple[str, int]]  # (movement, actions), in MOVEMENTS order
    moved: list[MovedRow]
    notes: list[NoteRow]
    unreported: list[ActionName]


def _action(page: Page, action: Action) -> ActionName:
    return ActionName(page.text(action.text), page.text(action.owner.name))


def progress_report(page: Page, slug: str) -> dict:
    """The report of the period ``slug`` names: the plan's counts and movements, then each mission's part."""
    publication = page.publication
    periods = publication.progress_periods
    index = next((i for i, period in enumerate(periods) if period.slug == slug), None)
    if index is None:
        raise UnknownName(slug)
    report: PeriodReport = period_report(publication.content.plan, periods[index], publication.as_of)
    sections = [MissionSection(
        mission_name(page, part.mission),
        [(status, part.counts[status]) for status in STATUSES],
        [(kind, part.moved_by(kind)) for kind in MOVEMENTS],
        [MovedRow(_action(page, move.action), move.movement, move.before, move.after) for move in part.moved],
        [NoteRow(_action(page, action), page.day(note.date), page.text(note.note), note.status)
         for action, note in part.notes],
        [_action(page, action) for action in part.unreported],
    ) for part in report.missions]
    return {
        "title": period_name(report.period, page.language),
        "dates": period_dates(report.period, page.language),
        "counted_on": page.day(report.counted_on),
        "running": report.running,
        "statuses": STATUSES,
        "movements": MOVEMENTS,
        "totals": [(status, sum(dict(s.counts)[status] for s in sections)) for status in STATUSES],
        "moved_totals": [(kind, report.moved_by(kind)) for kind in MOVEMENTS],
        "missions": sections,
        "earlier": _link(page, periods[index - 1]) if index > 0 else None,
        "later": _link(page, periods[index + 1]) if index + 1 < len(periods) else None,
        "index": page.link_to(progress_index_path()),
        "plan_updates": plan_updates_link(page),
    }


# --- the trend: each period's counts by status, for the whole plan and each mission ---


@dataclass(frozen=True)
class TrendColumn:
    label: str  # the period's short name
    x: int  # the column's left edge, in the chart's coordinates
    segments: tuple[tuple[str, float, float, str], ...]  # (status, y, height, hatching), charts.trend_column
    width: int = TREND_COLUMN_WIDTH


@dataclass(frozen=True)
class TrendRow:
    slug: str
    period: str  # its name in full: 'Quarter 4 of 2026'
    counts: list[tuple[str, int]]  # (status, actions at the period's end), in STATUSES order


@dataclass(frozen=True)
class TrendChart:
    id: str  # 'trend-plan', 'trend-digital-skills': the section's heading and the chart's patterns
    mission: str  # its id, or '' for the whole plan
    name: str  # 'The whole plan', 'Mission 2: Digital inclusion'
    summary: str  # the first and latest periods' counts, in words
    columns: list[TrendColumn]
    rows: list[TrendRow]  # the chart's data, oldest first: each period's counts, as its report gives them
    width: int
    height: int


def _counted(counts: list[tuple[str, int]], language: str) -> str:
    return ", ".join(f"{translate(f'status.{status}', language)}: {count}" for status, count in counts)


def _trend_chart(page: Page, chart_id: str, mission_id: str, name: str,
                 periods: list[tuple[Period, PeriodReport, dict[str, int]]], tallest: int) -> TrendChart:
    language = page.language
    rows = [TrendRow(period.slug, period_name(period, language), [(status, counts[status]) for status in STATUSES])
            for period, _, counts in periods]
    columns = []
    for index, (period, _, counts) in enumerate(periods):
        x = TREND_GAP + index * (TREND_COLUMN_WIDTH + TREND_GAP)
        columns.append(TrendColumn(period_short_name(period, language), x, trend_column(counts, tallest, x)))
    summary = translate("progress.trend_summary", language, day=long_date(periods[-1][1].counted_on, language),
                        first=rows[0].period, first_counts=_counted(rows[0].counts, language),
                        last=rows[-1].period, last_counts=_counted(rows[-1].counts, language))
    return TrendChart(chart_id, mission_id, name, summary, columns, rows, trend_width(len(periods)),
                      TREND_HEIGHT + TREND_LABEL_HEIGHT)


SWATCH = 12


def trend_key() -> list[tuple[str, str]]:
    """(status, its hatching in a SWATCH-sized square) for each status, in the chart's order."""
    return [(status, hatch_path(status, 0, 0, SWATCH, SWATCH)) for status in STATUS_ORDER]


def plan_trend(page: Page) -> list[TrendChart]:
    """A trend chart for the whole plan, then one per mission: each period's counts by status
    at its end (the period's report's own counts), oldest first. None before the first report."""
    publication = page.publication
    reports = [(period, period_report(publication.content.plan, period, publication.as_of))
               for period in publication.progress_periods]
    if not reports:
        return []
    whole = [(period, report, {status: sum(part.counts[status] for part in report.missions) for status in STATUSES})
             for period, report in reports]
    tallest = max(1, *(sum(counts.values()) for _, _, counts in whole))
    charts = [_trend_chart(page, "trend-plan", "", translate("progress.whole_plan", page.language), whole, tallest)]
    for index, mission in enumerate(publication.content.plan.missions):
        parts = [(period, report, report.missions[index].counts) for period, report in reports]
        name = mission_name(page, mission)
        charts.append(_trend_chart(page, f"trend-{mission.id}", mission.id,
                                   translate("plan.mission_heading", page.language, number=name.number, title=name.title),
                                   parts, max(1, *(sum(counts.values()) for _, _, counts in parts))))
    return charts
