"""A build never deletes what it did not make, and a stopped build leaves the old site.

`make build` (`strategy build --site-dir DIR`) and `mkdocs build -d DIR` replace
their site folder only if it is absent, empty, or a site this project's build
made (it carries the `.strategy-site` marker). Every other folder is refused
with a message, and left exactly as it was.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BUILD_DATE, build, copy_site_sources, require, run_strategy
from strategy.publish import _replace
from strategy.site_folder import (MARKER_NAME, MARKER_TEXT, SiteFolderRefused, check_site_folder, list_written_files,
                                  mark_as_built, refusal)

CI = bool(os.environ.get("CI"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) and its bytes, and every folder
    (but Python's own __pycache__, which running the hooks from the copy writes)."""
    return {str(path.relative_to(folder)): path.read_bytes() if path.is_file() else b"<folder>"
            for path in sorted(folder.rglob("*")) if "__pycache__" not in path.parts}


def someone_elses_files(folder: Path) -> Path:
    (folder / "photos").mkdir(parents=True)
    (folder / "notes.txt").write_text("my notes\n")
    (folder / "photos/cat.jpg").write_bytes(b"\xff\xd8 not really a cat")
    return folder


def an_old_site(folder: Path) -> Path:
    """A site as an earlier build left it: the marker, a page, a feed."""
    (folder / "cy").mkdir(parents=True)
    (folder / MARKER_NAME).write_text(MARKER_TEXT)
    (folder / "index.html").write_text("<h1>The old site</h1>\n")
    (folder / "cy/feed.xml").write_text("<rss>hen</rss>\n")
    return folder


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    """A copy of the repository, with a .git folder, tests and a folder of someone else's
    files, as a real checkout may have. Shared: every test leaves it as it was, or fails."""
    site_copy = copy_site_sources(tmp_path_factory.mktemp("checkout") / "repo")
    someone_elses_files(site_copy / "someone-elses")
    (site_copy / ".git").mkdir()
    (site_copy / ".git/HEAD").write_text("ref: refs/heads/main\n")
    (site_copy / "tests").mkdir()
    (site_copy / "tests/test_x.py").write_text("def test_x(): pass\n")
    return site_copy


def mkdocs_build(root: Path, site_dir: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site_dir], cwd=root,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "STRATEGY_BUILD_DATE": BUILD_DATE,
                               "STRATEGY_PREVIEW": "0", **env},
                          capture_output=True, text=True)


REFUSED = {  # --site-dir (from the repository) -> what the message says about it
    ".": "it is the repository itself",
    "..": "it holds the repository",
    "data": "a build never writes into",
    "hooks": "a build never writes into",
    "docs/cy": "a build never writes into",
    "tests": "a build never writes into",
    ".git": "a build never writes into",
    "someone-elses": "it holds files this project's build did not make",
}


@pytest.mark.parametrize("site_dir", REFUSED)
def test_make_build_refuses_a_folder_it_did_not_make_and_leaves_everything_as_it_was(repository, site_dir):
    everything = repository.parent
    before = snapshot(everything)

    result = build(repository, Path(site_dir))

    assert result.returncode == 2
    assert f"Refusing to build into {(repository / site_dir).resolve()}: {REFUSED[site_dir]}" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(everything) == before


@pytest.mark.parametrize("site_dir", [".", "..", "data", "someone-elses"])
def test_mkdocs_build_refuses_the_same_folders_before_it_cleans_anything(repository, site_dir):
    everything = repository.parent
    before = snapshot(everything)

    result = mkdocs_build(repository, site_dir)

    output = result.stdout + result.stderr
    assert result.returncode == 1
    # MkDocs itself refuses a site folder that holds docs/; our hook refuses the rest.
    assert "Refusing to build into" in output or "should not be within the 'site_dir'" in output
    assert "Traceback" not in output
    assert snapshot(everything) == before


