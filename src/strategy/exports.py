"""The delivery plan as open data: JSON and CSV, both languages side by side.

The JSON follows schemas/delivery-plan-export.schema.json, published beside it.
The CSV has one row per action; its columns are CSV_COLUMNS, in that order.
"""

from __future__ import annotations

import csv
import io
import json

from .model import Plan

EXPORT_FORMAT_VERSION = 1

CSV_COLUMNS = (
    "mission_id", "mission_number", "mission_title_en", "mission_title_cy",
    "action_id", "action_en", "action_cy", "owner_id", "owner_en", "owner_cy",
    "timescale", "status", "outcome_ids", "updated",
)

# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _bilingual(text) -> dict[str, str]:
    return {"en": text.en, "cy": text.cy}


def plan_as_data(plan: Plan) -> dict:
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "owners": [{"id": owner.id, "name": _bilingual(owner.name)} for owner in plan.owners],
        "missions": [
            {
                "id": mission.id,
                "number": mission.number,
                "title": _bilingual(mission.title),
                "aim": _bilingual(mission.aim),
                "wellbeing_goals": list(mission.wellbeing_goals),
                "ways_of_working": list(mission.ways_of_working),
                "outcomes": [{"id": o.id, "text": _bilingual(o.text)} for o in mission.outcomes],
                "actions": [
                    {
                        "id": action.id,
                        "text": _bilingual(action.text),
                        "owner": action.owner.id,
                        "timescale": action.timescale,
                        "status": action.status,
                        "outcomes": list(action.outcome_ids),
                        "updated": action.updated.isoformat(),
                        "progress": [{"date": n.date.isoformat(), "note": _bilingual(n.note),
                                      **({"status": n.status} if n.status else {})} for n in action.progress],
                    }
                    for action in mission.actions
                ],
                **({"feedback": [{"theme": _bilingual(f.theme), "response": _bilingual(f.response)}
                                 for f in mission.feedback]} if mission.feedback else {}),
            }
            for mission in plan.missions
        ],
    }


def plan_json(plan: Plan) -> str:
    return json.dumps(plan_as_data(plan), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def read_cell(text: str) -> str:
    """The value a CSV cell was written from (undoes the formula guard)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_STARTS) else text


# A byte-order mark first: without it, Excel on Windows reads UTF-8 as the local
# code page and shows ŵ as "Åµ". Python's "utf-8-sig" and most tools skip it.
BYTE_ORDER_MARK = "\ufeff"


def plan_csv(plan: Plan) -> str:
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for mission in plan.missions:
        for action in mission.actions:
            writer.writerow(_cell(value) for value in (
                mission.id, mission.number, mission.title.en, mission.title.cy,
                action.id, action.text.en, action.text.cy, action.owner.id, action.owner.name.en, action.owner.name.cy,
                action.timescale, action.status, " ".join(action.outcome_ids), action.updated.isoformat(),
            ))
    return out.getvalue()
