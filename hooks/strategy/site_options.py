"""The site's own options (``extra.strategy`` in mkdocs.yml), checked once and typed.

The build and the editors' commands both read them here: each wrong, misspelt or
missing option is one clear message naming it (``extra.strategy.feeds.limit:
expected a whole number of items, at least 1, found 'twenty'``), all of them at
once, before anything is built (schemas/site-options.schema.json says what each holds). What follows receives a ``SiteOptions``, never a raw dict.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from pathlib import Path

import jsonschema

from .consultation import Consultation
from .loader import TranslationPolicy
from .model import Text
from .problems import describe
from .schemas import SCHEMA_DIR

OPTIONS_SCHEMA = SCHEMA_DIR / "site-options.schema.json"
PREFIX = "extra.strategy"


@dataclass(frozen=True)
class FeedOptions:
    id_authority: str  # the tag: URI authority of every GUID, such as 'digital-strategy.gov.wales,2026'; never changed
    limit: int = 20  # items in each feed
    full_content: bool = True  # the whole post, or its summary


@dataclass(frozen=True)
class EarlierVersion:
    """The plan as published in an earlier version, for the "what changed" page."""

    file: Path  # its saved open data export
    title: Text


@dataclass(frozen=True)
class SiteOptions:
    feeds: FeedOptions
    consultation: Consultation | None = None
    compare_with: EarlierVersion | None = None
    translations: TranslationPolicy = TranslationPolicy()
    language_site_urls: dict[str, str] = field(default_factory=dict)  # language -> its own domain's address
    x_default_language: str = "en"


class OptionsError(Exception):
    """Raised with one line per problem in the options, naming each option."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        count = len(problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in mkdocs.yml:"
        super().__init__("\n".join([heading, *(f"  {problem}" for problem in problems)]))


def _plain(value):
    """YAML reads 2027-01-29 as a date: the schema checks the text as written."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _expected(schema: dict) -> str:
    """What a value was expected to be, as schemas/site-options.schema.json says it
    (x-expected), or as its rules say it: one of its options, or of its values."""
    schema = _resolve(schema)
    if "x-expected" in schema:
        return schema["x-expected"]
    if "enum" in schema:
        values = [f"'{value}'" for value in schema["enum"]]
        return ", ".join(values[:-1]) + " or " + values[-1]
    if "properties" in schema:
        return "a set of options: " + ", ".join(schema["properties"])
    return f"a value of type {schema.get('type', 'any')}"


def _message(error: jsonschema.ValidationError) -> str:
    name = ".".join([PREFIX, *map(str, error.absolute_path)])
    if error.validator == "additionalProperties":
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"{name}.{unknown[0]}: unknown option; expected {_expected(error.schema)}"
    if error.validator == "required":
        missing = next(key for key in error.validator_value if key not in error.instance)
        return f"{name}.{missing}: expected {_expected(error.schema['properties'][missing])}, found nothing"
    return f"{name}: expected {_expected(error.schema)}, found {describe(error.instance)}"


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(OPTIONS_SCHEMA.read_text(encoding="utf-8"))


def _resolve(subschema: dict) -> dict:
    ref = subschema.get("$ref", "")
    return _schema()["$defs"][ref.rsplit("/", 1)[-1]] if ref.startswith("#/$defs/") else subschema


def site_options(raw: dict | None, root: Path) -> SiteOptions:
    """``raw``: extra.strategy as mkdocs.yml holds it; ``root``: the folder of mkdocs.yml.
    Raises OptionsError naming every wrong option."""
    raw = _plain(raw if raw is not None else {})
    validator = jsonschema.Draft202012Validator(_schema())
    problems = sorted(_message(error) for error in validator.iter_errors(raw))
    compare = raw.get("compare_with") if isinstance(raw, dict) else None
    if isinstance(compare, dict) and isinstance(compare.get("file"), str) and not (root / compare["file"]).is_file():
        problems.append(f"{PREFIX}.compare_with.file: expected a saved open data export, "
                        f"found no file at '{compare['file']}'")
    if problems:
        raise OptionsError(problems)
    feeds = raw["feeds"]
    return SiteOptions(
        feeds=FeedOptions(feeds["id_authority"], feeds.get("limit", 20), feeds.get("content", "full") == "full"),
        consultation=Consultation.from_options(raw["consultation"]) if "consultation" in raw else None,
        compare_with=EarlierVersion(root / compare["file"], Text(**compare["title"])) if compare else None,
        translations=TranslationPolicy(**raw.get("translations", {})),
        language_site_urls=raw.get("language_site_urls", {}),
        x_default_language=raw.get("x_default_language", "en"),
    )
