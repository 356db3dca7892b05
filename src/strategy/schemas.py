"""Checking data against the JSON Schema files in ``schemas/``.

The schemas are the single statement of what each file must contain; editors'
editors can use them too. This module turns schema errors into messages an
editor can act on: the field, what was expected and what was found, in the
catalogue's words (a rule's ``x-expected`` names its phrase, problem.expected.NAME).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import jsonschema

from .catalogue import catalogue
from .problems import Phrase, Problem, describe, near_miss, phrase, position
from .values import is_impossible_day
from .yamltext import YamlDocument

SCHEMA_DIR = Path(__file__).parent / "schemas"  # package data


@lru_cache(maxsize=None)
def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def validator(name: str, kind: str | None = None) -> jsonschema.protocols.Validator:
    """The validator for schema ``name``, or for its ``kind`` definition alone (the post
    schema has one per kind of post), which checks the same rules several times faster."""
    schema = _schema(name)
    # The schema files are checked against their meta-schema by the tests, not on
    # every build: that check costs more than checking a thousand posts.
    validator_class = jsonschema.validators.validator_for(schema)
    if kind is not None:
        schema = {"$schema": schema["$schema"], **schema["$defs"][kind], "$defs": schema["$defs"]}
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def check(name: str, document: YamlDocument, file: str) -> list[Problem]:
    """Every way ``document`` breaks schema ``name``, one problem each."""
    return check_parts(name, document, file)[0]


def check_parts(name: str, document: YamlDocument, file: str) -> tuple[list[Problem], set[str]]:
    """Every way ``document`` breaks schema ``name``, and the top-level fields these
    problems are about (wrong, unknown or missing): the checks after the schema look
    only at the others, so that one mistake is not reported again in other words."""
    kind = document.data.get("kind") if isinstance(document.data, dict) else None
    definitions = _schema(name).get("$defs", {})
    chosen = validator(name, kind) if isinstance(kind, str) and kind in definitions and "kind" in _schema(name).get(
        "properties", {}) else validator(name)
    problems, broken, missing, misspelt = [], set(), [], set()
    for error in _leaf_errors(chosen.iter_errors(document.data)):
        found = _to_problems(error, document, file)
        path = tuple(error.absolute_path)
        if error.validator == "required":
            missing.extend(found)
        else:
            problems.extend(found)
        if error.validator == "additionalProperties":
            misspelt.update(position(path + (problem.suggestion,), document.data) for problem in found if problem.suggestion)
        if path:
            broken.add(path[0])
        elif isinstance(error.instance, dict):  # missing or unknown fields
            broken.update(problem.field for problem in found)
    # A required field written with a typo ('sumary') is one mistake: the unknown
    # field's "did you mean 'summary'?" says it, without a second "summary is missing".
    return problems + [problem for problem in missing if problem.field not in misspelt], broken


def _leaf_errors(errors):
    """The errors that say what is wrong, not the if/then wrappers around them."""
    for error in errors:
        if error.validator in ("allOf", "if", "then") and error.context:
            yield from _leaf_errors(error.context)
        else:
            yield error


def _to_problems(error: jsonschema.ValidationError, document: YamlDocument, file: str) -> list[Problem]:
    path = tuple(error.absolute_path)
    line = document.line_of(path)
    keyword, value, schema = error.validator, error.validator_value, error.schema

    def field(*more) -> str:
        return position(path + more, document.data)

    if keyword == "required":
        missing = [name for name in value if not isinstance(error.instance, dict) or name not in error.instance]
        return [Problem(file, line, field(name), phrase("expected.required"), phrase("found.missing")) for name in missing]
    if keyword == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        unknown = [name for name in error.instance if name not in known]
        return [Problem(file, document.line_of(path + (name,)), field(name), phrase("expected.known_field", known=", ".join(known)),
                        _unknown_field(name, document, path, file), suggestion=near_miss(name, known))
                for name in unknown]
    suggestion = near_miss(error.instance, value) if keyword == "enum" else ""
    found = describe(error.instance)
    if keyword == "type" and "string" in value and isinstance(error.instance, (bool, int, float)):
        found = phrase("found.not_text", value=describe(error.instance) if isinstance(error.instance, bool)
                       else error.instance)  # 'title: 2026', 'title: true'
    if keyword == "type" and value == "boolean" and isinstance(error.instance, str):
        suggestion = _YES_NO.get(error.instance.lower(), "")  # 'draft: yes' (true in YAML 1.1, text in 1.2)
    if keyword in ("format", "anyOf") and is_impossible_day(error.instance):  # 2026-02-30: the form is right
        found = phrase("found.time_because", value=error.instance, why=phrase("found.no_such_day"))
    return [Problem(file, line, field(), _expected(keyword, value, schema), found, suggestion)]


_YES_NO = {"yes": "true", "y": "true", "on": "true", "no": "false", "n": "false", "off": "false"}


def _unknown_field(name: str, document: YamlDocument, path: tuple, file: str) -> Phrase:
    """An unknown field; in a translation, one only a source may hold (`draft: true`) says where it goes."""
    translation = not path and isinstance(document.data, dict) and "translated_from" in document.data
    source_fields = {field for definition in _schema("post").get("$defs", {}).values()
                     for field in definition.get("properties", {})}
    if translation and name in source_fields:
        source = re.sub(r"^docs/[a-z]+/", f"docs/{document.data.get('translated_from')}/", file)
        return phrase("found.source_only_field", name=name, source=source)
    return phrase("found.unknown_field", name=name)


def _expected(keyword: str, value, schema: dict) -> str | Phrase:
    """What a schema rule asks for, in the catalogue's words (never jsonschema's English)."""
    written = schema.get("x-expected")
    if written:  # the catalogue's problem.expected.<x-expected>; text that is no key is shown as written
        return phrase(f"expected.{written}") if f"problem.expected.{written}" in catalogue() else written
    if keyword in ("enum", "const"):
        return phrase("expected.one_of", choices=", ".join(str(c) for c in (value if keyword == "enum" else [value])))
    if keyword == "type":
        return phrase(f"expected.type.{value}") if f"problem.expected.type.{value}" in catalogue() else str(value)
    if keyword == "minItems" and value == 1:
        return phrase("expected.minItems_one")
    if keyword in ("minItems", "minLength", "maxLength", "minimum", "maximum", "pattern", "format"):
        return phrase(f"expected.{keyword}", value=value)
    if keyword == "uniqueItems":
        return phrase("expected.uniqueItems")
    return phrase("expected.rule", rule=f"{keyword}: {value}")
