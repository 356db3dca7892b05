"""A Welsh editor gets every content problem in Welsh, and any front matter or plan
entry an editor can write gets either success or clear messages, never a traceback.

The words of each message come from the catalogue (problem.* in
src/strategy/catalogue.yml); the cases are tests/broken_content/*.yaml.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from conftest import REPO, build, run_strategy
from test_content_errors import CASES, TOGETHER, apply_case

from strategy.loader import load_content
from strategy.problems import ContentError, Phrase
from strategy.yamltext import parse_yaml, syntax_problem

CATALOGUE = yaml.safe_load((REPO / "src/strategy/catalogue.yml").read_text(encoding="utf-8"))
PHRASES = {key: texts for key, texts in CATALOGUE.items() if key.startswith("problem.")}
HIDDEN = [case for case in CASES if case.stem.endswith("hides-nothing")]


def _pattern(template: str) -> str:
    """A catalogue string as a regular expression: each {placeholder} stands for any text."""
    return "".join(".+" if part.startswith("{") else re.escape(part) for part in re.split(r"(\{[^}]*\})", template))


def _matcher(prefix: str, language: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{_pattern(texts[language])})" for key, texts in PHRASES.items()
                               if key.startswith(prefix)))


WELSH_EXPECTED, WELSH_FOUND = _matcher("problem.expected.", "cy"), _matcher("problem.found.", "cy")
WELSH_LINE = re.compile(r"^  (?P<where>\S+?)(:\d+)?: (maes '(?P<field>.*?)'|ffeil): disgwylid (?P<expected>.+?), "
                        r"cafwyd (?P<found>.+?)(?: \(oeddech chi'n golygu '[^']*'\?\))?$")
VALUE = re.compile(r"'.*'|\d+|\d{4}-\d\d-\d\d(, \d{4}-\d\d-\d\d)*|true|false")
# The words of the English catalogue that its Welsh never uses: none may be left in a Welsh message.
ENGLISH_ONLY = sorted({fragment.strip(" ,():") for texts in PHRASES.values()
                       for fragment in re.split(r"\{[^}]*\}|'[^']*'", texts["en"])
                       if len(fragment.strip(" ,():").split()) >= 3} - {""})


def assert_in_welsh(output: str) -> list[str]:
    """Every problem line of ``output`` is the catalogue's Welsh; returns them."""
    lines = output.splitlines()
    assert re.fullmatch(_pattern(PHRASES["problem.heading"]["cy"]) + "|" + _pattern(PHRASES["problem.heading_one"]["cy"]),
                        lines[0]), lines[0]
    problems = [line for line in lines[1:] if line.startswith("  ")]
    for line in problems:
        parts = WELSH_LINE.match(line)
        assert parts, f"not a Welsh problem message: {line}"
        assert WELSH_EXPECTED.fullmatch(parts["expected"]), f"'{parts['expected']}' is not the catalogue's Welsh"
        assert WELSH_FOUND.fullmatch(parts["found"]) or VALUE.fullmatch(parts["found"]), \
            f"'{parts['found']}' is not the catalogue's Welsh"
        left = [english for english in ENGLISH_ONLY if english in line]
        assert not left, f"English left in {line!r}: {left}"
    return problems


def welsh_location(problem: dict) -> re.Pattern:
    line = f":{problem['line']}" if "line" in problem else r"(:\d+)?"
    return re.compile(re.escape(problem["file"]) + line + re.escape(": " + (f"maes '{problem['field']}'" if problem["field"]
                                                                           else "ffeil")))


