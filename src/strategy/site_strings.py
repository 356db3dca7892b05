"""A site's own wording of the package's strings: the plugin's ``strings`` option names a
YAML file shaped like the package's catalogue.yml, holding only the keys the site words
its own way, each in both languages:

    feed.description:
      en: "Every post of the county's digital plan, newest first."
      cy: "Pob cofnod yng nghynllun digidol y sir, y mwyaf diweddar yn gyntaf."

Each key must be one of the package's, and each text may use only the placeholders of
the text it replaces (``{count}``, ``{mission|soft}``: the code fills in those), each as
a name and at most a mutation, nothing more (``{count:>999999}`` or ``{mission.x}`` would
be a way to make the build fail or hang). A brace that is text is written twice: ``{{``.
"""

from __future__ import annotations

import string
from pathlib import Path

from . import LANGUAGES
from .catalogue import package_catalogue, plural_categories, texts
from .problems import Problem, near_miss, phrase
from .welsh import MUTATIONS
from .yamltext import parse_yaml, read_text


def _placeholders(text: str) -> set[str]:
    """The names of the package's placeholders in one of its texts."""
    return {name.split("|")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def _text_problem(text: str, wanted: set[str]):
    """Why a site's ``text`` cannot stand for a package text whose placeholders are
    ``wanted`` (a phrase), or None."""
    try:
        fields = [(name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(text)
                  if name is not None]
    except ValueError:  # "Single '{' encountered in format string"
        return phrase("found.single_brace", text=text)
    for name, conversion, spec in fields:
        placeholder, _, mutation = name.partition("|")
        if conversion or spec or placeholder not in wanted or (mutation and mutation not in MUTATIONS):
            return phrase("found.site_placeholder", text=text, placeholder="{" + name + (f"!{conversion}" if conversion else "")
                          + (f":{spec}" if spec else "") + "}")
    return None


def _inside(file: Path, root: Path) -> bool:
    """Whether ``file`` is within the site's folder, links followed: no file from elsewhere is read."""
    try:
        file.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


def read_site_strings(root: Path, name: str) -> tuple[dict[str, dict], list[Problem]]:
    """The site's strings from the file ``name`` (as mkdocs.yml gives it) in ``root``, and every problem."""
    file = root / name
    if not _inside(file, root) or not file.is_file():
        return {}, [Problem("mkdocs.yml", None, "plugins.strategy.strings", phrase("expected.site_strings_file"), repr(name))]
    text, problems = read_text(file, name)
    if text is None:
        return {}, problems
    document, problems = parse_yaml(text, name)
    if document is None or problems:
        return {}, problems
    if document.data is None:  # nothing but comments: the package's wording throughout
        return {}, []
    if not isinstance(document.data, dict):
        return {}, [Problem(name, 1, "", phrase("expected.site_strings"), phrase("found.fields"))]
    package, strings = package_catalogue(), {}
    for key, values in document.data.items():
        line = document.line_of((key,))
        if key not in package:
            problems.append(Problem(name, line, str(key), phrase("expected.catalogue_key"), repr(key),
                                    near_miss(str(key), package) or ""))
            continue
        if not isinstance(values, dict) or not values or set(values) - set(LANGUAGES):
            problems.append(Problem(name, line, str(key), phrase("expected.site_string_languages"), repr(values)))
            continue
        found_here = []
        for language, value in values.items():
            expected_forms = package[key][language]
            shape_ok = (isinstance(value, str) if isinstance(expected_forms, str)
                        else isinstance(value, dict) and set(value) == plural_categories(language))
            wanted = set().union(*(_placeholders(form) for form in texts(expected_forms)))
            expected = (phrase("expected.site_string", placeholders=", ".join("{" + name + "}" for name in sorted(wanted)))
                        if wanted else phrase("expected.site_string_no_placeholders"))
            why = (None if not shape_ok
                   else next(filter(None, (_text_problem(form, wanted) for form in texts(value) if isinstance(form, str))),
                             None))
            if not shape_ok or why:
                found_here.append(Problem(name, document.line_of((key, language)), f"{key}.{language}", expected,
                                          why or repr(value)))
        problems += found_here
        if not found_here:
            strings[key] = values
    return strings, problems
