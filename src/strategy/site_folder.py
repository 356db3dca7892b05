"""Which folder a build may replace: never one it did not make.

MkDocs empties its site folder before it builds, and ``strategy build`` replaces
it whole. So before either happens, the folder must be absent, empty, or marked
as a site this project built: every build writes ``MARKER_NAME`` into its output.
The repository, any folder holding it, and the folders people write in are
refused even when marked.
"""

from __future__ import annotations

from pathlib import Path

from .messages import message

MARKER_NAME = ".strategy-site"
MARKER_TEXT = ("This folder is a site built by `strategy build` (make build) from the sources beside it.\n"
               "A later build of the same sources may replace everything in it.\n")

# Folders of the repository that hold what people write, or the tools: a site is never built there.
PROTECTED_FOLDERS = ("docs", "data", "hooks", "src", "overrides", "tests", "bench", ".git", ".github", ".ci",
                     ".venv", "node_modules")


class SiteFolderRefused(Exception):
    """The site folder may not be replaced; the message says which folder and why."""


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def is_marked(site_dir: Path) -> bool:
    marker = site_dir / MARKER_NAME
    try:
        return marker.is_file() and not marker.is_symlink() and marker.read_text(encoding="utf-8") == MARKER_TEXT
    except (OSError, UnicodeDecodeError):
        return False


def refusal(site_dir: Path, root: Path, also_protected: tuple[Path, ...] = ()) -> str | None:
    """Why ``site_dir`` may not be replaced by a build of the repository at ``root``, or None."""
    site_dir, root = site_dir.resolve(), root.resolve()
    if site_dir == root:
        return message("site_is_repository", folder=site_dir)
    if site_dir in root.parents:
        return message("site_holds_repository", folder=site_dir, root=root)
    protected = [root / name for name in PROTECTED_FOLDERS] + [folder.resolve() for folder in also_protected]
    for folder in protected:
        if _is_within(site_dir, folder):
            return message("site_in_protected", folder=site_dir, protected=folder)
    if site_dir.exists() and not site_dir.is_dir():
        return message("site_is_a_file", folder=site_dir)
    try:
        has_files = site_dir.is_dir() and any(site_dir.iterdir())
    except OSError as error:
        return message("site_unreadable", folder=site_dir, reason=error.strerror)
    if has_files and not is_marked(site_dir):
        return message("site_not_ours", folder=site_dir, marker=MARKER_NAME)
    return None


def check_site_folder(site_dir: Path, root: Path, also_protected: tuple[Path, ...] = ()) -> None:
    """Raise SiteFolderRefused if a build may not replace ``site_dir``."""
    reason = refusal(site_dir, root, also_protected)
    if reason:
        raise SiteFolderRefused(reason)


def mark_as_built(site_dir: Path) -> None:
    """Write the marker that lets a later build replace ``site_dir``."""
    site_dir.mkdir(parents=True, exist_ok=True)
    if not is_marked(site_dir):
        (site_dir / MARKER_NAME).write_text(MARKER_TEXT, encoding="utf-8")