@pytest.mark.parametrize("case_file", HIDDEN, ids=[case.stem for case in HIDDEN])
def test_a_welsh_editor_gets_every_hidden_problem_in_welsh(case_file, site_copy):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    apply_case(site_copy, case)

    english = run_strategy(site_copy, "check", env={"STRATEGY_LANG": "en"})
    welsh = run_strategy(site_copy, "check", env={"STRATEGY_LANG": "cy"})

    assert welsh.returncode == 1
    problems = assert_in_welsh(welsh.stderr)
    assert len(problems) == len(case["problems"]) == english.stderr.count("\n  ")
    for problem in case["problems"]:
        assert any(welsh_location(problem).match(line.strip()) for line in problems), welsh_location(problem).pattern


def test_every_problem_of_a_run_is_reported_together_in_welsh_by_locale(site_copy):
    for name in TOGETHER:
        apply_case(site_copy, yaml.safe_load((CASES[0].parent / f"{name}.yaml").read_text(encoding="utf-8")))

    result = run_strategy(site_copy, "check", env={"STRATEGY_LANG": "", "LC_ALL": "", "LANG": "cy_GB.UTF-8"})

    assert result.returncode == 1
    problems = assert_in_welsh(result.stderr)
    assert "(oeddech chi'n golygu 'summary'?)" in result.stderr
    assert "maes 'missions[digital-services].actions[ds-publish-standards].status'" in result.stderr
    assert len(problems) == sum(len(yaml.safe_load((CASES[0].parent / f"{name}.yaml").read_text(encoding="utf-8"))
                                    ["problems"]) for name in TOGETHER)


def test_a_welsh_editor_gets_the_builds_content_problems_in_welsh(site_copy, tmp_path):
    case = yaml.safe_load((CASES[0].parent / "unreadable-twin-hides-nothing.yaml").read_text(encoding="utf-8"))
    apply_case(site_copy, case)

    result = build(site_copy, tmp_path / "site", env={"STRATEGY_LANG": "cy"})

    assert result.returncode != 0
    output = result.stdout + result.stderr
    heading = next(line for line in output.splitlines() if "broblem" in line)
    problems = assert_in_welsh("\n".join(output.splitlines()[output.splitlines().index(heading):]))
    assert len(problems) == len(case["problems"])


# --- YAML an editor gets wrong: the line of the mistake, and what to do, in their language ---

YAML_MISTAKES = {  # text -> the line the mistake is on, and what the English message says of it
    'title: "Why now\nsummary: x\ndate: 2026-01-01\n': (1, "a quote that opens here and is never closed"),
    "title: [Why now\nsummary: x\n": (1, "a [ or { that opens here and is never closed"),
    "title: Why: now\n": (1, "a ': ' inside a value"),
    "title: a\n  summary: b\n": (2, "a line indented further than the one above it"),
    "title: a\n\tsummary: b\n": (2, "a tab (indent with spaces)"),
    "title: `code`\n": (1, "such as @, `, %, ! or ?"),
    "title: *bold* move\n": (1, "a value that starts with * or &"),
    'title: "C:\\path"\n': (1, "a backslash inside double quotes"),
    "title: | x\n": (1, "text on the same line as | or >"),
    'title: "Why" now\nsummary: x\n': (1, "does not line up with the fields or items around it"),
    "items:\n  - id: a\n    x: 1\n   y: 2\n": (4, "does not line up with the fields or items around it"),
    # Found by an editor trying the messages (26 November): each once ended in YAML's English.
    "title: *bold\n": (1, "a value that starts with * or &"),
    "title: !Setting the context\n": (1, "such as @, `, %, ! or ?"),
    "title: ? x\n": (1, "such as @, `, %, ! or ?"),
    "title: - x\n": (1, "a '- ' where a value was expected"),
    'title: "a\\x"\n': (1, "write each backslash twice"),
    "kind: series\ntimescale short\ndate: 2026-01-01\n": (2, "is the ': ' after the field's name missing?"),
    # ... and a second (26 November): the first field of a block without its ': ', a quote inside quotes.
    "kind series\nid: x\ntitle: y\n": (1, "is the ': ' after the field's name missing?"),
    "items:\n  - id ds-x\n    text: y\n": (2, "is the ': ' after the field's name missing?"),
    "title: 'Wales's plan'\n": (1, "put the whole value in double quotes"),
}
# The parser the build uses (libyaml's, where PyYAML has it) and the pure-Python one: their words differ.
LOADERS = [loader for loader in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader) if loader]


