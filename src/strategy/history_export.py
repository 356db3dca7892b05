"""The plan's history as open data: one row per action and date on which something was
recorded (a progress note, a change of status), in CSV (with a byte order mark) and in
JSON following schemas/plan-history-export.schema.json, published beside them.
"""

from __future__ import annotations

import csv
import io
import json

from .exports import BYTE_ORDER_MARK, _cell
from .model import Plan
from .plan_history import history_entries

HISTORY_FORMAT_VERSION = 1

HISTORY_COLUMNS = ("date", "mission_id", "action_id", "owner_id", "status", "previous_status", "note_en", "note_cy")


def history_rows(plan: Plan) -> list[dict]:
    """Oldest first, then in the plan's order: each action's status at the end of the day,
    the status it had the day before, and the day's progress notes (joined by a blank line)."""
    return [{
        "date": entry.day.isoformat(), "mission_id": entry.mission.id, "action_id": entry.action.id,
        "owner_id": entry.action.owner.id, "status": entry.status, "previous_status": entry.previous_status,
        "note": {language: "\n\n".join(note.note.in_language(language) for note in entry.notes)
                 for language in ("en", "cy")} if entry.notes else None,
    } for entry in history_entries(plan)]


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
