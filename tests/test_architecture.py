"""The code's shape, where a newcomer relies on it: the core holds no markup, and the
plugin's event handlers run in the order their work needs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from conftest import FIXTURE, REPO

CORE = REPO / "src" / "strategy"
ADAPTERS = {"plugin.py"}  # the MkDocs plugin; its handlers are in events/, the core is the rest
# An HTML (or XML, SVG) tag: '<p', '</td>', '<br>', '<svg '...
_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s|/?>|$)")
# Strings that are about markup without being markup: patterns that find it in
# finished pages or in content (the content check, the policy's script hashing).
_PATTERN_CALLS = {"compile", "findall", "search", "match", "fullmatch", "sub", "finditer", "split"}
# A regular expression's named group, "(?P<file>...)", is no tag.
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
# Messages to editors that name an element ("a <script> element"): prose, not markup.
_MESSAGES_NAMING_TAGS = {("markup.py", "a <script> element"),
                         ("markup.py", "an embedded <iframe>, <object> or <embed>")}


def _markup_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each string or f-string in ``path`` that holds a tag."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        # Docstrings describe markup; regular expressions look for it.
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node) is not None:
            allowed.add(id(node.body[0].value))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _PATTERN_CALLS:
            allowed.update(id(arg) for arg in node.args[:1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            allowed.update(id(part) for part in node.values)  # judged as a whole
            text = "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if id(node) not in allowed and _TAG.search(_NAMED_GROUP.sub("", text)):
            found.append((node.lineno, text[:60]))
    return sorted(found)


def test_the_core_writes_no_markup_the_templates_do():
    # Markup belongs in theme/partials/strategy/, where a site can override it.
    found = [f"{path.relative_to(REPO)}:{line}: {text!r}"
             for path in sorted(CORE.glob("*.py")) if path.name not in ADAPTERS for line, text in _markup_literals(path)
             if (path.name, text) not in _MESSAGES_NAMING_TAGS]
    assert found == []


def test_the_markup_check_finds_markup_in_strings_and_f_strings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""A <p> in a docstring is prose."""\nimport re\n'
                      'A = f"<td>{1}</td>"\nB = "<br>"\nC = re.compile(r"<script")\nD = "a < b"\n')
    assert [line for line, _ in _markup_literals(sample)] == [3, 4]


def test_the_core_imports_nothing_from_mkdocs():
    for path in [path for path in CORE.glob("*.py") if path.name not in ADAPTERS]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [name for name in imported if name.split(".")[0] in ("mkdocs", "material", "mkdocs_static_i18n")], path


def _config(site: Path) -> dict:
    class IgnoreTags(yaml.SafeLoader):
        pass

    IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=IgnoreTags)


def test_the_plugins_handlers_run_in_the_order_their_work_needs():
    from strategy.plugin import EVENT_MODULES

    order = [module.__name__.rsplit(".", 1)[-1] for module in EVENT_MODULES]
    assert order[0] == "build_safety"  # refuses a site folder it did not make before anything else
    assert order[-2:] == ["page_output", "not_found"]  # the policy hashes the final scripts; 404s last
    for before, after in (("content", "plan_blocks"), ("plan_blocks", "feeds"), ("feeds", "search_index"),
                          ("content", "reader_pages")):
        assert order.index(before) < order.index(after), (before, after)
    assert sorted(order) == sorted(path.stem for path in (CORE / "events").glob("*.py")
                                   if path.stem not in ("__init__", "i18n_pages", "theme_templates", "written_files"))


# What wires the code into a site, as opposed to what a site chooses for itself (its
# names, address, options, pages and their menu): the same in every site.
CODE_SETTINGS = ("docs_dir", "strict", "watch", "markdown_extensions", "not_in_nav", "validation")


def _code_settings(config: dict) -> dict:
    plugins = {}
    for entry in config["plugins"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        # Our plugin's options are the site's own (its feeds' authority, its contact...).
        plugins[name] = {key: value for key, value in (options or {}).items() if key != "languages" and name != "strategy"}
    theme = {key: value for key, value in config["theme"].items() if key != "icon"}
    return {"theme": theme, "plugins": plugins, **{key: config.get(key) for key in CODE_SETTINGS}}


def test_the_tests_own_site_wires_the_code_in_as_the_sample_site_does():
    # The behaviour tests build tests/fixture_site with its own mkdocs.yml (its own
    # name, address and options), so that a new owner can change the sample site's
    # freely; the code it wires in must be the sample site's, or the tests would
    # test another build than the one published.
    assert _code_settings(_config(FIXTURE)) == _code_settings(_config(REPO))


def test_no_browser_test_waits_a_fixed_time():
    # A fixed sleep passes on an idle machine and fails on a busy one or a newer
    # browser: browser tests wait for a condition, or for the page to settle
    # (conftest.settle). Polling a condition with a short sleep between tries is fine.
    fixed_wait = "wait_for" + "_timeout("
    waits = [f"{path.name}:{number}" for path in sorted((REPO / "tests").glob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fixed_wait in line]
    assert waits == []


def test_every_module_of_the_package_imports_as_installed():
    # Modules import one another by the package's name (strategy.events.i18n_pages), never
    # by a bare name that worked only while a folder was on the path.
    import importlib
    import pkgutil

    import strategy

    names = [info.name for info in pkgutil.walk_packages(strategy.__path__, "strategy.")]
    assert "strategy.events.content" in names and "strategy.preview.worker" in names
    for name in names:
        importlib.import_module(name)
