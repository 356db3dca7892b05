"""Bad content is refused with one clear message per problem, naming file and field.

The cases live in tests/broken_content/*.yaml (see its README).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import build, copy_site_sources, run_strategy

CASES = sorted((Path(__file__).parent / "broken_content").glob("*.yaml"))
SCHEMAS = sorted((Path(__file__).parents[1] / "src/strategy/schemas").glob("*.schema.json"))


def apply_case(root: Path, case: dict) -> None:
    for relative, text in (case.get("write") or {}).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):  # !!binary in the case: a picture, or a file that claims to be one
            (root / relative).write_bytes(text)
        else:
            (root / relative).write_text(text, encoding=case.get("encoding", "utf-8"))
    for relative, target in (case.get("link") or {}).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).symlink_to(target)
    for relative, changes in (case.get("replace") or {}).items():
        text = (root / relative).read_text(encoding="utf-8")
        for change in changes:
            assert change["old"] in text, f"{relative} does not say {change['old']!r}"
            text = text.replace(change["old"], change["new"], 1)
        (root / relative).write_text(text, encoding="utf-8")
    for relative in case.get("remove") or []:
        (root / relative).unlink()


def expected_lines(case: dict) -> list[tuple[re.Pattern, str]]:
    """For each expected problem: where it is (file, line if given, field), and what its message says."""
    expected = []
    for problem in case["problems"]:
        line = f":{problem['line']}" if "line" in problem else r"(:\d+)?"
        field = f"field '{problem['field']}'" if problem["field"] else "file"
        expected.append((re.compile(re.escape(problem["file"]) + line + re.escape(f": {field}: ")), problem["says"]))
    return expected


def assert_reports(output: str, case: dict) -> None:
    lines = [line.strip() for line in output.splitlines()]
    for where, says in expected_lines(case):
        matching = [line for line in lines if where.match(line)]
        assert matching, f"no problem reported at {where.pattern!r} in:\n{output}"
        assert any(says in line for line in matching), f"{where.pattern!r} does not say {says!r}:\n{output}"


def footprint(case: dict) -> set[str]:
    """The files a case changes or expects a problem in; a post and its twin count as one."""
    files = {*(case.get("write") or {}), *(case.get("link") or {}), *(case.get("replace") or {}),
             *(case.get("remove") or []),
             *(problem["file"] for problem in case["problems"])}
    return {re.sub(r"^docs/(en|cy)/", "docs/*/", file) for file in files}


# What other files rely on: the options, the plan and earlier versions of it, the mission
# posts (one per mission), and the pages others link to. Two cases that change any of these
# never share a copy.
SITE_WIDE = re.compile(r"^(mkdocs\.yml|data/|docs/\*/(posts/missions/|index\.md|delivery-plan\.md))")


def is_site_wide(files: set[str]) -> bool:
    return any(SITE_WIDE.match(file) for file in files)


def share_sites(cases: dict[str, dict]) -> dict[str, tuple[str, ...]]:
    """Each case's group: cases whose footprints do not meet, and no two of them site-wide,
    share one broken copy of the site, checked once and built once. Each case is still
    asserted on its own, with the others' problems beside it, as an editor's run with
    several mistakes shows them."""
    groups: list[tuple[list[str], set[str]]] = []
    for name, case in cases.items():
        needs = footprint(case)
        group = next((group for group in groups
                      if not group[1] & needs and not (is_site_wide(group[1]) and is_site_wide(needs))), None)
        if group is None:
            groups.append(group := ([], set()))
        group[0].append(name)
        group[1].update(needs)
    return {name: tuple(names) for names, _ in groups for name in names}


CASE = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in CASES}
GROUP = share_sites(CASE)


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """run(case, command): what `check` or a build said of the broken copy that holds ``case``
    (and its group), and that copy's folder. Each group is copied, checked and built once."""
    copies, said = {}, {}

    def run(name: str, command: str):
        group = GROUP[name]
        if group not in copies:
            folder = tmp_path_factory.mktemp("broken")
            copy_site_sources(folder / "repo")
            for member in group:
                apply_case(folder / "repo", CASE[member])
            copies[group] = folder
        if (group, command) not in said:
            root = copies[group] / "repo"
            said[group, command] = run_strategy(root, "check") if command == "check" else build(root, copies[group] / "site")
        return said[group, command], copies[group]

    return run


