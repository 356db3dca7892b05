"""The files the site is made from, for the editors' preview: which changed since the
last look, from the system's file watcher and the files' times and sizes."""

from __future__ import annotations

import os
from pathlib import Path

WATCHED = ("docs", "data", "overrides", "mkdocs.yml", "strings.yml")
"""What the site is made from: a change to any of these files updates the preview."""


def _ignored(relative: str) -> bool:
    """Editors' and Python's scratch files, never read by the build."""
    name = relative.rsplit("/", 1)[-1]
    return "__pycache__" in relative or name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))


class SourceFiles:
    """The files the site is made from, and which changed since the last look."""

    def __init__(self, root: Path):
        self.root = root
        self.reported: set[str] = set()  # paths the file watcher named since the last look
        self.seen = self._stat()

    def _stat(self) -> dict[str, tuple[int, int]]:
        """Each file's time and size, by path (with os.walk: a thousand posts are listed after each save)."""
        found, start = {}, len(str(self.root)) + 1
        for name in WATCHED:
            top = os.path.join(self.root, name)
            listed = [(self.root, [], [name])] if os.path.isfile(top) else os.walk(top)
            for directory, _, names in listed:
                for file in names:
                    path = os.path.join(directory, file)
                    relative = path[start:].replace(os.sep, "/")
                    if not _ignored(relative):
                        stat = os.lstat(path)  # a link under docs/ is refused by the build, never followed
                        found[relative] = (stat.st_mtime_ns, stat.st_size)
        return found

    def record(self, event) -> None:
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                relative = Path(path).resolve().relative_to(self.root.resolve()).as_posix()
                if not _ignored(relative):
                    self.reported.add(relative)

    def changed(self) -> list[str]:
        """Files added, removed or written since the last call (even with the same size and time)."""
        now, reported = self._stat(), self.reported
        self.reported = set()
        names = {name for name in now.keys() | self.seen.keys() if now.get(name) != self.seen.get(name)}
        names |= {name for name in reported if name in now or name in self.seen}
        self.seen = now
        return sorted(names)
