"""Faults of the disk a build writes to, as the editor reads them, and what a killed build
leaves behind, cleaned by the next.

A full or read-only disk, a folder in use (a mount point) or one the build may not write:
each is one message in the editor's language (``fault_reason``), never a traceback.

``make build`` builds into ``.site.building-PID-*`` beside ``site/`` (PID: the build's own
process) and swaps it in; SIGKILL gives it no chance to stop the MkDocs processes it
started, which go on writing into that folder. The next build stops every process whose
command line names such a folder of a build no longer running, and removes the folder;
an old site a killed build had set aside (``.site.replaced-PID-*``) goes back in place if
no site took its place.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import time
from pathlib import Path

from .messages import message

# What the editor can do something about, in their own words; any other fault keeps the
# system's words.
_REASONS = {errno.ENOSPC: "disk_full", errno.EDQUOT: "quota_used", errno.EROFS: "read_only",
            errno.EACCES: "not_allowed", errno.EPERM: "not_allowed", errno.EBUSY: "in_use"}


def fault_reason(error: OSError) -> str:
    key = _REASONS.get(error.errno)
    return message(f"fault.{key}") if key else (error.strerror or str(error))


def building_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}.building-{os.getpid()}-"


def replaced_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}.replaced-{os.getpid()}-"


def _left_by(site_dir: Path, folder: Path) -> tuple[str, int | None] | None:
    """('building' or 'replaced', the id of the build that made it, if it says) for a folder a
    build of ``site_dir`` leaves beside it while it runs, or None."""
    match = re.fullmatch(re.escape(f".{site_dir.name}.") + r"(building|replaced)-(?:(\d+)-)?[^/]+", folder.name)
    return (match.group(1), int(match.group(2)) if match.group(2) else None) if match else None


def _command_line(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def _is_running_build(pid: int | None) -> bool:
    """Whether ``pid`` is a `strategy build` still running (not a process that took its id since)."""
    if pid is None or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's: leave it be
    command = _command_line(pid)
    return not Path("/proc").is_dir() or ("strategy" in command and "build" in command)


def _writing_into(folder: Path) -> list[int]:
    """Every process whose command line names ``folder`` (the MkDocs build and its Welsh fork)."""
    named = str(folder)
    return [int(entry.name) for entry in Path("/proc").glob("[0-9]*")
            if any(part == named or part.startswith(named + os.sep) for part in _command_line(int(entry.name)))]


def clean_after_killed_builds(site_dir: Path, grace_seconds: float = 10) -> list[Path]:
    """Stop what killed builds of ``site_dir`` left running, put back an old site they had set
    aside, and remove their folders; the folders removed."""
    removed = []
    try:
        beside = sorted(site_dir.parent.iterdir()) if site_dir.parent.is_dir() else []
    except OSError:
        return removed
    for folder in beside:
        left = _left_by(site_dir, folder)
        if left is None or _is_running_build(left[1]):
            continue
        processes = _writing_into(folder)
        for pid in processes:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + grace_seconds
        while _writing_into(folder) and time.monotonic() < deadline:
            time.sleep(0.05)  # SIGKILL has been sent: the processes are ending
        old_site = folder / site_dir.name
        if left[0] == "replaced" and old_site.is_dir() and not site_dir.exists():
            old_site.rename(site_dir)
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed
