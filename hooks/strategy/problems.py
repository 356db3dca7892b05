"""Problems found in content, reported together so an editor fixes them in one go."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one field of one file."""

    file: str
    line: int | None
    field: str
    expected: str
    found: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f"field '{self.field}'" if self.field else "file"
        return _printable(f"{where}: {field}: expected {self.expected}, found {self.found}")


class ContentError(Exception):
    """Raised with every problem found, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field, p.expected))
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the content:"
        super().__init__("\n".join([heading, *(f"  {p}" for p in self.problems)]))


# Control characters in a message (from a value or a field name) would act on the
# editor's terminal, and lone surrogates cannot be printed: they are shown as escapes.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _printable(text: str) -> str:
    return _UNPRINTABLE.sub(lambda match: f"\\x{ord(match.group(0)):02x}" if ord(match.group(0)) < 0x100
                            else f"\\u{ord(match.group(0)):04x}", text)


def describe(value: object) -> str:
    """How a found value reads in a message: short, quoted, on one line."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        kind = "a list" if isinstance(value, list) else "a set of fields"
        return kind
    text = str(value).replace("\n", " ")
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'" if isinstance(value, str) else f"{text} ({type(value).__name__})"
