"""Loading and checking the delivery plan (data/plan.yaml): its schema, its values,
and the links between its owners, outcomes and actions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from . import schemas
from .memo import Memo
from .model import Action, Change, Feedback, Mission, Outcome, Owner, Plan, ProgressNote, Text
from .plan_history import history_problems
from .plan_translation import plan_texts
from .problems import Problem, near_miss, phrase, position
from .values import control_character_problems
from .yamltext import YamlDocument, parse_yaml


def load_plan(root: Path, plan_file: str, problems: list[Problem], memo: Memo | None = None,
              as_of: date | None = None) -> tuple[Plan | None, tuple[str, ...] | None]:
    """The delivery plan in ``plan_file`` (None when it has a problem, each added to
    ``problems``), and the ids of its missions as far as they can be read: None when
    they cannot all be, and posts' missions cannot be checked against them. ``memo``
    remembers the plan by its text (see memo.py). ``as_of``: the day the build speaks
    as of, after which no progress is dated (None: not checked)."""
    path = root / plan_file
    if not path.is_file():
        problems.append(Problem(plan_file, None, "", phrase("expected.plan_file"), phrase("found.no_such_file")))
        return None, None
    memo = memo or Memo()
    read = memo.file_text(path, plan_file)
    plan, mission_ids, found = memo.result(("plan", plan_file), (read, as_of), lambda: _plan(read, plan_file, as_of))
    problems.extend(found)
    return plan, mission_ids


def _plan(read: tuple[str | None, list[Problem]], plan_file: str,
          as_of: date | None) -> tuple[Plan | None, tuple[str, ...] | None, list[Problem]]:
    """The plan, its missions' ids and its problems, from its file's text as read."""
    text, problems = read
    document, more = parse_yaml(text, plan_file) if text is not None else (None, [])
    problems = problems + more
    if document is None:
        return None, None, problems
    # Every part of the plan is checked, however wrong another part is: an action's
    # owner and outcomes are checked even when its status is not one of the statuses.
    found = (schemas.check("plan", document, plan_file) + control_character_problems(document, plan_file)
             + _check_plan_links(document, plan_file) + history_problems(document, plan_file, as_of))
    plan = None if found else replace(_build_plan(document.data), translations=plan_texts(document, plan_file))
    return plan, _ids(_listed(document.data, "missions")), problems + found


def _listed(parent: object, name: str) -> list[tuple[int, dict]]:
    """The items of the list ``parent[name]`` that are sets of fields, with their places."""
    items = parent.get(name) if isinstance(parent, dict) else None
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)] if isinstance(items, list) else []


def _ids(items: list[tuple[int, dict]]) -> tuple[str, ...] | None:
    """The ids of ``items``, or None when one has none (a reference to it would look unknown)."""
    ids = tuple(item.get("id") for _, item in items)
    return ids if all(isinstance(id, str) for id in ids) else None


def _check_plan_links(document: YamlDocument, file: str) -> list[Problem]:
    """Ids are unique, and every owner and outcome an action names exists (checked
    wherever the ids can be read: the schema reports what cannot)."""
    data, problems = document.data, []

    def problem(path, expected, found, suggestion=""):
        problems.append(Problem(file, document.line_of(path), position(path, data), expected, found, suggestion))

    def unique(path, kind, value, seen):
        if isinstance(value, str):
            if value in seen:
                problem(path, phrase(f"expected.unique_id.{kind}"), phrase("found.used_again", id=value))
            seen.add(value)

    owners = _listed(data, "owners")
    owner_ids = _ids(owners)
    seen: set = set()
    for index, owner in owners:
        unique(("owners", index, "id"), "owner", owner.get("id"), seen)
    seen = set()  # missions, outcomes and actions share one space of ids
    for m_index, mission in _listed(data, "missions"):
        unique(("missions", m_index, "id"), "mission", mission.get("id"), seen)
        outcomes = _listed(mission, "outcomes")
        for o_index, outcome in outcomes:
            unique(("missions", m_index, "outcomes", o_index, "id"), "outcome", outcome.get("id"), seen)
        outcome_ids = _ids(outcomes)
        for a_index, action in _listed(mission, "actions"):
            base = ("missions", m_index, "actions", a_index)
            unique(base + ("id",), "action", action.get("id"), seen)
            owner = action.get("owner")
            if owner_ids is not None and isinstance(owner, str) and owner not in owner_ids:
                problem(base + ("owner",), phrase("expected.owner_id", known=", ".join(sorted(owner_ids))),
                        phrase("found.unknown_owner", id=owner), near_miss(owner, owner_ids))
            named = action.get("outcomes")
            for i, outcome_id in enumerate(named if isinstance(named, list) and outcome_ids is not None else []):
                if isinstance(outcome_id, str) and outcome_id not in outcome_ids:
                    problem(base + ("outcomes", i), phrase("expected.outcome_id", mission=mission.get("id"),
                                                           known=", ".join(sorted(outcome_ids))),
                            phrase("found.unknown_outcome", id=outcome_id), near_miss(outcome_id, outcome_ids))
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
                        ProgressNote(date.fromisoformat(note["date"]), _text(note["note"]), note.get("status"))
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
