"""Files the build writes after its pages (feeds, search shards, shared-link pictures),
written only when what they are made from differs from what this process last wrote
there. A build writes each of them once. The editors' preview (strategy/preview/) runs
the same hooks after every edit in a process that lives on: it then writes only the
files the edit changed, not the thousands it did not."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

_written: dict[Path, Hashable] = {}  # each file this process wrote, and what it was made from


def needs_writing(path: Path, made_from: Hashable) -> bool:
    """Whether ``path`` is missing, or was last written by this process from something
    else; the caller then writes it (made from ``made_from``, now remembered)."""
    if _written.get(path) == made_from and path.exists():
        return False
    _written[path] = made_from
    return True


def write(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, as written) to ``path``, unless it is there already."""
    if needs_writing(path, content):
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8", newline="")
        else:
            path.write_bytes(content)
