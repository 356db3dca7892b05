"""Loading and checking the delivery plan (data/plan.yaml): its schema, its values,
and the links between its owners, outcomes and actions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from . import schemas
from .model import Action, Change, Feedback, Mission, Outcome, Owner, Plan, ProgressNote, Text
from .plan_translation import plan_texts
from .problems import Problem
from .values import control_character_problems
from .yamltext import YamlDocument, parse_yaml, read_text


def load_plan(root: Path, plan_file: str, problems: list[Problem]) -> Plan | None:
    """The delivery plan in ``plan_file``, or None with its problems added to ``problems``."""
    path = root / plan_file
    if not path.is_file():
        problems.append(Problem(plan_file, None, "", "the delivery plan file", "no such file"))
        return None
    text, found = read_text(path, plan_file)
    document, more = parse_yaml(text, plan_file) if text is not None else (None, [])
    problems.extend(found + more)
    if document is None:
        return None
    schema_problems = schemas.check("plan", document, plan_file) + control_character_problems(document, plan_file)
    problems.extend(schema_problems)
    if schema_problems:
        return None
    link_problems = _check_plan_links(document, plan_file)
    problems.extend(link_problems)
    if link_problems:
        return None
    return replace(_build_plan(document.data), translations=plan_texts(document, plan_file))


def _check_plan_links(document: YamlDocument, file: str) -> list[Problem]:
    """Ids are unique, and every owner and outcome an action names exists."""
    data, problems = document.data, []

    def duplicate(path, kind, value):
        problems.append(Problem(file, document.line_of(path), ".".join(map(str, path)),
                                f"a {kind} id used only once", f"'{value}' used again"))

    owner_ids = set()
    for index, owner in enumerate(data["owners"]):
        if owner["id"] in owner_ids:
            duplicate(("owners", index, "id"), "owner", owner["id"])
        owner_ids.add(owner["id"])

    seen_ids: set[str] = set()  # missions, outcomes and actions share one space of ids
    for m_index, mission in enumerate(data["missions"]):
        if mission["id"] in seen_ids:
            duplicate(("missions", m_index, "id"), "mission", mission["id"])
        seen_ids.add(mission["id"])
        outcome_ids = set()
        for o_index, outcome in enumerate(mission["outcomes"]):
            if outcome["id"] in seen_ids:
                duplicate(("missions", m_index, "outcomes", o_index, "id"), "outcome", outcome["id"])
            seen_ids.add(outcome["id"])
            outcome_ids.add(outcome["id"])
        for a_index, action in enumerate(mission["actions"]):
            base = ("missions", m_index, "actions", a_index)
            if action["id"] in seen_ids:
                duplicate(base + ("id",), "action", action["id"])
            seen_ids.add(action["id"])
            if action["owner"] not in owner_ids:
                problems.append(Problem(file, document.line_of(base + ("owner",)), ".".join(map(str, base + ("owner",))),
                                        f"the id of an owner listed under 'owners' ({', '.join(sorted(owner_ids))})",
                                        f"unknown owner '{action['owner']}'"))
            for i, outcome_id in enumerate(action["outcomes"]):
                if outcome_id not in outcome_ids:
                    path = base + ("outcomes", i)
                    problems.append(Problem(file, document.line_of(path), ".".join(map(str, path)),
                                            f"the id of an outcome of mission '{mission['id']}' ({', '.join(sorted(outcome_ids))})",
                                            f"unknown outcome '{outcome_id}'"))
    return problems


def _text(value: dict) -> Text:
    return Text(en=value["en"], cy=value["cy"])


def _build_plan(data: dict) -> Plan:
    owners = {owner["id"]: Owner(owner["id"], _text(owner["name"])) for owner in data["owners"]}
    missions = tuple(
        Mission(
            id=mission["id"],
            number=number,
            title=_text(mission["title"]),
            aim=_text(mission["aim"]),
            wellbeing_goals=tuple(mission["wellbeing_goals"]),
            ways_of_working=tuple(mission["ways_of_working"]),
            outcomes=tuple(Outcome(o["id"], _text(o["text"])) for o in mission["outcomes"]),
            actions=tuple(
                Action(
                    id=action["id"],
                    text=_text(action["text"]),
                    owner=owners[action["owner"]],
                    timescale=action["timescale"],
                    status=action["status"],
                    outcome_ids=tuple(action["outcomes"]),
                    updated=date.fromisoformat(action["updated"]),
                    progress=tuple(
                        ProgressNote(date.fromisoformat(note["date"]), _text(note["note"]))
                        for note in action.get("progress", ())
                    ),
                )
                for action in mission["actions"]
            ),
            feedback=tuple(Feedback(_text(item["theme"]), _text(item["response"]))
                           for item in mission.get("feedback", ())),
        )
        for number, mission in enumerate(data["missions"], start=1)
    )
    changes = tuple(Change(date.fromisoformat(c["date"]), _text(c["note"])) for c in data.get("changes", ()))
    return Plan(owners=tuple(owners.values()), missions=missions, changes=changes)
