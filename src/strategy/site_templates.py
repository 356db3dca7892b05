"""A site's own templates (its ``overrides/`` folder, ``custom_dir``) read as MkDocs reads
the theme's, so that a mistake in one is said by `strategy check` with its file and line,
in the editor's language, not as Jinja's traceback half-way through a build.

Only the syntax is checked: a template is Jinja, and MkDocs' environment adds the i18n
extension's ``{% trans %}`` to Jinja's own tags. What a template does with the values it is
given shows when a page is built.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2

from .problems import Problem, phrase

TEMPLATE_SUFFIXES = (".html", ".xml")  # the theme's templates; its scripts, styles and pictures are copied as they are

_SYNTAX = jinja2.Environment(extensions=["jinja2.ext.i18n"])  # as mkdocs.theme.Theme.get_env, for parsing


def template_problems(root: Path, theme_dir: str | None) -> list[Problem]:
    """Each template under ``root``/``theme_dir`` that Jinja cannot read, with its line."""
    if not theme_dir:
        return []
    folder = Path(root, theme_dir)
    problems = []
    for directory, _, names in sorted(os.walk(folder)):  # links are refused on their own (site_files.py)
        for name in sorted(names):
            path = Path(directory, name)
            if path.suffix not in TEMPLATE_SUFFIXES or path.is_symlink():
                continue
            file = os.path.relpath(path, root).replace(os.sep, "/")
            try:
                _SYNTAX.parse(path.read_text(encoding="utf-8"), name=file, filename=file)
            except UnicodeDecodeError as error:
                problems.append(Problem(file, None, "", phrase("expected.utf8"),
                                        phrase("found.not_utf8", byte=f"0x{error.object[error.start]:02X}")))
            except OSError as error:
                problems.append(Problem(file, None, "", phrase("expected.template"),
                                        phrase("found.template_unreadable", reason=error.strerror or str(error))))
            except jinja2.TemplateSyntaxError as error:
                problems.append(Problem(file, error.lineno, "", phrase("expected.template"),
                                        phrase("found.template_syntax", error=error.message or "")))
    return problems
