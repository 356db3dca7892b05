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

from conftest import build, run_strategy

CASES = sorted((Path(__file__).parent / "broken_content").glob("*.yaml"))
SCHEMAS = sorted((Path(__file__).parents[1] / "schemas").glob("*.schema.json"))


def apply_case(root: Path, case: dict) -> None:
    for relative, text in (case.get("write") or {}).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding=case.get("encoding", "utf-8"))
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


@pytest.mark.parametrize("case_file", CASES, ids=[case.stem for case in CASES])
def test_checker_names_file_and_field_of_every_problem(case_file, site_copy):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    apply_case(site_copy, case)

    result = run_strategy(site_copy, "check")

    assert result.returncode == 1
    assert_reports(result.stderr, case)


@pytest.mark.parametrize("case_file", CASES, ids=[case.stem for case in CASES])
def test_build_refuses_bad_content_naming_the_same_problems_and_writes_no_site(case_file, site_copy, tmp_path):
    # The build checks bodies as MkDocs renders them (hooks/content.py), not as `make check`
    # does: each case is refused by both, with the same messages. That a refused build
    # keeps the old site is shown once, below.
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    apply_case(site_copy, case)

    result = build(site_copy, tmp_path / "site")

    assert result.returncode != 0
    assert_reports(result.stdout + result.stderr, case)
    assert [p.name for p in tmp_path.iterdir()] == ["repo"], "a half-built site was left behind"


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
