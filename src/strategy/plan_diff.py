"""What changed in the delivery plan since an earlier published version.

The earlier plan is that version's open data export (data/published/*.json,
saved when the version was released), so the comparison needs no network and
no git history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import jsonschema

from .exports import plan_as_data
from .model import Plan, Text
from .problems import ContentError, Problem, describe, phrase, position
from .schemas import SCHEMA_DIR
from .yamltext import read_text

ADDED, REMOVED, REWORDED, STATUS = "added", "removed", "reworded", "status"


@dataclass(frozen=True)
class EarlierPlan:
    title: Text  # the version's name, such as "Consultation draft" / "Drafft ymgynghori"
    data: dict  # its export, as in schemas/delivery-plan-export.schema.json


@dataclass(frozen=True)
class PlanChange:
    change: str  # added | removed | reworded | status
    item: str  # outcome | action
    id: str
    mission: Text
    before: Text | None = None  # the text (or, for a status change, the status) before
    after: Text | None = None


def load_earlier_plan(version) -> EarlierPlan:
    """From ``extra.strategy.compare_with`` in mkdocs.yml (a site_options.EarlierVersion).
    Raises ContentError when the file is missing or is not a delivery plan export."""
    file, path = version.name, version.file
    expected = phrase("expected.export")
    if not path.is_file():
        raise ContentError([Problem(file, None, "", phrase("expected.export_named"), phrase("found.no_such_file"))])
    text, problems = read_text(path, file)
    if text is None:
        raise ContentError(problems)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ContentError([Problem(file, error.lineno, "", phrase("expected.export_json"),
                                    phrase("found.syntax_error", reason=error.msg))]) from None
    schema = json.loads((SCHEMA_DIR / "delivery-plan-export.schema.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if errors:
        raise ContentError([Problem(file, None, position(e.absolute_path, data), expected, describe(e.instance))
                            for e in errors])
    return EarlierPlan(version.title, data)


def _items(missions) -> dict[tuple[str, str], tuple[Text, Text, str | None]]:
    """(kind, id) -> (mission title, text, status) for every outcome and action."""
    found = {}
    for mission in missions:
        title = Text(**mission["title"])
        for outcome in mission["outcomes"]:
            found[("outcome", outcome["id"])] = (title, Text(**outcome["text"]), None)
        for action in mission["actions"]:
            found[("action", action["id"])] = (title, Text(**action["text"]), action["status"])
    return found


def compare(earlier: dict, current: Plan) -> list[PlanChange]:
    before, after = _items(earlier["missions"]), _items(plan_as_data(current)["missions"])
    changes = []
    for key, (mission, text, status) in after.items():
        if key not in before:
            changes.append(PlanChange(ADDED, key[0], key[1], mission, after=text))
            continue
        _, old_text, old_status = before[key]
        if old_text != text:
            changes.append(PlanChange(REWORDED, key[0], key[1], mission, before=old_text, after=text))
        if old_status != status:
            changes.append(PlanChange(STATUS, key[0], key[1], mission,
                                      before=Text(old_status, old_status), after=Text(status, status)))
    for key, (mission, text, _) in before.items():
        if key not in after:
            changes.append(PlanChange(REMOVED, key[0], key[1], mission, before=text))
    return changes