def test_a_site_the_build_made_is_replaced_by_the_next_build_either_way(site_copy, tmp_path):
    site_dir = tmp_path / "site"
    for language in ("en", "cy"):
        (site_copy / "docs" / language / "notes.txt").write_text("Published once, then removed.\n")
    assert build(site_copy, site_dir).returncode == 0
    assert (site_dir / MARKER_NAME).read_text() == MARKER_TEXT
    assert (site_dir / "notes.txt").exists() and (site_dir / "cy/notes.txt").exists()
    for language in ("en", "cy"):
        (site_copy / "docs" / language / "notes.txt").unlink()

    result = mkdocs_build(site_copy, str(site_dir))

    assert result.returncode == 0, result.stderr
    assert (site_dir / "index.html").exists() and (site_dir / "cy/index.html").exists()
    assert not (site_dir / "notes.txt").exists() and not (site_dir / "cy/notes.txt").exists()
    assert (site_dir / MARKER_NAME).read_text() == MARKER_TEXT
    assert build(site_copy, site_dir).returncode == 0  # and the next, after MkDocs' own


HAND_MADE = {"CNAME": "digital-strategy.example.wales\n",
             ".well-known/security.txt": "Contact: mailto:security@example.org\n",
             "cy/nodiadau.txt": "Ychwanegwyd â llaw.\n"}


@pytest.mark.parametrize("command, language", [("make build", "en"), ("make build", "cy"), ("mkdocs build", "en")])
def test_a_file_added_to_a_built_site_by_hand_stops_the_next_build_which_names_it(site_copy, tmp_path, command,
                                                                                    language):
    """A CNAME or a security.txt put into site/ after a build would vanish with the next
    (which replaces the folder whole): the build stops, naming each, and says where they belong."""
    site_dir = tmp_path / "site"
    assert build(site_copy, site_dir).returncode == 0
    for name, text in HAND_MADE.items():
        (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / name).write_text(text, encoding="utf-8")
    before = snapshot(site_dir)

    env = {"STRATEGY_LANG": language}
    result = (build(site_copy, site_dir, env=env) if command == "make build"
              else mkdocs_build(site_copy, str(site_dir), **env))

    said = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in said, said
    assert "(.well-known/security.txt, CNAME, cy/nodiadau.txt)" in said, said
    assert ("put a file for the site's root (a `CNAME`, a security.txt) in docs/en/" in said if language == "en"
            else "rhowch ffeil ar gyfer gwraidd y wefan (`CNAME`, security.txt) yn docs/en/" in said), said
    assert snapshot(site_dir) == before
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".site")] == []


def test_a_cname_and_a_security_txt_in_docs_en_are_published_at_the_sites_root(site_copy, tmp_path):
    (site_copy / "docs/en/CNAME").write_text(HAND_MADE["CNAME"])
    (site_copy / "docs/en/security.txt").write_text(HAND_MADE[".well-known/security.txt"])

    checked = run_strategy(site_copy, "check")
    built = build(site_copy, tmp_path / "site")

    assert checked.returncode == 0, checked.stderr
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site/CNAME").read_text() == HAND_MADE["CNAME"]
    assert (tmp_path / "site/security.txt").read_text() == HAND_MADE[".well-known/security.txt"]
    assert build(site_copy, tmp_path / "site").returncode == 0  # the build's own, not hand-made


def test_a_new_or_empty_folder_is_a_place_for_a_site(tmp_path):
    (tmp_path / "empty").mkdir()
    check_site_folder(tmp_path / "empty", tmp_path / "repo")
    check_site_folder(tmp_path / "new/deeper", tmp_path / "repo")


def test_a_marker_someone_else_wrote_does_not_count(tmp_path):
    folder = someone_elses_files(tmp_path / "mine")
    (folder / MARKER_NAME).write_text("anything\n")
    with pytest.raises(SiteFolderRefused, match="did not make"):
        check_site_folder(folder, tmp_path / "repo")


# Paths a user might type, from the repository: at the project's folders, above it, beside it.
PATH_PARTS = st.sampled_from([".", "..", "docs", "data", "hooks", ".git", "tests", "site", "old-site", "mine",
                              "empty", "new", "cy"])


