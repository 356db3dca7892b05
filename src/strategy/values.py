"""Checks of values that a schema's patterns cannot make: text without control
characters, Welsh local times that happen exactly once and days that exist; and a
post's date line read as its day and, if it gives one, its time."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from .consultation import WALES
from .problems import Phrase, Problem, phrase, position
from .visible_text import character_name, control_character, unbalanced_direction
from .yamltext import YamlDocument

# Fields shown on one line (titles, names, places, ids): no line breaks or tabs either.
ONE_LINE_FIELDS = frozenset({"title", "location", "name", "id", "kind", "mission", "owner", "status", "timescale",
                             "date", "start", "end", "updated", "translated_from", "source_hash", "translation"})


def control_character_problems(document: YamlDocument, file: str) -> list[Problem]:
    """Every text value (at any depth) holding a control character, or a direction control
    left open on a line (see visible_text.py)."""
    problems = []

    def visit(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, path + (index,))
        elif isinstance(value, str):
            named = [part for part in path if isinstance(part, str)]
            one_line = bool(named) and (named[-1] in ONE_LINE_FIELDS or (len(named) > 1 and named[-2] in ONE_LINE_FIELDS))
            control = control_character(value, "" if one_line else "\t\n")
            line, field = document.line_of(path), position(path, document.data)
            if control:
                expected = phrase("expected.one_line" if one_line else "expected.no_control_characters_but_breaks")
                problems.append(Problem(file, line, field, expected,
                                        phrase("found.control_character", name=character_name(control))))
            direction = next(filter(None, map(unbalanced_direction, value.split("\n"))), None)
            if direction:
                problems.append(Problem(file, line, field, phrase("expected.visible_text"), direction))

    visit(document.data, ())
    return problems


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_impossible_day(value: object) -> bool:
    """Whether ``value`` is written YYYY-MM-DD but names no day of the calendar (2026-02-30, 2026-13-01)."""
    if not (isinstance(value, str) and _DAY.fullmatch(value)):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return True
    return False


def publication_day(published: str) -> str:
    """The day of a post's ``date``, which may go on with a time: '2026-11-25 09:30'."""
    return published[:10]


def time_of_day(published: str) -> time | None:
    """The time a post's checked ``date`` gives, if any."""
    return datetime.fromisoformat(published).time() if len(published) > len("YYYY-MM-DD") else None


def local_time_problem(value: str) -> Phrase | None:
    """Why ``value`` (YYYY-MM-DDTHH:MM, Welsh local time) is not one moment, or None.

    When the clocks go forward an hour of local time does not exist; when they go
    back an hour happens twice. Python's zoneinfo marks both with ``fold``: the
    time read as its first and its second occurrence gives two different moments."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return phrase("found.no_such_time")
    first, second = moment.replace(tzinfo=WALES, fold=0), moment.replace(tzinfo=WALES, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    day, hour = moment.date(), moment.hour
    if first.utcoffset() < second.utcoffset():  # the hour the clocks skip
        return phrase("found.clocks_forward", before=f"{hour:02}:00", after=f"{hour + 1:02}:00", day=day)
    return phrase("found.clocks_back", before=f"{hour + 1:02}:00", after=f"{hour:02}:00", day=day)


EVENT_TIME = phrase("expected.local_time")
PUBLICATION_TIME = phrase("expected.publication_time")


def local_time_problems(document: YamlDocument, file: str, fields: tuple[str, ...],
                        expected: Phrase = EVENT_TIME) -> list[Problem]:
    """A date alone always passes: midnight happens once in Wales (the clocks change at 01:00 or 02:00)."""
    problems = []
    for name in fields:
        value = document.data.get(name) if isinstance(document.data, dict) else None
        if isinstance(value, str):
            why = local_time_problem(value)
            if why:
                problems.append(Problem(file, document.line_of((name,)), name, expected,
                                        phrase("found.time_because", value=value, why=why)))
    return problems
