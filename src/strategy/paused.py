"""Processes someone has paused (SIGSTOP, or a debugger holding them), told from ones at work.

A build, or the preview, waits for the processes it started: for a paused one it would
wait for ever, saying nothing. ``PauseWatch`` tells a process paused for longer than
PAUSED_SECONDS, so that the waiting side can end it and say so, once, in the editor's
language. A pause shorter than that (a process stopped and continued at once) is waited out.
"""

from __future__ import annotations

import time
from pathlib import Path

PAUSED_SECONDS = 5.0
POLL_SECONDS = 0.1  # how often a waiting side looks


def _state_and_group(pid: int) -> tuple[str, int] | None:
    """The state letter and process group of ``pid``, from /proc (None if it has ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return fields[0], int(fields[2])
    except (OSError, IndexError, ValueError):
        return None


def is_paused(pid: int) -> bool:
    found = _state_and_group(pid)
    return found is not None and found[0] in ("T", "t")  # stopped by a signal, or by a tracer


def paused_in_group(group: int) -> int | None:
    """A paused process of the process group ``group``, if there is one."""
    for stat in Path("/proc").glob("[0-9]*"):
        found = _state_and_group(int(stat.name))
        if found is not None and found[1] == group and found[0] in ("T", "t"):
            return int(stat.name)
    return None


class PauseWatch:
    """Asked again and again while waiting: which process has now been paused too long."""

    def __init__(self, seconds: float = PAUSED_SECONDS):
        self.seconds = seconds
        self._since: dict[int, float] = {}

    def too_long(self, pid: int | None) -> bool:
        """Whether ``pid`` (a paused process just found, or None: none is) has been paused
        since at least ``seconds`` ago, without being continued in between."""
        now = time.monotonic()
        if pid is None:
            self._since.clear()
            return False
        self._since = {pid: self._since.get(pid, now)}
        return now - self._since[pid] >= self.seconds
