"""The one catalogue of interface strings, in every language of the site.

A Welsh string asks for the mutation a value takes after the word before it:
``"Cofnodion am {mission|soft}"`` gives "Cofnodion am Genhadaeth 2" (welsh.py has
the rules: soft, soft-not-ll-rh, nasal, aspirate).
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

import yaml

from . import LANGUAGES
from .welsh import mutate

CATALOGUE_FILE = Path(__file__).with_name("catalogue.yml")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    # libyaml when PyYAML has it: the catalogue is read by every command and build, and
    # the pure-Python reader alone took half a second of each.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(CATALOGUE_FILE.read_text(encoding="utf-8"), Loader=loader)


def missing_translations() -> list[str]:
    """Keys without a value in one of the languages: each is a bug to fix."""
    return [
        f"{key}: no '{language}'"
        for key, values in catalogue().items()
        for language in LANGUAGES
        if not (values or {}).get(language)
    ]


def translate(key: str, language: str, **values: object) -> str:
    """The string ``key`` in ``language``, with its {placeholders} filled in."""
    try:
        text = catalogue()[key][language]
    except KeyError:
        raise KeyError(f"catalogue.yml has no '{language}' text for '{key}'") from None
    return _MUTATING_FORMATTER.vformat(text, (), values) if values else text


def translator(language: str):
    """``t(key, **values)`` for templates: the string in ``language``, or in another
    named one (``t(key, language="cy")``)."""
    def t(key: str, language: str = language, **values: object) -> str:
        return translate(key, language, **values)
    return t


class _MutatingFormatter(string.Formatter):
    """str.format, where ``{name|soft}`` is the value of ``name`` with its first word mutated."""

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and "|" in key:
            name, mutation = key.split("|", 1)
            return mutate(str(kwargs[name]), mutation)
        return super().get_value(key, args, kwargs)


_MUTATING_FORMATTER = _MutatingFormatter()
