"""Checking the site's own options (``extra.strategy`` in mkdocs.yml) before anything
uses them, so that a mistake there is a message with its line, not a traceback.

What each option may hold is stated in schemas/site-options.schema.json.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from . import schemas
from .problems import Problem, phrase
from .values import control_character_problems, local_time_problem
from .yamltext import YamlDocument, parse_yaml

CONFIG_FILE = "mkdocs.yml"
OPTIONS_PATH = ("extra", "strategy")


def _lines_in_config(root: Path) -> dict:
    """The line of each option in mkdocs.yml, by its path under extra.strategy (as far
    as the file can be read without MkDocs: tags such as !ENV leave it without lines)."""
    try:
        document, _ = parse_yaml((root / CONFIG_FILE).read_text(encoding="utf-8"), CONFIG_FILE)
    except (OSError, UnicodeDecodeError):
        return {}
    if document is None:
        return {}
    depth = len(OPTIONS_PATH)
    return {path[depth:]: line for path, line in document.lines.items() if path[:depth] == OPTIONS_PATH}


def option_problems(options, root: Path) -> list[Problem]:
    """Every way ``options`` (extra.strategy, as MkDocs read it) breaks the rules."""
    document = YamlDocument(options if options is not None else {}, _lines_in_config(root))
    found = [_in_options(p) for p in schemas.check("site-options", document, CONFIG_FILE)]
    found += [_in_options(p) for p in control_character_problems(document, CONFIG_FILE)]
    if found:
        return found
    consultation = options.get("consultation")
    if consultation:
        for name in ("opens", "closes"):
            why = local_time_problem(consultation[name])
            if why:
                found.append(Problem(CONFIG_FILE, document.line_of(("consultation", name)),
                                     f"extra.strategy.consultation.{name}", phrase("expected.local_time"),
                                     phrase("found.time_because", value=consultation[name], why=why)))
        if not found and datetime.fromisoformat(consultation["closes"]) <= datetime.fromisoformat(consultation["opens"]):
            found.append(Problem(CONFIG_FILE, document.line_of(("consultation", "closes")),
                                 "extra.strategy.consultation.closes",
                                 phrase("expected.after_opening", opens=consultation["opens"]), f"'{consultation['closes']}'"))
    return found


def _in_options(problem: Problem) -> Problem:
    field = ".".join(OPTIONS_PATH + ((problem.field,) if problem.field else ()))
    return Problem(problem.file, problem.line, field, problem.expected, problem.found, problem.suggestion)