@pytest.mark.parametrize("loader", LOADERS, ids=[loader.__name__ for loader in LOADERS])
@pytest.mark.parametrize("text", YAML_MISTAKES, ids=range(len(YAML_MISTAKES)))
def test_a_yaml_mistake_is_named_on_its_line_with_what_to_do_in_the_editors_language(text, loader):
    with pytest.raises(yaml.YAMLError) as raised:
        yaml.load(text, Loader=loader)
    problem = syntax_problem(raised.value, "docs/en/post.md", offset=1, text=text)  # front matter starts on line 2

    line, says = YAML_MISTAKES[text]
    assert problem.line == line + 1
    assert says in problem.text("en")
    assert WELSH_LINE.match("  " + problem.text("cy")) and WELSH_FOUND.fullmatch(problem.found.text("cy"))
    assert raised.value.problem not in problem.text("cy")  # none of YAML's English


def test_the_checker_reads_front_matter_with_the_same_words():
    document, problems = parse_yaml("title: Why: now\n", "docs/en/post.md", first_line=2)
    assert document is None and [problem.line for problem in problems] == [2]
    assert "a ': ' inside a value" in problems[0].text("en")


def test_a_value_that_yaml_would_quietly_cut_short_is_refused():
    # '&Co' is a YAML anchor, not text: the title would be published as "news".
    text = "title: &Co news\nsummary: Fine.\nitems:\n  - &first one\n  - two\n"
    document, problems = parse_yaml(text, "docs/en/post.md", first_line=2)

    assert [(problem.line, problem.field) for problem in problems] == [(2, "title"), (5, "items[1]")]
    assert all("a value that starts with * or & (put the value in quotes)" in problem.text("en") for problem in problems)
    assert parse_yaml('title: "&Co news"\n', "docs/en/post.md")[1] == []


def test_text_yaml_would_read_as_a_comment_is_refused_and_a_comment_written_as_one_is_kept():
    # ' #' starts a YAML comment: "#1 priority" would be an empty title, "#2" cut from the summary.
    # A comment two spaces after a value, as EDITORS.md writes them, is one.
    text = ("title: #1 priority\nsummary: Why it exists #2\nkind: series  # page, series or mission\n"
            "items:\n  - Wales #1\n  - '#quoted'\n  - \"also #quoted\"\nbody: |\n  a #b\n")
    document, problems = parse_yaml(text, "docs/en/post.md", first_line=2)

    assert [(problem.line, problem.field) for problem in problems] == [(2, "title"), (3, "summary"), (6, "items[1]")]
    assert "found text after ' #', which YAML reads as a comment and leaves out ('#1 priority'): to keep it, put " \
           "the whole value in quotes" in problems[0].text("en")
    assert all(WELSH_LINE.match("  " + problem.text("cy")) for problem in problems)
    assert document.data["kind"] == "series" and document.data["items"][1:] == ["#quoted", "also #quoted"]
    assert document.data["body"] == "a #b\n"


def test_a_title_read_as_a_comment_is_one_problem_not_two(site_copy):
    post = site_copy / "docs/en/posts/setting-the-context.md"  # the fixture's (tests/fixture_site)
    text = post.read_text(encoding="utf-8")
    post.write_text(re.sub(r"(?m)^title: .*$", "title: #1 priority", text), encoding="utf-8")
    line = next(number for number, written in enumerate(text.splitlines(), start=1) if written.startswith("title:"))
    for language in ("en", "cy"):
        result = run_strategy(site_copy, "check", env={"STRATEGY_LANG": language})
        assert result.returncode == 1
        said = [said for said in result.stderr.splitlines() if "setting-the-context.md" in said]
        assert len(said) == 1 and f"docs/en/posts/setting-the-context.md:{line}: " in said[0], result.stderr


