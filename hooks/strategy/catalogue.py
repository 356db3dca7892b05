"""The one catalogue of interface strings, in every language of the site."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from . import LANGUAGES

CATALOGUE_FILE = Path(__file__).with_name("catalogue.yml")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    return yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))


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
    return text.format(**values) if values else text


def translator(language: str):
    """``t(key, **values)`` for templates: the string in ``language``, or in another
    named one (``t(key, language="cy")``)."""
    def t(key: str, language: str = language, **values: object) -> str:
        return translate(key, language, **values)
    return t
