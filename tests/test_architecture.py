"""The code's shape, where a newcomer relies on it: the core holds no markup, and the
hooks run in the order their work needs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from conftest import REPO

CORE = REPO / "hooks" / "strategy"
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
    # Markup belongs in overrides/partials/strategy/, where a site can override it.
    found = [f"{path.relative_to(REPO)}:{line}: {text!r}"
             for path in sorted(CORE.glob("*.py")) for line, text in _markup_literals(path)
             if (path.name, text) not in _MESSAGES_NAMING_TAGS]
    assert found == []


def test_the_markup_check_finds_markup_in_strings_and_f_strings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""A <p> in a docstring is prose."""\nimport re\n'
                      'A = f"<td>{1}</td>"\nB = "<br>"\nC = re.compile(r"<script")\nD = "a < b"\n')
    assert [line for line, _ in _markup_literals(sample)] == [3, 4]


def test_the_core_imports_nothing_from_mkdocs():
    for path in CORE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [name for name in imported if name.split(".")[0] in ("mkdocs", "material", "mkdocs_static_i18n")], path


def _hooks() -> list[str]:
    class IgnoreTags(yaml.SafeLoader):
        pass

    IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=IgnoreTags)
    return [Path(hook).name for hook in config["hooks"]]


def test_hooks_run_in_the_order_their_work_needs():
    hooks = _hooks()
    position = hooks.index
    # Nothing is built into a folder the build may not replace.
    assert hooks[0] == "build_safety.py"
    # The model and the options are loaded before any other of our hooks reads them
    # (the two that choose which languages this process builds read neither).
    assert all(position("content.py") < position(h) for h in hooks
               if h not in ("build_safety.py", "preview_languages.py", "language_builds.py", "content.py"))
    # A page's blocks are back in its HTML before the feeds keep that HTML...
    assert position("plan_blocks.py") < position("feeds.py")
    # ...which the search index reads.
    assert position("feeds.py") < position("search_index.py")
    # The policy hashes the page's final scripts; the not-found pages move once finished.
    assert hooks[-2:] == ["page_output.py", "not_found.py"]