def test_a_backslash_that_would_change_the_text_is_refused_where_it_is():
    # "C:\new" in double quotes is YAML for a line break; "\x41" for an A. Only \" and \\ are kept.
    text = 'title: "Files in C:\\new"\nsummary: "A \\"quoted\\" word, and C:\\\\temp"\nlocation: "one\n  \\x41"\n'
    document, problems = parse_yaml(text, "docs/en/post.md", first_line=2)

    assert document.data["summary"] == 'A "quoted" word, and C:\\temp'
    assert [(problem.line, problem.field) for problem in problems] == [(2, "title"), (5, "location")]
    assert all("a backslash inside double quotes (write each backslash twice: \\\\)" in problem.text("en")
               for problem in problems)


# --- every phrase of every message comes from the catalogue -----------------------

CORE = sorted((REPO / "src/strategy").glob("*.py"))


def _is_plain_text(node: ast.expr) -> bool:
    """Words written into the code: a string, or an f-string that does not start with a quoted value."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value != ""
    if isinstance(node, ast.JoinedStr):
        first = node.values[0] if node.values else None
        return not (isinstance(first, ast.Constant) and str(first.value).startswith("'")) and any(
            isinstance(part, ast.Constant) and re.search(r"[a-z]{3}", part.value) for part in node.values)
    return False


def test_a_welsh_editor_is_told_of_an_outdated_translation_in_welsh(site_copy, tmp_path):
    source = site_copy / "docs/en/posts/setting-the-context.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    welsh = {"STRATEGY_LANG": "cy"}
    translation = "docs/cy/posts/setting-the-context.md"

    checked = run_strategy(site_copy, "check", env=welsh)
    assert checked.returncode == 0, checked.stderr
    assert (f"Rhybudd: Efallai fod {translation} wedi dyddio: mae docs/en/posts/setting-the-context.md wedi newid "
            f"ers ei gyfieithu (diweddarwch ef, yna rhedwch 'make translated FILE={translation}')") in checked.stderr
    report = run_strategy(site_copy, "translations", env=welsh).stdout
    assert re.search(rf"^{re.escape(translation)} +wedi dyddio$", report, re.MULTILINE)
    assert re.search(r"^\d+ cyfieithiad: \d+ yn gyfredol, 1 wedi dyddio, 0 ar goll$", report, re.MULTILINE)
    built = build(site_copy, tmp_path / "site", env=welsh)
    assert f"Efallai fod {translation} wedi dyddio" in built.stderr
    for output in (checked.stderr, report, built.stderr):
        assert "may be out of date" not in output and "outdated" not in output and "in-step" not in output


@pytest.mark.parametrize("module", CORE, ids=[module.name for module in CORE])
def test_no_problem_is_written_in_english_in_the_code(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "Problem":
            words = call.args[3:5] + [k.value for k in call.keywords if k.arg in ("expected", "found")]
            assert not any(_is_plain_text(node) for node in words), f"{module.name}:{call.lineno}: words not from the catalogue"


def test_every_phrase_the_code_names_is_in_the_catalogue_in_both_languages():
    named = {match for module in CORE for match in re.findall(r'phrase\(\s*"([a-z_.A-Z]+)"', module.read_text(encoding="utf-8"))}
    assert named, "no phrases found: the test looks for the wrong thing"
    for key in named:
        assert {"en", "cy"} <= set(CATALOGUE.get(f"problem.{key}") or {}), key


def test_every_schema_rule_names_a_catalogue_phrase():
    for schema in (REPO / "src/strategy/schemas").glob("*.schema.json"):
        for written in re.findall(r'"x-expected":\s*"([^"]*)"', schema.read_text(encoding="utf-8")):
            assert f"problem.expected.{written}" in CATALOGUE, f"{schema.name}: x-expected '{written}'"


def test_a_problem_reads_in_the_language_asked_for():
    problem = ContentError([])  # the heading alone
    assert problem.text("cy") == "0 o broblemau yn y cynnwys:"
    assert problem.text("en") == "0 problems in the content:"


# --- anything an editor can write: success or clear messages, never a traceback -------

PLAN = (REPO / "data/plan.yaml").read_text(encoding="utf-8")
FIELD_NAMES = ["kind", "id", "title", "summary", "date", "mission", "draft", "changes", "start", "end", "location",
               "translation", "sumary", "updated", "status", "owner"]
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3000), st.sampled_from(
        ["series", "mission", "event", "page", "digital-skills", "digital-skils", "2026-11-02", "2026-02-30",
         "2026-03-29T01:30", "2026-12-08T25:00", "to-follow", "", "x" * 80, "<script>", "\x07"]),
    st.text(max_size=12), st.lists(st.dictionaries(st.sampled_from(["date", "note"]), st.sampled_from(["2026-11-03", "a"]),
                                                   max_size=2), max_size=2),
)
FRONT_MATTER = st.dictionaries(st.sampled_from(FIELD_NAMES), VALUES, max_size=8)
ACTION_FIELDS = st.fixed_dictionaries({}, optional={
    "id": st.sampled_from(["ds-new", "ds-standards", "", "Bad Id"]) | st.integers(0, 2),
    "owner": st.sampled_from(["cdps", "cdsp", "nobody"]) | st.none(),
    "status": st.sampled_from(["complete", "compelte", "done"]) | st.integers(0, 2),
    "outcomes": st.lists(st.sampled_from(["ds-standards", "ds-standard", "dsk-professions"]), max_size=2) | st.text(max_size=3),
    "timescale": st.sampled_from(["short", "soon"]), "updated": st.sampled_from(["2026-10-14", "2026-02-30"]),
    "text": st.fixed_dictionaries({"en": st.text(max_size=5)}), "sumary": st.just("x"),
})


def _site(front_matter: dict, action: dict) -> Path:
    root = Path(tempfile.mkdtemp(prefix="problems-"))
    for language in ("en", "cy"):
        (root / "docs" / language).mkdir(parents=True)
    (root / "data").mkdir()
    (root / "docs/en/post.md").write_text("---\n" + json.dumps(front_matter) + "\n---\nText.\n", encoding="utf-8")
    (root / "docs/cy/post.md").write_text("---\ntranslated_from: en\ntitle: Teitl\n---\nTestun.\n", encoding="utf-8")
    entry = "\n".join("      " + line for line in yaml.safe_dump([action], allow_unicode=True).splitlines())
    plan = PLAN.replace("    actions:\n", "    actions:\n" + entry + "\n", 1)  # the first mission's first action
    (root / "data/plan.yaml").write_text(plan, encoding="utf-8")
    return root


def _plain(node) -> bool:
    """Every phrase of a message is the catalogue's, and every other part a value as written."""
    if isinstance(node, Phrase):
        return all(_plain(value) for _, value in node.values if isinstance(value, Phrase))
    return isinstance(node, str) and (node == "" or VALUE.fullmatch(node) is not None or node.startswith("'"))


@settings(max_examples=25, deadline=None, derandomize=bool(os.environ.get("CI")))
@given(front_matter=FRONT_MATTER, action=ACTION_FIELDS)
def test_any_front_matter_and_plan_entry_gets_clear_messages_never_a_traceback(front_matter, action):
    root = _site(front_matter, action)
    try:
        load_content(root)
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file in ("docs/en/post.md", "docs/cy/post.md", "data/plan.yaml"), problem
            assert _plain(problem.expected) and _plain(problem.found), problem
            assert problem.text("en") and WELSH_LINE.match("  " + problem.text("cy")), problem.text("cy")
    finally:
        shutil.rmtree(root)
