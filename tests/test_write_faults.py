"""Faults are messages: a full disk, a read-only one, a site folder in use, each get one clear
message in the editor's language and no traceback, and leave the old site as it was; a build
killed with SIGKILL leaves processes and a folder that the next build stops and removes.

The disks are real: a small tmpfs, mounted read-only or on the site folder itself, in a
mount namespace of the test's own (``unshare``), so that nothing outside the test sees them.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import BUILD_DATE, copy_site_sources, require
from test_build_safety import an_old_site, processes, wait_for_welsh_pages

from strategy.write_faults import clean_after_killed_builds


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    return copy_site_sources(tmp_path_factory.mktemp("faults") / "repo")


def build_environment(root: Path, language: str = "en") -> dict[str, str]:
    return {**os.environ, "STRATEGY_BUILD_DATE": BUILD_DATE,
            "STRATEGY_PREVIEW": "0", "NO_MKDOCS_2_WARNING": "1", "STRATEGY_LANG": language}


def can_mount() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], capture_output=True).returncode == 0


# How each fault is made, in the namespace: $OUT is the folder that holds the site folder,
# $OLD a copy of the old site to put in place first.
FAULTS = {
    "full disk": 'mount -t tmpfs -o size=256k tmpfs "$OUT" && cp -a "$OLD" "$OUT/site"',
    "read-only disk": 'mount -t tmpfs tmpfs "$OUT" && cp -a "$OLD" "$OUT/site" && mount -o remount,ro "$OUT"',
    "site folder in use": 'mkdir -p "$OUT/site" && mount -t tmpfs tmpfs "$OUT/site" && cp -a "$OLD/." "$OUT/site"',
}
SAYS = {
    ("full disk", "en"): ["the disk is full (free some space, then build again).",
                          "The build failed; {site} was left as it was."],
    ("full disk", "cy"): ["mae'r ddisg yn llawn (gwnewch le arni, yna adeiladwch eto).",
                          "Methodd yr adeiladu; gadawyd {site} fel yr oedd."],
    ("read-only disk", "en"): ["Cannot build beside the site in {out}: the disk is read-only (build into a folder "
                               "on a disk you can write to).", "The build failed; {site} was left as it was."],
    ("read-only disk", "cy"): ["Nid oes modd adeiladu wrth ymyl y wefan yn {out}: mae'r ddisg yn un darllen yn unig"],
    ("site folder in use", "en"): ["Cannot put the new site in place of {site}: the folder is in use: a disk is "
                                   "mounted on it, or a program holds it open", "The build failed; {site} was left as it was."],
    ("site folder in use", "cy"): ["Nid oes modd rhoi'r wefan newydd yn lle {site}: mae'r ffolder yn cael ei defnyddio"],
}


@pytest.mark.parametrize("fault, language", SAYS)
def test_a_disk_fault_is_one_message_in_the_editors_language_and_the_old_site_stays(sources, tmp_path, fault, language):
    if not can_mount():
        pytest.skip("needs unshare and a mount namespace (unprivileged user namespaces)")
    old, out = an_old_site(tmp_path / "old"), tmp_path / "out"
    out.mkdir()
    # Inside the namespace: make the fault, build, then list what the folder holds (the mounts go with it).
    script = (f'{FAULTS[fault]} && "$PYTHON" -m strategy --root "$ROOT" build --site-dir "$OUT/site" >"$ERRORS" 2>&1; '
              'echo "status $?" > "$AFTER"; (cd "$OUT" && find . | sort && cat site/index.html) >> "$AFTER"')
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=600,
                            env={**build_environment(sources, language), "PYTHON": sys.executable, "ROOT": str(sources),
                                 "OUT": str(out), "OLD": str(old), "ERRORS": str(tmp_path / "said"),
                                 "AFTER": str(tmp_path / "after")})
    assert result.returncode == 0, result.stderr
    said, after = (tmp_path / "said").read_text(), (tmp_path / "after").read_text().splitlines()

    assert after[0] == "status 1"
    assert "Traceback" not in said
    for words in SAYS[fault, language]:
        assert words.format(site=out / "site", out=out) in said, said
    # Exactly the old site, and nothing beside it: no .site.building-* or .site.replaced-* folder.
    assert after[1:] == [".", "./site", "./site/.strategy-site", "./site/cy", "./site/cy/feed.xml", "./site/index.html",
                         "<h1>The old site</h1>"]


def test_a_killed_builds_processes_and_folder_are_cleaned_by_the_next_build(sources, tmp_path):
    require(len(os.sched_getaffinity(0)) > 1, "building side by side needs two cores")
    site = tmp_path / "site"
    command = [sys.executable, "-m", "strategy", "--root", str(sources), "build", "--site-dir", str(site)]
    killed = subprocess.Popen(command, cwd=sources, env=build_environment(sources),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_welsh_pages(tmp_path)  # English and Welsh are both writing
    (staging,) = tmp_path.glob(".site.building-*")
    os.kill(killed.pid, signal.SIGKILL)  # `make build` itself, with no chance to stop what it started
    killed.wait()
    orphans = [pid for pid, (_, line) in processes().items() if str(staging) in line]
    assert orphans, "SIGKILL left no build running: the test shows nothing"

    result = subprocess.run(command, cwd=sources, env=build_environment(sources), capture_output=True, text=True,
                            timeout=600)

    assert result.returncode == 0, result.stderr
    assert f"Built the site into {site}" in result.stdout
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    deadline = time.monotonic() + 10  # the orphans were sent SIGKILL: they are ending, if not ended
    while any(str(staging) in line for _, line in processes().values()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [line for _, line in processes().values() if str(staging) in line]


# --- generated: what a build removes beside the site -------------------------------------

NAMES = st.sampled_from([".site.building-99999999-x1", ".site.building-1-x2", ".site.building-oldstyle",
                         ".site.replaced-99999999-x3", ".site.building-", ".sites.building-99999999-x4",
                         ".site.buildings-99999999-x5", "site.building-99999999-x6", ".other.building-99999999-x7",
                         "notes", ".site", ".site.replaced-x8"]) | st.text(st.sampled_from(".sitebuldngrpac-0129"),
                                                                           min_size=1, max_size=22)
LEFT_BY_A_BUILD = re.compile(r"\.site\.(building|replaced)-(\d+-)?[^/]+")


@settings(max_examples=150, deadline=None, derandomize=True)
@given(names=st.sets(NAMES.filter(lambda name: name not in (".", "..")), max_size=6), site_exists=st.booleans())
def test_a_build_removes_beside_the_site_only_what_builds_no_longer_running_left(names, site_exists):
    # 99999999 is beyond any process id; 1 is a process, but no build. A folder that an
    # earlier build set an old site aside in gives it back when no site took its place.
    with tempfile.TemporaryDirectory() as folder:
        beside = Path(folder)
        for name in names:
            (beside / name).mkdir()
            (beside / name / "page.html").write_text(name)
        if site_exists and "site" not in names:
            (beside / "site").mkdir()
        set_aside = sorted(name for name in names if re.fullmatch(r"\.site\.replaced-.+", name)
                           and LEFT_BY_A_BUILD.fullmatch(name))
        if set_aside:
            (beside / set_aside[0] / "site").mkdir()
        had_site = (beside / "site").exists()

        removed = clean_after_killed_builds(beside / "site")

        assert sorted(path.name for path in removed) == sorted(name for name in names if LEFT_BY_A_BUILD.fullmatch(name))
        kept = {path.name for path in beside.iterdir()} - {"site"}
        assert kept == {name for name in names if not LEFT_BY_A_BUILD.fullmatch(name)} - {"site"}
        assert (beside / "site").exists() == (had_site or bool(set_aside))