@settings(max_examples=40, derandomize=CI, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(PATH_PARTS, min_size=1, max_size=4))
def test_any_folder_a_build_may_replace_holds_nothing_but_a_site_it_made(parts, tmp_path):
    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        top = Path(scratch)
        repository = top / "repo"
        for name, text in {"docs/en/index.md": "# Home", "data/plan.yaml": "missions: []", "hooks/h.py": "",
                           ".git/HEAD": "ref", "tests/test_x.py": "", "mkdocs.yml": "site_name: x"}.items():
            (repository / name).parent.mkdir(parents=True, exist_ok=True)
            (repository / name).write_text(text)
        an_old_site(repository / "site")
        an_old_site(top / "old-site")
        someone_elses_files(repository / "mine")
        (top / "empty").mkdir()
        site_dir = repository.joinpath(*parts)
        before = snapshot(top)
        try:
            check_site_folder(site_dir, repository)
        except SiteFolderRefused:
            assert snapshot(top) == before
            return
        # The build would now put its new site in place of the folder, as here.
        site_dir = site_dir.resolve()
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=site_dir.parent))
        (staging / "index.html").write_text("new")
        _replace(site_dir, staging)

        after = snapshot(top)
        lost = [name for name in before if name not in after]
        if lost:  # only the files of a site the build made
            replaced = str(site_dir.relative_to(top.resolve()))
            assert before[f"{replaced}/{MARKER_NAME}"] == MARKER_TEXT.encode()
            assert all(name.startswith(replaced + "/") for name in lost)


# Names as a site holds them, and as someone might add them by hand: dot files, a domain's
# CNAME, Welsh letters, spaces, a name the build also writes.
SITE_NAME_PARTS = st.sampled_from(["CNAME", ".well-known", "security.txt", ".nojekyll", "cy", "index.html",
                                   "feed.xml", "a b.txt", "ŵyl", "posts", ".strategy-site-files.new", "x"])
SITE_PATHS = st.lists(SITE_NAME_PARTS, min_size=1, max_size=3).map("/".join)


@settings(max_examples=100, derandomize=True, deadline=None)
@given(written=st.sets(SITE_PATHS, min_size=1, max_size=6), added=st.lists(
    st.tuples(SITE_PATHS, st.sampled_from(["file", "link to a file", "link to a folder", "empty folder"])),
    max_size=4))
def test_a_built_site_is_replaced_only_while_it_holds_nothing_but_what_its_build_wrote(written, added):
    """Whatever a build wrote, and whatever is added beside it afterwards (files, links,
    folders): the next build may replace the folder exactly when nothing but empty folders
    was added, and otherwise names every file or link added, and touches nothing."""
    with tempfile.TemporaryDirectory() as scratch:
        top = Path(scratch)
        site_dir, repository = top / "site", top / "repo"
        (repository / "docs").mkdir(parents=True)
        made = _make_paths(site_dir, ((path, "file") for path in sorted(written)))
        mark_as_built(site_dir)
        list_written_files(site_dir)
        hand_made = _make_paths(site_dir, added, among=made)
        hand_made = {path for path, kind in hand_made.items() if kind != "empty folder"}
        before = snapshot(top)

        reason = refusal(site_dir, repository)

        assert snapshot(top) == before
        if not hand_made:
            assert reason is None
        else:
            assert reason is not None and "added after the build that made it" in reason
            named = reason.split(" (", 1)[1].split("), and a build", 1)[0].split(", ")
            assert named[:10] == sorted(hand_made)[:10]


def _make_paths(folder: Path, paths, among: dict[str, str] | None = None) -> dict[str, str]:
    """Each of ``paths`` (path, kind) made under ``folder`` unless another is in its way (a
    file where it needs a folder): those made, and their kinds."""
    made = {}
    for path, kind in paths:
        target = folder / path
        if target.exists() or target.is_symlink() or any(
                (folder / parent).is_file() or (folder / parent).is_symlink() for parent in Path(path).parents):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if kind == "file":
            target.write_text(f"{path}\n", encoding="utf-8")
        elif kind == "link to a file":
            target.symlink_to("/etc/passwd")
        elif kind == "link to a folder":
            target.symlink_to(folder)
        else:
            target.mkdir()
        made[path] = kind
    return made


