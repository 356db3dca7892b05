"""Which folder a build may replace: never one it did not make.

MkDocs empties its site folder before it builds, and ``strategy build`` replaces
it whole. So before either happens, the folder must be absent, empty, or marked
as a site this project built: every build writes ``MARKER_NAME`` into its output.
The repository, any folder holding it, and the folders people write in are
refused even when marked.

A marked folder may still hold a file someone added by hand after the build (a
``CNAME``, a ``.well-known/security.txt``): every build ends by listing the files it
wrote in ``LISTING_NAME``, and a folder holding a file that list does not name is
refused, the file named, rather than replaced without it. Such a file belongs under
docs/en/, where every build publishes it (site_files.py allows a CNAME and text files).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .messages import message

MARKER_NAME = ".strategy-site"
MARKER_TEXT = ("This folder is a site built by `strategy build` (make build) from the sources beside it.\n"
               "A later build of the same sources may replace everything in it.\n")

LISTING_NAME = ".strategy-site-files"  # every file the build wrote, one a line: see hand_made_files

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
    hand_made = hand_made_files(site_dir) if has_files else []
    if hand_made:
        shown = ", ".join(hand_made[:SHOWN_FILES]) + (", ..." if len(hand_made) > SHOWN_FILES else "")
        return message("site_has_hand_made", folder=site_dir, files=shown)
    return None


SHOWN_FILES = 10  # the hand-made files a refusal names; the others are counted


def _files_in(site_dir: Path) -> list[str]:
    """Every file and link in ``site_dir`` (none followed) but the build's own two, by its path in it."""
    found = []
    for folder, folders, names in os.walk(site_dir):  # os.walk follows no link
        for name in names + [name for name in folders if os.path.islink(os.path.join(folder, name))]:
            relative = os.path.relpath(os.path.join(folder, name), site_dir).replace(os.sep, "/")
            if relative not in (MARKER_NAME, LISTING_NAME):
                found.append(relative)
    return sorted(found)


def hand_made_files(site_dir: Path) -> list[str]:
    """The files in a site folder that the build which made it did not write, by the list it
    left (LISTING_NAME). None known when there is no list: a build of before the list, or
    one that stopped before its end (whose folder only `mkdocs build` leaves, half-written)."""
    listing = site_dir / LISTING_NAME
    try:
        if listing.is_symlink() or not listing.is_file():
            return []
        written = set(listing.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return []
    return [name for name in _files_in(site_dir) if name not in written]


def list_written_files(site_dir: Path) -> None:
    """At the end of a build: write the list of every file in ``site_dir``, all of them the build's."""
    listing = "".join(name + "\n" for name in _files_in(site_dir))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=site_dir, prefix=LISTING_NAME + ".",
                                     delete=False) as temporary:
        temporary.write(listing)
    os.replace(temporary.name, site_dir / LISTING_NAME)  # whole or not at all: the Welsh build may write one too


def forget_written_files(site_dir: Path) -> None:
    """As a build starts writing into ``site_dir``: the list of what the last build wrote no longer holds."""
    try:
        (site_dir / LISTING_NAME).unlink()
    except FileNotFoundError:
        pass


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
