"""`mkdocs build` builds English and Welsh side by side, one per core: the site
must be the same as when they are built one after the other, and a problem only
the Welsh build meets must still fail the whole build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import BUILD_DATE, build, require

SIDE_BY_SIDE = "Building 'cy' alongside 'en'"
"""What MkDocs logs as the Welsh build starts beside the English (`make build` leaves it out)."""


def mkdocs_build(root: Path, site_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """MkDocs' own strict build, which prints all it logs."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "STRATEGY_BUILD_DATE": BUILD_DATE, "STRATEGY_PREVIEW": "0", **(env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)], cwd=root,
                          env=env, capture_output=True, text=True)


def files_of(site_dir: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site_dir)): path.read_bytes() for path in sorted(site_dir.rglob("*")) if path.is_file()}


def test_side_by_side_and_one_after_the_other_build_the_same_site(site_copy, tmp_path):
    require(len(os.sched_getaffinity(0)) > 1, "building side by side needs two cores")
    side_by_side = mkdocs_build(site_copy, tmp_path / "side-by-side")
    one_after_the_other = mkdocs_build(site_copy, tmp_path / "one-after-the-other", env={"STRATEGY_SEQUENTIAL": "1"})

    assert side_by_side.returncode == 0, side_by_side.stderr
    assert one_after_the_other.returncode == 0, one_after_the_other.stderr
    assert SIDE_BY_SIDE in side_by_side.stderr
    assert SIDE_BY_SIDE not in one_after_the_other.stderr
    expected, found = files_of(tmp_path / "one-after-the-other"), files_of(tmp_path / "side-by-side")
    assert sorted(found) == sorted(expected)
    assert [name for name in expected if found[name] != expected[name]] == []
    assert {"index.html", "404.html", "cy/index.html", "cy/404.html", "sitemap.xml", "cy/feed.xml"} <= set(found)


def test_a_problem_only_the_welsh_build_meets_fails_the_whole_build(site_copy, tmp_path):
    require(len(os.sched_getaffinity(0)) > 1, "building side by side needs two cores")
    site_dir = tmp_path / "site"
    assert build(site_copy, site_dir).returncode == 0
    welsh_page = site_copy / "docs/cy/wellbeing.md"
    welsh_page.write_text(welsh_page.read_text(encoding="utf-8") + "\nGweler [y dudalen goll](dim-yn-bod.md).\n",
                          encoding="utf-8")

    result = build(site_copy, site_dir)

    assert result.returncode != 0
    # Said as `make build` says MkDocs' problems: the file, its line, what to do.
    assert "docs/cy/wellbeing.md:" in result.stderr and "a link or image to 'dim-yn-bod.md'" in result.stderr
    assert "The 'cy' build failed" in result.stdout + result.stderr
    assert "dim-yn-bod" not in (site_dir / "cy/wellbeing/index.html").read_text(encoding="utf-8")


def test_only_the_last_language_build_writes_the_site_map(site_copy, tmp_path):
    """MkDocs renders the theme's sitemap.xml early in each language's build. On a busy
    machine the English build's copy once landed after the full site map the Welsh build
    had written beside it. So a build of English alone must leave no site map at all."""
    english_only = mkdocs_build(site_copy, tmp_path / "english", env={"STRATEGY_PREVIEW_LANGUAGES": "en"})
    both = mkdocs_build(site_copy, tmp_path / "both", env={"STRATEGY_SEQUENTIAL": "1"})

    assert english_only.returncode == 0, english_only.stderr
    assert both.returncode == 0, both.stderr
    assert (tmp_path / "english/index.html").exists()
    assert not (tmp_path / "english/sitemap.xml").exists() and not (tmp_path / "english/sitemap.xml.gz").exists()
    assert b"<loc>" in (tmp_path / "both/sitemap.xml").read_bytes()
