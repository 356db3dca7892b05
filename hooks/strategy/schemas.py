"""Checking data against the JSON Schema files in ``schemas/``.

The schemas are the single statement of what each file must contain; editors'
editors can use them too. This module turns schema errors into messages an
editor can act on: the field, what was expected and what was found.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema

from .problems import Problem, describe
from .yamltext import YamlDocument

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


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
    kind = document.data.get("kind") if isinstance(document.data, dict) else None
    definitions = _schema(name).get("$defs", {})
    chosen = validator(name, kind) if isinstance(kind, str) and kind in definitions and "kind" in _schema(name).get(
        "properties", {}) else validator(name)
    problems = []
    for error in _leaf_errors(chosen.iter_errors(document.data)):
        problems.extend(_to_problems(error, document, file))
    return problems


def _leaf_errors(errors):
    """The errors that say what is wrong, not the if/then wrappers around them."""
    for error in errors:
        if error.validator in ("allOf", "if", "then") and error.context:
            yield from _leaf_errors(error.context)
        else:
            yield error


def _field_name(path) -> str:
    return ".".join(str(part) for part in path)


def _to_problems(error: jsonschema.ValidationError, document: YamlDocument, file: str) -> list[Problem]:
    path = tuple(error.absolute_path)
    line = document.line_of(path)
    keyword, value, schema = error.validator, error.validator_value, error.schema

    if keyword == "required":
        missing = [name for name in value if not isinstance(error.instance, dict) or name not in error.instance]
        return [Problem(file, line, _field_name(path + (name,)), "this required field", "it missing") for name in missing]
    if keyword == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        unknown = [name for name in error.instance if name not in known]
        return [
            Problem(file, document.line_of(path + (name,)), _field_name(path + (name,)),
                    f"one of the known fields ({', '.join(known)})", f"unknown field '{name}'")
            for name in unknown
        ]
    return [Problem(file, line, _field_name(path), _expected(keyword, value, schema), describe(error.instance))]


def _expected(keyword: str, value, schema: dict) -> str:
    if "x-expected" in schema:
        return schema["x-expected"]
    if keyword in ("enum", "const"):
        choices = value if keyword == "enum" else [value]
        return "one of: " + ", ".join(str(choice) for choice in choices)
    if keyword == "type":
        return {"string": "text", "boolean": "true or false", "array": "a list", "object": "a set of fields",
                "integer": "a whole number"}.get(value, value)
    if keyword == "minItems":
        return f"a list of at least {value} item{'s' if value != 1 else ''}"
    if keyword == "uniqueItems":
        return "a list with no item repeated"
    if keyword == "minLength":
        return "text that is not empty"
    return f"a value that satisfies '{keyword}: {value}'"
