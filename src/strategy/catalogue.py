"""The one catalogue of interface strings, in every language of the site.

A Welsh string asks for the mutation a value takes after the word before it:
``"Cofnodion am {mission|soft}"`` gives "Cofnodion am Genhadaeth 2" (welsh.py has
the rules: soft, soft-not-ll-rh, nasal, aspirate).

A string that counts something has one form per plural category of its language
(CLDR's, from Babel): English "one" and "other"; Welsh "zero", "one", "two", "few",
"many" and "other" ("1 cam", "2 gam", "3 cham", "6 cham"). The value named
``count`` chooses the form.
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale

from . import LANGUAGES
from .welsh import mutate

CATALOGUE_FILE = Path(__file__).with_name("catalogue.yml")

_site_strings: dict[str, dict] = {}
"""A site's own wording of some of the strings (the plugin's ``strings`` option, checked
by site_strings.py): it replaces the package's, language by language."""


@lru_cache(maxsize=1)
def package_catalogue() -> dict[str, dict[str, str]]:
    # libyaml when PyYAML has it: the catalogue is read by every command and build, and
    # the pure-Python reader alone took half a second of each.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(CATALOGUE_FILE.read_text(encoding="utf-8"), Loader=loader)


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """Every string: the package's, with the site's own wording in their place."""
    strings = package_catalogue()
    if not _site_strings:
        return strings
    return {**strings, **{key: {**strings[key], **values} for key, values in _site_strings.items()}}


def use_site_strings(strings: dict[str, dict]) -> None:
    """From now on, the site's own wording (checked) in place of the package's."""
    global _site_strings
    if strings != _site_strings:
        _site_strings = strings
        catalogue.cache_clear()


@lru_cache(maxsize=None)
def plural_categories(language: str) -> frozenset[str]:
    """The plural categories ``language`` tells apart (CLDR): "one" and "other" in English."""
    return frozenset(Locale(language).plural_form.tags | {"other"})


def plural_category(language: str, count: int) -> str:
    return Locale(language).plural_form(count)


def texts(value: str | dict[str, str]) -> list[str]:
    """Every form of one language's text of a key: the text, or each plural form."""
    return list(value.values()) if isinstance(value, dict) else [value]


def missing_translations() -> list[str]:
    """Keys without a value in one of the languages, or a counted string without every
    plural form its language has: each is a bug to fix."""
    missing = []
    for key, values in catalogue().items():
        for language in LANGUAGES:
            text = (values or {}).get(language)
            if not text:
                missing.append(f"{key}: no '{language}'")
            elif isinstance(text, dict):
                forms = plural_categories(language)
                missing += [f"{key}: no '{language}' form '{form}'" for form in sorted(forms - text.keys())]
                missing += [f"{key}: '{language}' has no form '{form}'" for form in sorted(text.keys() - forms)]
    return missing


def translate(key: str, language: str, **values: object) -> str:
    """The string ``key`` in ``language``, with its {placeholders} filled in (in the
    plural form ``count`` asks for, if the string counts something)."""
    try:
        text = catalogue()[key][language]
    except KeyError:
        raise KeyError(f"catalogue.yml has no '{language}' text for '{key}'") from None
    if isinstance(text, dict):
        text = text[plural_category(language, int(values["count"]))]
    # A literal brace is written twice ("{{"), as in any format string: a site's own
    # wording (site_strings.py) may hold one, such as a name in braces.
    if not (values or "{{" in text or "}}" in text):
        return text
    # str.format_map reads a format string as the formatter does, in C: the formatter only
    # for a mutated value ('{mission|soft}').
    return _MUTATING_FORMATTER.vformat(text, (), values) if "|" in text else text.format_map(values)


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