# --- a build that is stopped -----------------------------------------------------

def processes() -> dict[int, tuple[int, str]]:
    """Every process: its parent's id and its command line."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        found[int(stat.parent.name)] = (parent, command)
    return found


def child_of(pid: int) -> int:
    children = [child for child, (parent, _) in processes().items() if parent == pid]
    assert children, f"process {pid} has no child"
    return children[0]


def wait_for_welsh_pages(folder: Path, most_seconds: float = 60) -> None:
    """Until the build's temporary folder holds Welsh pages: both processes are writing."""
    deadline = time.monotonic() + most_seconds
    while time.monotonic() < deadline:
        if any(len(list(staging.glob("cy/**/*.html"))) > 3 for staging in folder.glob(".site.building-*")):
            return
        time.sleep(0.02)
    pytest.fail("the build never started writing Welsh pages")


def more_posts(root: Path, count: int) -> None:
    """``count`` more short posts in both languages, translations in step."""
    for number in range(count):
        for language, title in (("en", f"Note {number}"), ("cy", f"Nodyn {number}")):
            front = (f"kind: series\nid: note-{number}\n" if language == "en" else "translated_from: en\n") + \
                f"title: {title}\nsummary: {title}.\n" + ("date: 2026-10-01\n" if language == "en" else "")
            (root / "docs" / language / f"posts/note-{number}.md").write_text(f"---\n{front}---\n\n{title}.\n")
    assert run_strategy(root, "translated", "--all").returncode == 0


@pytest.mark.parametrize("signal_number, stopped, status", [
    (signal.SIGINT, "make build", 130),      # Ctrl+C
    (signal.SIGTERM, "make build", 143),     # kill, a CI runner's timeout
    (signal.SIGTERM, "mkdocs", 143),         # the English build's process
    (signal.SIGTERM, "welsh build", 1),      # the Welsh build's forked process
    (signal.SIGSTOP, "mkdocs", 1),           # paused: ended after a while, said, not waited for for ever
    (signal.SIGSTOP, "welsh build", 1),
])
def test_a_stopped_build_leaves_the_old_site_and_nothing_else(site_copy, tmp_path, signal_number, stopped, status):
    require(len(os.sched_getaffinity(0)) > 1, "building side by side needs two cores")
    more_posts(site_copy, 60)  # so that the build is still running when it is stopped
    old_site = an_old_site(tmp_path / "site")
    before = snapshot(tmp_path)
    environment = {**os.environ, "STRATEGY_BUILD_DATE": BUILD_DATE,
                   "STRATEGY_PREVIEW": "0"}
    make_build = subprocess.Popen([sys.executable, "-m", "strategy", "--root", str(site_copy), "build",
                                   "--site-dir", str(old_site)], cwd=site_copy, env=environment,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_welsh_pages(tmp_path)
    target = {"make build": lambda: make_build.pid, "mkdocs": lambda: child_of(make_build.pid),
              "welsh build": lambda: child_of(child_of(make_build.pid))}[stopped]()
    os.kill(target, signal_number)
    output, errors = make_build.communicate(timeout=60)

    assert make_build.returncode == status
    assert f"{old_site} was left as it was" in errors
    if signal_number == signal.SIGSTOP:
        # Said once, by whichever side saw the pause first: `strategy build` (on its error
        # stream) or, when the English build was already waiting for the Welsh one, MkDocs
        # (whose Abort prints on its output stream). Both reach the editor's terminal.
        said = output + errors
        assert said.count("was paused (as by `SIGSTOP`) for 5 seconds") == 1, said
        assert "ended rather than waited for" in said
    assert "Traceback" not in errors
    assert snapshot(tmp_path) == before  # the old site byte for byte, and no .site.building-* folder
    assert not [command for _, command in processes().values() if str(site_copy) in command]
