"""Progress reports by period: what the plan's history (plan_history.py) says of each
reporting period (a month, a quarter or a year: ``extra.strategy.reporting_period``).

A report counts each mission's actions by status at the period's end (or the build's
day, for the period still running), names how they moved during it, lists every
progress note of the period, and names the actions nobody has reported on for two
periods. Only periods from the first progress note to the build's day have a report,
so that the number of pages stays that of the plan's real history.

An action is counted from the first day the plan records it (``recorded_since``): a
period that ended before then neither counts it nor names it. It is named as having
no report only once it has existed through the whole of the period before and this
one up to the day counted, with no note in either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .model import Action, Mission, Plan, ProgressNote
from .plan_history import STATUSES, movement, recorded_since, status_on

PERIOD_KINDS = ("month", "quarter", "year")
DEFAULT_PERIOD = "quarter"
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # its last day
    kind: str  # month | quarter | year

    @property
    def slug(self) -> str:
        """Its name in addresses: '2026-q4', '2026-11', '2026'."""
        if self.kind == "quarter":
            return f"{self.start.year}-q{self.number}"
        if self.kind == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        return str(self.start.year)

    @property
    def number(self) -> int:
        """Its place in its year, from 1 (the quarter's or the month's number)."""
        return (self.start.month - 1) // _MONTHS[self.kind] + 1


def period_containing(day: date, kind: str) -> Period:
    months = _MONTHS[kind]
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    following = date(start.year + (first_month + months - 1) // 12, (first_month + months - 1) % 12 + 1, 1)
    return Period(start, following - timedelta(days=1), kind)


def following_period(period: Period) -> Period:
    return period_containing(period.end + timedelta(days=1), period.kind)


def previous_period(period: Period) -> Period:
    return period_containing(period.start - timedelta(days=1), period.kind)


def _notes(plan: Plan):
    return [(mission, action, note) for mission in plan.missions for action in mission.actions
            for note in action.progress]


def reporting_periods(plan: Plan, kind: str, as_of: date) -> tuple[Period, ...]:
    """Every period from the one of the first progress note to the one of ``as_of``, oldest first."""
    first = min((note.date for _, _, note in _notes(plan)), default=None)
    if first is None or first > as_of:
        return ()
    periods = [period_containing(first, kind)]
    while periods[-1].end < as_of:
        periods.append(following_period(periods[-1]))
    return tuple(periods)


@dataclass(frozen=True)
class Moved:
    action: Action
    before: str  # its status at the end of the period before
    after: str  # at the end of this one
    movement: str  # one of MOVEMENTS


@dataclass(frozen=True)
class MissionReport:
    mission: Mission
    counts: dict[str, int]  # status -> actions at the period's end, every status in STATUSES order
    moved: tuple[Moved, ...]  # the actions whose status changed in the period, in the plan's order
    notes: tuple[tuple[Action, ProgressNote], ...]  # the period's progress notes, oldest first
    unreported: tuple[Action, ...]  # not complete, existed since the period before began, and no note since

    def moved_by(self, kind: str) -> int:
        return sum(move.movement == kind for move in self.moved)


@dataclass(frozen=True)
class PeriodReport:
    period: Period
    counted_on: date  # the period's end, or the build's day while the period runs
    missions: tuple[MissionReport, ...]

    @property
    def running(self) -> bool:
        return self.counted_on < self.period.end

    @property
    def note_count(self) -> int:
        return sum(len(mission.notes) for mission in self.missions)

    def moved_by(self, kind: str) -> int:
        return sum(mission.moved_by(kind) for mission in self.missions)


def period_report(plan: Plan, period: Period, as_of: date) -> PeriodReport:
    counted_on = min(period.end, as_of)
    day_before = period.start - timedelta(days=1)
    reported_since = previous_period(period).start
    missions = []
    for mission in plan.missions:
        counts = dict.fromkeys(STATUSES, 0)
        moved, notes, unreported = [], [], []
        for action in mission.actions:
            since = recorded_since(action)
            if since > counted_on:
                continue  # not in the plan yet
            before, after = status_on(action, day_before), status_on(action, counted_on)
            counts[after] += 1
            kind = movement(before, after)
            if kind is not None:
                moved.append(Moved(action, before, after, kind))
            notes += [(action, note) for note in action.progress if period.start <= note.date <= counted_on]
            if after != "complete" and since <= reported_since and not any(reported_since <= note.date <= counted_on for note in action.progress):
                unreported.append(action)
        notes.sort(key=lambda pair: pair[1].date)
        missions.append(MissionReport(mission, counts, tuple(moved), tuple(notes), tuple(unreported)))
    return PeriodReport(period, counted_on, tuple(missions))

