"""Builds the languages side by side, one per core, when `mkdocs build` runs.

mkdocs-static-i18n builds the languages one after the other in one process:
the English build (the site root) runs to its end, then static-i18n's
``on_post_build`` runs MkDocs' build again, with the same config, for Welsh.
The two builds share only what ``content.py`` prepares once in ``on_config``,
and they write different files (each language's pages, feeds, search index
and calendar; the exports and the root 404 page come from the English build,
the site map from the Welsh one; see ``on_files`` for the theme's assets).

So, once the English build has cleaned the site directory, this hook forks:
the child process builds Welsh exactly as static-i18n would have, and the
parent builds English, then waits for the child and fails if it failed.
Anything the Welsh build reports (a warning in strict mode, an error) ends the
whole build with a non-zero exit, as before.

Kept one after the other: `mkdocs serve` (a server with threads, where a fork
is unsafe), `--dirty` builds, machines with one core, systems without fork,
and any build run with STRATEGY_SEQUENTIAL=1.

This relies on two details of mkdocs-static-i18n 1.3.1 (pinned): the plugin's
``current_language``, and its ``building`` flag, which stops the first build's
``on_post_build`` from starting the other languages' builds itself.
"""

from __future__ import annotations

import gc
import logging
import os
import select
import signal
import sys
import time
import traceback

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs_static_i18n.utils import I18nLoggingFilter

from strategy.messages import message
from strategy.parent_process import end_with_parent
from strategy.paused import PAUSED_SECONDS, POLL_SECONDS, PauseWatch, is_paused

from strategy.events.preview_languages import default_language_built  # a preview may leave the default language out

log = logging.getLogger("mkdocs.hooks.language_builds")

_side_by_side = False  # decided once per command, in on_startup
_command = ""  # the MkDocs command running: build, serve, gh-deploy
_workers: dict[str, int] = {}  # language -> process id of the child building it


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


def on_startup(command, dirty):
    global _side_by_side, _command
    _command = command
    _side_by_side = (command == "build" and not dirty and hasattr(os, "fork") and _cores() > 1
                     and os.environ.get("STRATEGY_SEQUENTIAL") != "1")


@event_priority(100)  # first: the other builds start as early as they can
def on_files(files, config):
    i18n = config.plugins["i18n"]
    if i18n.current_language == i18n.default_language:
        if _side_by_side and not i18n.building:
            _start_other_languages(config, i18n)
    elif default_language_built(i18n):
        # The first build writes the theme's assets (scripts, stylesheets, icons);
        # the others would write the same bytes to the same files again.
        for file in [f for f in files if f.src_dir in config.theme.dirs]:
            files.remove(file)
    return files


def _start_other_languages(config, i18n) -> None:
    # The content, loaded once, is shared with the child: its memory is copied only where a
    # process writes to it, and a garbage collection writes into every object it looks at.
    # Frozen, what is loaded by now is never looked at again (Python's advice for a fork
    # without exec, in the gc module's documentation; no gain stood out of the noise here).
    gc.freeze()
    for language in i18n.build_languages:
        if language == i18n.default_language:
            continue
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # or the child would print the parent's buffered output again
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            _die_with(parent)
            _build_language_and_exit(config, i18n, language)
        _workers[language] = pid
        log.info(f"Building '{language}' alongside '{i18n.default_language}', in process {pid}")
    # Tell static-i18n that the other languages are being built: when this
    # (English) build ends, its on_post_build must not build them again.
    i18n.building = True


def _die_with(parent: int) -> None:
    """In the child: end when the parent ends, however it ends (a stopped build must
    leave no process writing into its folder). Where the kernel cannot see to it (not
    Linux), the parent's on_shutdown stops the child."""
    if not end_with_parent(parent, signal.SIGKILL):  # the parent ended before it could be asked
        os._exit(1)


def _build_language_and_exit(config, i18n, language: str) -> None:
    """In the child: build ``language`` as static-i18n would, then leave the process."""
    status = 1
    try:
        i18n.current_language = language
        i18n.building = True
        # The parent has cleaned the site directory, and is writing into it.
        utils.clean_directory = lambda directory: None
        quiet = I18nLoggingFilter()
        quiet.filtered_prefixes.update({"Cleaning site directory", "Building documentation to directory",
                                        "Documentation built in"})
        logging.getLogger("mkdocs.commands.build").addFilter(quiet)
        build(config)
        status = 0
    except Abort as error:
        log.error(str(error))  # said in the editor's language by strategy/tool_messages.py
    except KeyboardInterrupt:  # Ctrl+C reaches both processes: the parent says it
        status = 130
    except BaseException:  # noqa: BLE001 - the parent reports the failure; the child says why
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(status)  # never return into the English build's stack


@event_priority(-1000)  # last: after static-i18n's on_post_build
def on_post_build(config):
    if not _workers:
        return
    statuses = _wait_for_workers()
    config.plugins["i18n"].building = False
    for language, status in statuses.items():
        if status is None:
            raise Abort(message("language_build.paused", code=language, seconds=f"{PAUSED_SECONDS:g}"))
        if status < 0:
            raise Abort(message("language_build.stopped", code=language, why=signal.strsignal(-status) or -status))
        if status != 0:
            raise Abort(message("language_build.failed", code=language))


def _wait_for_workers() -> dict[str, int | None]:
    """Each language's exit status (None: its process stayed paused, and was ended)."""
    statuses = {}
    for language, pid in list(_workers.items()):
        statuses[language] = _wait_for(pid)
        del _workers[language]
    return statuses


def _wait_for(pid: int) -> int | None:
    watch = PauseWatch()
    ended_signal = _pidfd(pid)
    try:
        while True:
            ended, status = os.waitpid(pid, os.WNOHANG)
            if ended:
                return os.waitstatus_to_exitcode(status)
            if watch.too_long(pid if is_paused(pid) else None):
                os.kill(pid, signal.SIGKILL)  # a paused process acts on no other signal
                os.waitpid(pid, 0)
                return None
            if ended_signal is None:
                time.sleep(POLL_SECONDS)
            else:  # woken as the child ends, not up to a poll later
                select.select([ended_signal], [], [], POLL_SECONDS)
    finally:
        if ended_signal is not None:
            os.close(ended_signal)


def _pidfd(pid: int) -> int | None:
    """A descriptor that becomes readable when ``pid`` ends (Linux 5.3 and later), or None."""
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def on_build_error(error):
    # The English build failed: the others' pages would be thrown away anyway.
    _stop_workers()


def on_shutdown():
    # Also after Ctrl+C (which is no build error): leave no child building.
    _stop_workers()
    if _command == "build":
        # The process ends now. Python's last act would be a full garbage collection over
        # every object the build made (pages, content, caches): 0.2 s at 2,000 pages, spent
        # on memory the process gives back anyway. Frozen objects are left out of it.
        gc.freeze()


def _stop_workers() -> None:
    for pid in _workers.values():
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    _wait_for_workers()
