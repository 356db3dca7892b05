"""Building the site so that a failed build never leaves half a site behind.

MkDocs writes straight into its site directory and cleans it first, so a build
that fails halfway would leave a broken site. Here the build goes to a fresh
sibling directory and replaces the old site only once it has succeeded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build_site(root: Path, site_dir: Path, extra_args: list[str] | None = None) -> int:
    """Run a strict MkDocs build of ``root`` into ``site_dir``; return its exit code."""
    site_dir = site_dir.resolve()
    docs_dir = (root / "docs").resolve()
    if site_dir == docs_dir or docs_dir in site_dir.parents:
        print(f"Refusing to build into {site_dir}: the build never writes into docs/.", file=sys.stderr)
        return 2
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging), *(extra_args or [])]
    try:
        result = subprocess.run(command, cwd=root, env=env)
        if result.returncode != 0:
            print(f"The build failed; {site_dir} was left as it was.", file=sys.stderr)
            return result.returncode
        retired = site_dir.with_name(f".{site_dir.name}.old")
        if retired.exists():
            shutil.rmtree(retired)
        if site_dir.exists():
            site_dir.rename(retired)
        staging.rename(site_dir)
        shutil.rmtree(retired, ignore_errors=True)
        print(f"Built the site into {site_dir}")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


PREVIEW_VERSIONS = (
    ("consultation-draft", "Consultation draft / Drafft ymgynghori", ()),
    ("final", "Final strategy / Strategaeth derfynol", ("latest",)),
)


def preview_versions(root: Path, branch: str, address: str) -> int:
    """Build two versions with mike into a local branch of this repository, then serve them,
    so an editor can see the versioned site (selector, banner, aliases) without any hosting.
    Both versions are built from the working tree; nothing is pushed."""
    # mike runs `mkdocs` by name: both are installed beside this Python.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    mike = [str(Path(sys.executable).with_name("mike"))]
    steps = [[*mike, "deploy", "--branch", branch, "--title", title, "--update-aliases", version, *aliases]
             for version, title, aliases in PREVIEW_VERSIONS]
    steps.append([*mike, "set-default", "--branch", branch, "latest"])
    for step in steps:
        if subprocess.run(step, cwd=root, env=env).returncode != 0:
            return 1
    print(f"Serving the versions in branch {branch} at http://{address}/ (Ctrl+C to stop)")
    return subprocess.run([*mike, "serve", "--branch", branch, "--dev-addr", address], cwd=root, env=env).returncode
