"""The plan's history as open data: one row per action and date on which something was
recorded (a progress note, a change of status), in CSV (with a byte order mark) and in
JSON following schemas/plan-history-export.schema.json, published beside them.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

from .exports import BYTE_ORDER_MARK, _cell
from .model import Plan
from .plan_history import status_changes, status_on

HISTORY_FORMAT_VERSION = 1

HISTORY_COLUMNS = ("date", "mission_id", "action_id", "owner_id", "status", "previous_status", "note_en", "note_cy")


def history_rows(plan: Plan) -> list[dict]:
    """Oldest first, then in the plan's order: each action's status at the end of the day,
    the status it had the day before, and the day's progress notes (joined by a blank line)."""
    rows = []
    for mission in plan.missions:
        for action in mission.actions:
            days = sorted({note.date for note in action.progress} | {day for day, _ in status_changes(action)})
            for day in days:
                notes = [note.note for note in action.progress if note.date == day]
                rows.append({
                    "date": day.isoformat(), "mission_id": mission.id, "action_id": action.id,
                    "owner_id": action.owner.id, "status": status_on(action, day),
                    "previous_status": status_on(action, day - timedelta(days=1)),
                    "note": {"en": "\n\n".join(n.en for n in notes), "cy": "\n\n".join(n.cy for n in notes)} if notes else None,
                })
    rows.sort(key=lambda row: row["date"])  # stable: the plan's order within a day
    return rows


def history_json(plan: Plan) -> str:
    data = {"format_version": HISTORY_FORMAT_VERSION, "rows": history_rows(plan)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def history_csv(plan: Plan) -> str:
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HISTORY_COLUMNS)
    for row in history_rows(plan):
        note = row["note"] or {"en": "", "cy": ""}
        writer.writerow(_cell(value) for value in (
            row["date"], row["mission_id"], row["action_id"], row["owner_id"], row["status"], row["previous_status"],
            note["en"], note["cy"]))
    return out.getvalue()
