"""The delivery plan over time, from the plan itself (not from git): each action's
status on any date, from the progress notes that say what status it moved to, and
the checks that keep that history and the action's own status telling one story.

A progress note may carry ``status:``, the status the action moved to on that date.
An action starts not started; each such note moves it on. An action none of whose
notes gives a status has had its status since its ``updated`` date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .model import Action, Mission, Plan, ProgressNote
from .problems import Problem, phrase, position
from .yamltext import YamlDocument

NOT_STARTED = "not-started"
STATUSES = ("not-started", "in-progress", "delayed", "complete")


def status_changes(action: Action) -> tuple[tuple[date, str], ...]:
    """(date, the status it moved to) for each change of the action's status, oldest first."""
    changes = tuple((note.date, note.status) for note in action.progress if note.status)
    if changes:
        return changes
    return () if action.status == NOT_STARTED else ((action.updated, action.status),)


def recorded_since(action: Action) -> date:
    """The first day the plan records the action: its earliest progress note, or its
    ``updated`` date when that is earlier (or it has no note). The plan has no date on
    which an action was added, so reports count an action from this day on, never before."""
    return min([action.updated, *(note.date for note in action.progress)])


def plan_last_updated(plan: Plan) -> date | None:
    """The day the plan last changed: its latest recorded change, action ``updated`` or progress note."""
    days = [change.date for change in plan.changes]
    days += [day for mission in plan.missions for action in mission.actions
             for day in (action.updated, *(note.date for note in action.progress))]
    return max(days, default=None)


def status_on(action: Action, day: date) -> str:
    """The action's status at the end of ``day``."""
    status = NOT_STARTED
    for changed, moved_to in status_changes(action):
        if changed > day:
            break
        status = moved_to
    return status


@dataclass(frozen=True)
class HistoryEntry:
    """What the plan records of one action on one day: its progress notes, or a change of status, or both."""

    day: date
    mission: Mission
    action: Action
    status: str  # at the end of the day
    previous_status: str  # the day before: a change of status when it differs
    notes: tuple[ProgressNote, ...]  # the day's notes, in the plan's order

    @property
    def changed(self) -> bool:
        return self.status != self.previous_status


def history_entries(plan: Plan) -> list[HistoryEntry]:
    """One entry per action and day on which a note or a change of status is recorded,
    oldest first, in the plan's order within a day."""
    entries = []
    for mission in plan.missions:
        for action in mission.actions:
            days = sorted({note.date for note in action.progress} | {day for day, _ in status_changes(action)})
            entries += [HistoryEntry(day, mission, action, status_on(action, day),
                                     status_on(action, day - timedelta(days=1)),
                                     tuple(note for note in action.progress if note.date == day))
                        for day in days]
    entries.sort(key=lambda entry: entry.day)  # stable: the plan's order within a day
    return entries


# How an action moved between two dates, named by where it ended (each action that
# moved counts once): a delayed action that is complete counts as completed.
STARTED, COMPLETED, DELAYED, RECOVERED = "started", "completed", "delayed", "recovered"
MOVEMENTS = (STARTED, COMPLETED, DELAYED, RECOVERED)


def movement(before: str, after: str) -> str | None:
    """How an action whose status was ``before`` and is now ``after`` moved, or None if it did not."""
    if before == after:
        return None
    if after == "complete":
        return COMPLETED
    if after == "delayed":
        return DELAYED
    if after == "in-progress":
        return RECOVERED if before == "delayed" else STARTED
    return None  # back to not started: no movement a report counts


# --- the checks, on the plan as written (so that each problem names its line) ---


def _day(value: object) -> date | None:
    """A date as the plan writes it, or None when it is not one (the schema reports that)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _listed(parent: object, name: str) -> list[tuple[int, dict]]:
    items = parent.get(name) if isinstance(parent, dict) else None
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)] if isinstance(items, list) else []


def history_problems(document: YamlDocument, file: str, as_of: date | None) -> list[Problem]:
    """Each action's progress notes are oldest first and none is dated after ``as_of`` (the
    build's day; None: not checked); each note's status is a move from the status before
    it; the action's status is its latest status-giving note's, and it was not last
    updated before that note."""
    data, problems = document.data, []

    def problem(path, expected, found):
        problems.append(Problem(file, document.line_of(path), position(path, data), expected, found))

    for m_index, mission in _listed(data, "missions"):
        for a_index, action in _listed(mission, "actions"):
            base = ("missions", m_index, "actions", a_index)
            latest_day, latest_status, status_path, status_day = None, NOT_STARTED, None, None
            updated = _day(action.get("updated"))
            if as_of is not None and updated is not None and updated > as_of:
                problem(base + ("updated",), phrase("expected.not_after_build", day=as_of),
                        phrase("found.future_day", day=updated))
            for n_index, note in _listed(action, "progress"):
                path = base + ("progress", n_index)
                day = _day(note.get("date"))
                if day is None:
                    continue
                if as_of is not None and day > as_of:
                    problem(path + ("date",), phrase("expected.not_after_build", day=as_of),
                            phrase("found.future_day", day=day))
                if latest_day is not None and day < latest_day:
                    problem(path + ("date",), phrase("expected.notes_in_order", day=latest_day),
                            phrase("found.earlier_day", day=day))
                latest_day = max(day, latest_day or day)
                status = note.get("status")
                if status not in STATUSES:
                    continue  # none, or one the schema refuses
                if status == latest_status:
                    since = (phrase("found.status_since", status=status, line=document.line_of(status_path))
                             if status_path else phrase("found.status_from_start", status=status))
                    problem(path + ("status",), phrase("expected.status_move"), since)
                latest_status, status_path, status_day = status, path + ("status",), day
            if status_path is not None and updated is not None and updated < status_day:
                problem(base + ("updated",), phrase("expected.updated_after_note", day=status_day,
                                                    line=document.line_of(status_path)),
                        phrase("found.earlier_day", day=updated))
            stated = action.get("status")
            if status_path is not None and stated in STATUSES and stated != latest_status:
                problem(base + ("status",), phrase("expected.status_of_latest_note", status=latest_status,
                                                   line=document.line_of(status_path)), f"'{stated}'")
    return problems
