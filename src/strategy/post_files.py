"""A post's two files (its twins), each checked on its own as far as it can be read,
then the two against each other.

A mistake in one field does not hide the others: the checks after the schema look
at every field the schema found nothing wrong with (``Twin.usable``), and a twin
that cannot be read does not stop the other from being checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from . import schemas
from .bodies import BodyChecker, body_text_problems, nesting_problem, open_brackets_problem, open_tags_problem
from .markers import BLOCK_NAMES, marker_problems
from .problems import Problem, phrase
from .translation import IN_STEP, OUTDATED, source_hash
from .values import PUBLICATION_TIME, control_character_problems, local_time_problem, local_time_problems, publication_day
from .yamltext import MarkdownFile, YamlDocument

TEXT_FIELDS = ("title", "summary", "location")
"""Front matter fields written in each language; every other field is stated
once, in the source file."""

SOURCE, TRANSLATION = "post", "translation"  # a twin's role, named by its schema


@dataclass
class Twin:
    language: str
    file: str  # as shown to editors, such as docs/en/posts/x.md
    parsed: MarkdownFile
    broken: set[str] = field(default_factory=set)  # top-level fields with a schema problem

    @property
    def data(self) -> dict:
        return self.parsed.front_matter.data

    @property
    def usable(self) -> dict:
        """The front matter fields the schema found nothing wrong with."""
        return {name: value for name, value in self.data.items() if name not in self.broken}

    @property
    def role(self) -> str:
        return TRANSLATION if "translated_from" in self.data else SOURCE


def check_twin(twin: Twin, role: str | None, kind: str | None, relative: str, bodies: BodyChecker,
               languages: tuple[str, ...] = ()) -> list[Problem]:
    """Everything that can be checked in one file: its front matter against the schema
    of its ``role`` (None when its role is unclear), its values, block markers (for a
    post of ``kind``) and dates of changes, and its body as rendered. ``languages`` are
    those whose page shows this body (by default, the file's own)."""
    found = []
    if role is not None:
        found, twin.broken = schemas.check_parts(role, twin.parsed.front_matter, twin.file)
    usable = YamlDocument(twin.usable, twin.parsed.front_matter.lines)
    found += control_character_problems(usable, twin.file) + local_time_problems(usable, twin.file, ("start", "end"))
    # A source's other fields are checked by the rules of its kind: without a kind, not at all.
    checked_source = role == SOURCE and "kind" not in twin.broken
    found += _marker_problems(twin, kind) + (_change_problems(twin) + _event_problems(twin) if checked_source else [])
    found += local_time_problems(usable, twin.file, ("date",), PUBLICATION_TIME) if checked_source else []
    # Front matter text (titles, summaries) is always shown as escaped text: a title
    # may mention <script> safely. The body must show as written (visible_text.py) and
    # pass the allowlist (safe_html.py), once it can be rendered at all.
    found += body_text_problems(twin.file, twin.parsed.body, twin.parsed.body_line)
    too_deep = (nesting_problem(twin.file, twin.parsed.body, twin.parsed.body_line)
                or open_brackets_problem(twin.file, twin.parsed.body, twin.parsed.body_line)
                or open_tags_problem(twin.file, twin.parsed.body, twin.parsed.body_line))
    if too_deep:
        return found + [too_deep]
    return found + bodies.add(twin.file, relative, twin.parsed.body, twin.parsed.body_line, languages or (twin.language,))


def _change_problems(source: Twin) -> list[Problem]:
    data = source.usable
    change_dates, published = [change["date"] for change in data.get("changes", [])], publication_day(data.get("date", ""))
    if change_dates and published and (change_dates != sorted(change_dates) or change_dates[0] < published):
        return [Problem(source.file, source.parsed.front_matter.line_of(("changes",)), "changes",
                        phrase("expected.changes_in_order", date=published), ", ".join(change_dates))]
    return []


def _event_problems(source: Twin) -> list[Problem]:
    """An event ends after it starts (when both are times that happen once)."""
    start, end = source.usable.get("start"), source.usable.get("end")
    if not all(isinstance(time, str) and local_time_problem(time) is None for time in (start, end)):
        return []
    if datetime.fromisoformat(end) > datetime.fromisoformat(start):
        return []
    return [Problem(source.file, source.parsed.front_matter.line_of(("end",)), "end",
                    phrase("expected.after_start", start=start), f"'{end}'")]


def _marker_problems(twin: Twin, kind: str | None) -> list[Problem]:
    return [Problem(twin.file, twin.parsed.body_line + line - 1, "",
                    phrase("expected.block_marker", names=", ".join(BLOCK_NAMES)), found)
            for line, found in marker_problems(twin.parsed.body, kind)]


def twins_agree(source: Twin, translation: Twin) -> list[Problem]:
    """The translation names its source's language and translates every text field, no more
    (fields the schema found wrong in either file are left to its message)."""
    problems, file = [], translation.file
    document, broken = translation.parsed.front_matter, source.broken | translation.broken
    if "translated_from" not in broken and translation.data["translated_from"] != source.language:
        problems.append(Problem(file, document.line_of(("translated_from",)), "translated_from",
                                phrase("expected.source_language", source_language=source.language, source=source.file),
                                f"'{translation.data['translated_from']}'"))
    source_changes, translated_changes = source.data.get("changes", []), translation.data.get("changes", [])
    counted = "changes" not in broken and isinstance(source_changes, list) and isinstance(translated_changes, list)
    if counted and len(source_changes) != len(translated_changes):
        problems.append(Problem(file, document.line_of(("changes",)), "changes",
                                phrase("expected.change_notes", count=len(source_changes), source=source.file),
                                f"{len(translated_changes)}"))
    for name in TEXT_FIELDS:
        if name in broken:
            continue
        if name in source.data and name not in translation.data:
            problems.append(Problem(file, None, name, phrase("expected.translated_field", name=name, source=source.file),
                                    phrase("found.missing")))
        if name in translation.data and name not in source.data:
            problems.append(Problem(file, document.line_of((name,)), name, phrase("expected.source_fields_only",
                                                                                  source=source.file),
                                    phrase("found.field_not_in_source", name=name)))
    return problems


def translation_state(source: Twin, translation: Twin) -> str:
    current = source_hash(source.data, source.parsed.body)
    return IN_STEP if translation.data.get("source_hash") == current else OUTDATED


def outdated_problem(source: Twin, translation: Twin) -> Problem:
    document = translation.parsed.front_matter
    recorded = document.data.get("source_hash")
    return Problem(translation.file, document.line_of(("source_hash",)) or document.line_of(("translated_from",)),
                   "source_hash", phrase("expected.current_translation", source=source.file, file=translation.file),
                   phrase("found.older_version", recorded=recorded) if recorded else phrase("found.no_version"))