@pytest.mark.parametrize("name", CASE)
def test_checker_names_file_and_field_of_every_problem(name, broken):
    result, _ = broken(name, "check")

    assert result.returncode == 1
    assert_reports(result.stderr, CASE[name])


@pytest.mark.parametrize("name", CASE)
def test_build_refuses_bad_content_naming_the_same_problems_and_writes_no_site(name, broken):
    # The build checks bodies as MkDocs renders them (strategy/events/content.py), not as `make check`
    # does: each case is refused by both, with the same messages. That a refused build
    # keeps the old site is shown once, below.
    result, folder = broken(name, "build")

    assert result.returncode != 0
    assert_reports(result.stdout + result.stderr, CASE[name])
    assert [p.name for p in folder.iterdir()] == ["repo"], "a half-built site was left behind"
    assert f"The build failed; nothing was written to {folder / 'site'}." in result.stderr


def test_cases_share_a_site_only_where_they_touch_different_files():
    groups = set(GROUP.values())
    assert len(groups) < len(CASE)  # the sharing is doing something
    for group in groups:
        touched = [footprint(CASE[name]) for name in group]
        assert all(not a & b for i, a in enumerate(touched) for b in touched[i + 1:]), group
        assert sum(is_site_wide(files) for files in touched) <= 1, group


# Cases that can all be wrong at once: in different files, or different lines of one.
TOGETHER = ("event-times-that-do-not-exist", "plan-dates-that-do-not-exist", "site-options",
            "misspelt-field-hides-nothing", "plan-status-hides-nothing", "schema-error-hides-nothing",
            "unreadable-twin-hides-nothing")


def all_wrong_at_once(root: Path) -> list[dict]:
    """The TOGETHER cases applied to ``root``, and one twin removed: problems in five files."""
    cases = [yaml.safe_load((CASES[0].parent / f"{name}.yaml").read_text(encoding="utf-8")) for name in TOGETHER]
    for case in cases:
        apply_case(root, case)
    (root / "docs/cy/posts/missions/digital-economy.md").unlink()
    return cases


def test_every_problem_of_a_run_is_reported_together(site_copy):
    cases = all_wrong_at_once(site_copy)

    result = run_strategy(site_copy, "check")

    assert result.returncode == 1
    assert "docs/cy/posts/missions/digital-economy.md, found no such file" in result.stderr
    assert all(case["problems"] for case in cases)  # so that the loop below asserts for every case
    for case in cases:
        assert_reports(result.stderr, case)
    # Each problem once, and nothing that follows from another: the cases' problems and the missing twin.
    reported = [line for line in result.stderr.splitlines() if line.startswith("  ")]
    assert len(reported) == sum(len(case["problems"]) for case in cases) + 1, result.stderr


def test_a_refused_build_reports_every_problem_and_keeps_the_old_site_byte_for_byte(site_copy, built_site, tmp_path):
    # The one test that a build refused for its content keeps the old site (a stopped
    # build: test_build_safety.py; bad variables, refused before a build starts: test_arguments.py).
    site_dir = tmp_path / "site"
    shutil.copytree(built_site, site_dir)  # the fixture site as published (built once per run)
    published = {p.relative_to(site_dir): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}
    cases = all_wrong_at_once(site_copy)

    result = build(site_copy, site_dir)

    assert result.returncode != 0
    assert f"The build failed; {site_dir} was left as it was." in result.stderr
    for case in cases:
        assert_reports(result.stdout + result.stderr, case)
    assert {p.relative_to(site_dir): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()} == published
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"], "a half-built site was left behind"


@pytest.mark.parametrize("schema_file", SCHEMAS, ids=[schema.name for schema in SCHEMAS])
def test_every_schema_file_is_a_valid_json_schema(schema_file):
    # The build trusts the schema files (checking them against the meta-schema
    # on every build cost more than checking a thousand posts): this is their check.
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)
