"""Problems found in content, reported together so an editor fixes them in one go,
in the editor's language (messages.editor_language): every phrase of a message is a
catalogue string whose key starts with ``problem.``."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date

from .catalogue import translate
from .dates import long_date
from .messages import editor_language


@dataclass(frozen=True)
class Phrase:
    """Words of a message: the catalogue's ``problem.<key>``, put into the editor's
    language only when shown. Values are kept as written (field names, ids, quoted
    text), except phrases, which are translated too, and dates, written out."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, language: str) -> str:
        return translate(f"problem.{self.key}", language, **{name: _in(value, language) for name, value in self.values})

    def __str__(self) -> str:
        return self.text(editor_language())


def phrase(key: str, **values: object) -> Phrase:
    return Phrase(key, tuple(sorted(values.items())))


def _in(value: object, language: str) -> str:
    if isinstance(value, Phrase):
        return value.text(language)
    if isinstance(value, date):
        return long_date(value, language)
    return str(value)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one field of one file."""

    file: str
    line: int | None
    field: str
    expected: str | Phrase
    found: str | Phrase
    suggestion: str = ""  # what the editor probably meant, when the found value is a near miss

    def text(self, language: str) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = phrase("field", name=self.field) if self.field else phrase("file")
        found = phrase("did_you_mean", found=self.found, suggestion=self.suggestion) if self.suggestion else self.found
        return _printable(phrase("message", where=where, field=field, expected=self.expected, found=found).text(language))

    def __str__(self) -> str:
        return self.text(editor_language())


class ContentError(Exception):
    """Raised with every problem found, never just the first."""

    def __init__(self, problems: list[Problem], mission_ids: tuple[str, ...] | None = None):
        self.problems = sorted(_said_once(problems), key=lambda p: (p.file, p.line or 0, p.field, str(p.expected)))
        # The plan's mission ids, where the content did not read whole but they did: the
        # links to the headings they give can still be checked (publication.prepare).
        self.mission_ids = mission_ids
        super().__init__(self.text(editor_language()))

    def text(self, language: str) -> str:
        count = len(self.problems)
        heading = phrase("heading_one" if count == 1 else "heading", count=count).text(language)
        return "\n".join([heading, *(f"  {p.text(language)}" for p in self.problems)])


# What reading the YAML says of a value that says all there is to say of it: a '#' that
# made a value empty ('title: #1 priority') is not also "expected text, found nothing".
_SAYS_ALL = ("found.yaml.comment_in_value",)


def _said_once(problems: list[Problem]) -> set[Problem]:
    """``problems`` without repeats, nor what another problem of the same field already says."""
    whole = {(p.file, p.line, p.field) for p in problems if isinstance(p.found, Phrase) and p.found.key in _SAYS_ALL}
    return {p for p in problems if (p.file, p.line, p.field) not in whole
            or isinstance(p.found, Phrase) and p.found.key in _SAYS_ALL}


# Control characters in a message (from a value or a field name) would act on the
# editor's terminal, direction controls would turn the rest of its line around, and lone
# surrogates cannot be printed: they are shown as escapes.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _printable(text: str) -> str:
    return _UNPRINTABLE.sub(lambda match: f"\\x{ord(match.group(0)):02x}" if ord(match.group(0)) < 0x100
                            else f"\\u{ord(match.group(0)):04x}", text)


def describe(value: object) -> str | Phrase:
    """How a found value reads in a message: short, quoted, on one line."""
    if value is None:
        return phrase("found.nothing")
    if isinstance(value, bool):
        return "true" if value else "false"  # as YAML writes them, in either language
    if isinstance(value, (dict, list)):
        return phrase("found.list" if isinstance(value, list) else "found.fields")
    text = str(value).replace("\n", " ")
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'" if isinstance(value, str) else phrase("found.number", value=text)


def near_miss(value: object, known) -> str:
    """The one of ``known`` that ``value`` is most likely a misspelling of, or ''."""
    if not isinstance(value, str):
        return ""
    matches = difflib.get_close_matches(value, [str(name) for name in known], n=1, cutoff=0.6)
    return matches[0] if matches else ""


def position(path, data: object) -> str:
    """A field's place as an editor finds it: ``missions[digital-skills].actions[ds-3].status``.
    Each list item is named by its id where it has one, else by its place, from 1."""
    written, node = "", data
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            name = item.get("id") if isinstance(item, dict) else None
            written += f"[{name}]" if isinstance(name, str) and name.strip() else f"[{part + 1}]"
            node = item
        else:
            written += f".{part}" if written else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return written
