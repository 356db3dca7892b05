"""Results remembered by the inputs they were made from, for a process that loads
the content again and again (the editors' preview, strategy/preview/): a file is read
again only when the system says it was written (its size, times or inode changed),
and parsed and checked again only when its text changed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from .problems import Problem
from .yamltext import read_text


class Memo:
    """One remembered result per name: kept while its inputs compare equal."""

    def __init__(self):
        self._kept: dict[object, tuple[Any, Any]] = {}

    def file_text(self, path: str | Path, file: str) -> tuple[str | None, list[Problem]]:
        """The file's text as yamltext.read_text reads it; read again only when the file's
        size or times (to the nanosecond) or its inode changed since the last read."""
        stat = os.stat(path)
        signature = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        return self.result(("file", file), signature, lambda: read_text(Path(path), file))

    def result(self, name: object, inputs: Any, make: Callable[[], Any]) -> Any:
        """What ``make()`` returned last time ``name`` had these ``inputs``; else ``make()`` now."""
        kept = self._kept.get(name)
        if kept is not None and kept[0] == inputs:
            return kept[1]
        result = make()
        self._kept[name] = (inputs, result)
        return result
