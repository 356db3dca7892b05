"""What people type: every command-line argument and environment variable is
either accepted or refused with one message naming it and what was expected,
exit status 2 (1 from `mkdocs build`), never a traceback, and nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import BUILD_DATE, build, run_strategy
from strategy.__main__ import main
from strategy.consultation import build_moment
from strategy.inputs import MAX_NAME_LENGTH, PLAIN_NAME, InvalidInput, environment_problems

CI = bool(os.environ.get("CI"))
GENERATED = settings(max_examples=40, derandomize=CI, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.mark.parametrize("arguments, refused", [
    (["--date", "2023-02-30"], "--date: expected a date that exists, as YYYY-MM-DD"),
    (["--date", "30/11/2026"], "--date: expected a date that exists, as YYYY-MM-DD"),
    (["--slug", "../../../escaped"], "--slug: expected a plain name"),
    (["--slug", "Posts/New"], "--slug: expected a plain name"),
    (["--slug", "a" * (MAX_NAME_LENGTH + 1)], "--slug: expected a plain name"),
    (["--title", "Bell\a"], "--title: expected text on one line, without control characters"),
    (["--title-cy", "Dwy\nlinell"], "--title-cy: expected text on one line, without control characters"),
    (["--kind", "mission", "--mission", "../plan"], "--mission: expected a plain name"),
])
def test_new_refuses_a_bad_argument_by_name_and_writes_nothing(site_copy, arguments, refused):
    before = files_under(site_copy.parent)
    given_titles = {"--title": "Listening", "--title-cy": "Gwrando"}
    for name in [name for name in given_titles if name in arguments]:
        given_titles.pop(name)

    result = run_strategy(site_copy, "new", *arguments, *[x for pair in given_titles.items() for x in pair])

    assert result.returncode == 2
    assert refused in result.stderr
    assert "Traceback" not in result.stderr
    assert files_under(site_copy.parent) == before


@pytest.mark.parametrize("command", [["translations"], ["help"], ["--help"], ["new", "--help"]])
def test_a_listing_whose_reader_has_gone_ends_quietly(site_copy, command):
    """`make translations | head -1`: the reader may close the pipe before the listing ends.
    Here it is closed before the command starts, so that every line meets a closed pipe."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        ended = subprocess.run([sys.executable, "-m", "strategy", "--root", str(site_copy), *command],
                               cwd=site_copy, stdout=writing, stderr=subprocess.PIPE, text=True, timeout=300,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    finally:
        os.close(writing)
    assert "Traceback" not in ended.stderr and "BrokenPipe" not in ended.stderr, ended.stderr


def test_a_very_long_title_gives_a_file_name_cut_at_a_word(site_copy):
    title = "Digital services for everyone in every part of Wales " * 40  # 2,120 characters
    result = run_strategy(site_copy, "new", "--title", title, "--title-cy", "Gwasanaethau digidol")

    assert result.returncode == 0, result.stderr
    name = "digital-services-for-everyone-in-every-part-of-wales-digital-services-for.md"  # 73 + 3 characters
    assert f"Created docs/en/posts/{name}" in result.stdout
    assert f"Created docs/cy/posts/{name}" in result.stdout


@pytest.mark.parametrize("variable, value, expected", [
    ("STRATEGY_BUILD_DATE", "garbage", "a date that exists, as YYYY-MM-DD"),
    ("STRATEGY_BUILD_DATE", "2027-02-30", "a date that exists, as YYYY-MM-DD"),
    ("STRATEGY_BUILD_DATE", "2027-03-28T01:30", "a Welsh local time that exists"),  # the clocks go forward
    ("SOURCE_DATE_EPOCH", "yesterday", "a whole number of seconds since 1970-01-01"),
    ("STRATEGY_PREVIEW", "yes", "1 (yes) or 0 (no)"),
    ("STRATEGY_SEQUENTIAL", "true", "1 (yes) or 0 (no)"),
])
def test_make_build_refuses_a_bad_variable_by_name_and_keeps_the_old_site(site_copy, tmp_path, variable, value,
                                                                           expected):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    result = build(site_copy, site_dir, env={variable: value})

    assert result.returncode == 2
    assert f"{variable}: expected {expected}" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(site_dir.iterdir()) == []


