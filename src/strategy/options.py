"""Checking the site's own options (the ``strategy`` plugin's, in mkdocs.yml) before
anything uses them, so that a mistake there is a message with its line, not a traceback.

What each option may hold is stated in schemas/site-options.schema.json.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from . import schemas
from .problems import Problem, phrase
from .values import control_character_problems, local_time_problem
from .yamltext import YamlDocument, parse_yaml

CONFIG_FILE = "mkdocs.yml"
PLUGIN_NAME = "strategy"  # the plugin's name in mkdocs.yml (its entry point, pyproject.toml)
OPTIONS_FIELD = f"plugins.{PLUGIN_NAME}"  # how messages name the options' place in mkdocs.yml


def plugin_position(config: dict) -> int | str | None:
    """Where mkdocs.yml's ``plugins`` holds ours: its index in the list (or its name, when
    ``plugins`` is a mapping); None when the site does not use it."""
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        return PLUGIN_NAME if PLUGIN_NAME in plugins else None
    for index, entry in enumerate(plugins if isinstance(plugins, list) else []):
        if entry == PLUGIN_NAME or (isinstance(entry, dict) and PLUGIN_NAME in entry):
            return index
    return None


def _config_document(root: Path) -> YamlDocument | None:
    """mkdocs.yml with the line of each value (as far as the file can be read without
    MkDocs: tags such as !ENV leave it without lines)."""
    try:
        document, _ = parse_yaml((root / CONFIG_FILE).read_text(encoding="utf-8"), CONFIG_FILE)
    except (OSError, UnicodeDecodeError):
        return None
    return document


def _lines_in_config(root: Path) -> dict:
    """The line of each option in mkdocs.yml, by its path under the plugin's entry."""
    document = _config_document(root)
    position = plugin_position(document.data) if document is not None and isinstance(document.data, dict) else None
    if position is None:
        return {}
    base = ("plugins", position) + ((PLUGIN_NAME,) if isinstance(position, int) else ())
    return {path[len(base):]: line for path, line in document.lines.items() if path[:len(base)] == base}


def moved_options_problem(root: Path, extra) -> Problem | None:
    """Options still under ``extra.strategy`` (where they were before version 1.0): one
    problem naming their new place."""
    # MkDocs gives ``extra`` as a mapping of its own, mkdocs.yml read by the commands as a dict.
    if not (isinstance(extra, Mapping) and isinstance(extra.get("strategy"), Mapping)):
        return None
    document = _config_document(root)
    line = document.lines.get(("extra", "strategy")) if document is not None else None
    return Problem(CONFIG_FILE, line, "extra.strategy", phrase("expected.options_moved"), phrase("found.old_options"))


LISTED_PATHS = ("hooks", "watch")
"""mkdocs.yml's lists of paths MkDocs stops on when one is missing (in English, with no
line, the first only). A site from before version 1.0 lists our hooks/ there."""


def missing_path_problems(root: Path, config: Mapping) -> list[Problem]:
    """Each path under ``hooks:`` or ``watch:`` that is not there, with its line."""
    document, problems = None, []
    for setting in LISTED_PATHS:
        listed = config.get(setting)
        for index, path in enumerate(listed if isinstance(listed, list) else []):
            if not isinstance(path, str) or (root / path).exists():
                continue
            document = document or _config_document(root)
            line = document.lines.get((setting, index)) if document is not None else None
            problems.append(Problem(CONFIG_FILE, line, f"{setting}[{index}]", phrase(f"expected.listed_{setting}"),
                                    phrase("found.missing_path", path=path)))
    return problems


def option_problems(options, root: Path) -> list[Problem]:
    """Every way ``options`` (the plugin's, as mkdocs.yml holds them) breaks the rules."""
    document = YamlDocument(options if options is not None else {}, _lines_in_config(root))
    found = [_in_options(p) for p in schemas.check("site-options", document, CONFIG_FILE)]
    found += [_in_options(p) for p in control_character_problems(document, CONFIG_FILE)]
    if found:
        return found
    found += _share_colour_problems(options.get("share_picture") or {}, document)
    consultation = options.get("consultation")
    if consultation:
        for name in ("opens", "closes"):
            why = local_time_problem(consultation[name])
            if why:
                found.append(Problem(CONFIG_FILE, document.line_of(("consultation", name)),
                                     f"{OPTIONS_FIELD}.consultation.{name}", phrase("expected.local_time"),
                                     phrase("found.time_because", value=consultation[name], why=why)))
        if not found and datetime.fromisoformat(consultation["closes"]) <= datetime.fromisoformat(consultation["opens"]):
            found.append(Problem(CONFIG_FILE, document.line_of(("consultation", "closes")),
                                 f"{OPTIONS_FIELD}.consultation.closes",
                                 phrase("expected.after_opening", opens=consultation["opens"]), f"'{consultation['closes']}'"))
    return found


def _in_options(problem: Problem) -> Problem:
    field = ".".join((OPTIONS_FIELD,) + ((problem.field,) if problem.field else ()))
    return Problem(problem.file, problem.line, field, problem.expected, problem.found, problem.suggestion)


def _luminance(colour: str) -> float:
    """WCAG 2's relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _share_colour_problems(colours: dict, document: YamlDocument) -> list[Problem]:
    """The pictures for shared links must be readable: text on background at 4.5:1 or more."""
    from .social_image import ShareColours
    chosen = ShareColours(**colours)
    lighter, darker = sorted((_luminance(chosen.text), _luminance(chosen.background)), reverse=True)
    ratio = (lighter + 0.05) / (darker + 0.05)
    if ratio >= 4.5:
        return []
    return [Problem(CONFIG_FILE, document.line_of(("share_picture", "text" if "text" in colours else "background")),
                    f"{OPTIONS_FIELD}.share_picture", phrase("expected.readable_colours"),
                    phrase("found.contrast", text=chosen.text, background=chosen.background, ratio=f"{ratio:.1f}"))]
