"""What the editors' commands say, in the editor's language.

The commands speak Welsh to a Welsh editor: STRATEGY_LANG=cy (or `make ... IAITH=cy`),
or a Welsh locale (LANG=cy_GB.UTF-8). Every message is a catalogue string whose key
starts with ``cli.``, so a correction is made once, in catalogue.yml.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from . import LANGUAGES
from .catalogue import translate

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # in the order POSIX gives them precedence


def editor_language(environ: Mapping[str, str] = os.environ) -> str:
    """'cy' or 'en': STRATEGY_LANG when it names one, else the locale's language, else English."""
    chosen = environ.get("STRATEGY_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    for name in LOCALE_VARIABLES:
        locale = environ.get(name, "")
        if locale:
            return "cy" if locale.lower().startswith("cy") else "en"
    return "en"


def message(key: str, **values: object) -> str:
    """The command-line message ``cli.<key>`` in the editor's language."""
    return translate(f"cli.{key}", editor_language(), **values)


def shown(value: str, most: int = 60) -> str:
    """A value as typed, quoted, control characters visible, cut short if long."""
    if len(value) > most:
        return f"{value[:most]!r}... ({len(value):,} characters)"
    return repr(value)