def test_mkdocs_build_names_a_bad_variable_too(site_copy, tmp_path):
    # MkDocs reads SOURCE_DATE_EPOCH itself, and would fail with a traceback.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")], cwd=site_copy,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "yesterday"},
                            capture_output=True, text=True)

    assert result.returncode == 1
    assert "SOURCE_DATE_EPOCH: expected a whole number of seconds" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("arguments, refused", [
    (["--root", "/nowhere", "check"], "--root: expected the repository's folder, with mkdocs.yml in it"),
    (["serve", "--root", "/nowhere"], "--root: expected the repository's folder, with mkdocs.yml in it"),
    (["translated", "../../etc/passwd"], "../../etc/passwd: not a page of the site"),
    (["translated", "docs/en/index.md"], "docs/en/index.md is a source (the language a post was written in first), "
                                         "not a translation: its translation is docs/cy/index.md"),
    (["versions", "--branch", "../main"], "--branch: expected a branch name"),
    (["versions", "--address", "everywhere"], "--address: expected an address and a port"),
    (["serve", "--dev-addr", "everywhere"], "--dev-addr: expected an address and a port"),
    (["chek"], "command: expected one of build, check, help, init, new, proof, serve, translated, translations, "
               "versions, found 'chek'. Did you mean 'check'?"),
])
def test_other_commands_name_a_bad_argument(site_copy, arguments, refused):
    before = files_under(site_copy)
    result = run_strategy(site_copy, *arguments)

    assert result.returncode == 2
    assert refused in result.stderr
    assert "Traceback" not in result.stderr
    assert files_under(site_copy) == before


# --- generated arguments and variables --------------------------------------------

# Text as a terminal can hand it over: any character but NUL (which argv cannot hold),
# with the troublesome ones made likely.
TYPED = st.text(st.one_of(st.characters(exclude_characters="\x00"),
                          st.sampled_from(list("/.-\\\n\a\x1b\udcff\ufeffŵ"))),
                max_size=120)
TITLES = st.one_of(st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCŴŶÂ'’-:?0123456789")), min_size=1,
                           max_size=100), TYPED)
SLUGS = st.one_of(TYPED, st.from_regex(PLAIN_NAME, fullmatch=True), st.sampled_from(["../x", "a/b", "a" * 81, ""]))
DATES = st.one_of(TYPED, st.dates().map(lambda d: d.isoformat()),
                  st.tuples(st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32))
                  .map(lambda t: "%04d-%02d-%02d" % t))


def a_repository(folder: Path) -> Path:
    folder.mkdir()
    (folder / "mkdocs.yml").write_text("site_name: x\n")
    for language in ("en", "cy"):
        (folder / "docs" / language / "posts").mkdir(parents=True)
    return folder


@GENERATED
@given(title=TITLES, title_cy=TITLES, slug=st.one_of(st.none(), SLUGS),
       date=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), DATES),
       kind=st.sampled_from(["series", "event", "showcase"]))
def test_new_with_any_arguments_starts_a_post_in_docs_or_says_which_argument_is_wrong(title, title_cy, slug, date,
                                                                                       kind, capsys):
    with tempfile.TemporaryDirectory() as scratch:
        top = Path(scratch)
        root = a_repository(top / "repo")
        before = files_under(top)
        arguments = [f"--title={title}", f"--title-cy={title_cy}", f"--kind={kind}", "--mission=digital-skills"]
        arguments += [f"--slug={slug}"] * (slug is not None) + [f"--date={date}"] * (date is not None)

        status = main(["--root", str(root), "new", *arguments])

        out, errors = capsys.readouterr()
        event(f"exit status {status}: {errors.split(':')[0] if status else 'started'}")
        written = [name for name in files_under(top) if name not in before]
        if status == 0:
            assert len(written) == 2
            assert all(name.startswith(("repo/docs/en/posts/", "repo/docs/cy/posts/")) for name in written)
            assert Path(written[0]).name == Path(written[1]).name
            assert PLAIN_NAME.fullmatch(Path(written[0]).stem) and len(Path(written[0]).stem) <= MAX_NAME_LENGTH
        else:
            assert status == 2
            assert written == []
            assert errors.startswith(("--title", "--slug", "--date", "Could not start the post: ")), errors


VARIABLE_VALUES = st.one_of(TYPED, DATES, st.integers(-10**20, 10**20).map(str),
                            st.datetimes().map(lambda moment: moment.isoformat(timespec="minutes")),
                            st.sampled_from(["", "0", "1", "yes", "2027-03-28T01:30", "2026-10-25T01:30Z"]))


@GENERATED
@given(variable=st.sampled_from(["STRATEGY_BUILD_DATE", "SOURCE_DATE_EPOCH", "STRATEGY_PREVIEW",
                                 "STRATEGY_SEQUENTIAL"]), value=VARIABLE_VALUES)
def test_any_variable_value_is_used_or_named_as_wrong(variable, value):
    problems = environment_problems({variable: value})
    event("refused" if problems else "accepted")

    assert len(problems) <= 1
    if problems:
        assert problems[0].startswith(f"{variable}: expected ")
    if variable in ("STRATEGY_BUILD_DATE", "SOURCE_DATE_EPOCH"):
        try:
            moment = build_moment({variable: value})
        except InvalidInput as refused:
            assert [str(refused)] == problems
        else:
            assert problems == [] and isinstance(moment, datetime) and moment.tzinfo is not None
