"""Building the site so that a failed or stopped build never leaves half a site behind,
and never deletes a folder it did not make.

MkDocs writes straight into its site directory and cleans it first, so a build
that fails halfway would leave a broken site. Here the build goes to a fresh
sibling directory and replaces the old site only once it has succeeded, and only
if that folder may be replaced (see ``site_folder``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import LANGUAGES
from .catalogue import translate
from .inputs import environment_problems
from .messages import message
from .options import missing_path_problems
from .paused import PAUSED_SECONDS, POLL_SECONDS, PauseWatch, paused_in_group
from .problems import ContentError
from .settings import site_config, site_options
from .site_folder import SiteFolderRefused, check_site_folder
from .write_faults import building_prefix, clean_after_killed_builds, fault_reason, replaced_prefix
from .tool_messages import ToolMessages

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
GRACE_SECONDS = 10  # for the build's processes to stop after SIGTERM, before SIGKILL


def build_site(root: Path, site_dir: Path, extra_args: list[str] | None = None) -> int:
    """Run a strict MkDocs build of ``root`` into ``site_dir``; return its exit code."""
    site_dir = site_dir.resolve()
    problems = environment_problems(os.environ)
    try:
        check_site_folder(site_dir, root)
    except SiteFolderRefused as refused:
        problems.append(str(refused))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    try:
        # MkDocs stops on a path under hooks: or watch: that is gone before our plugin runs,
        # and says the first in English with no line: these are said first, each with its
        # line. (The plugin's own options are checked in the build, with the content, so
        # that every problem is said in one run.)
        missing = missing_path_problems(root, site_config(root))
        if missing:
            raise ContentError(missing)
    except ContentError as error:
        print(error, message("build_failed" + ("" if site_dir.exists() else "_first"), folder=site_dir),
              sep="\n", file=sys.stderr)
        return 1
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(root / "mkdocs.yml"), *(extra_args or [])]
    clean_after_killed_builds(site_dir)
    # What a failed build says it left: the old site as it was, or nothing at all.
    first = "" if site_dir.exists() else "_first"
    with _StopSignals() as stop:
        try:
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=building_prefix(site_dir), dir=site_dir.parent))
        except OSError as error:  # a read-only or full disk
            print(message("cannot_build_beside", folder=site_dir.parent, reason=fault_reason(error)),
                  message(f"build_failed{first}", folder=site_dir), sep="\n", file=sys.stderr)
            return 1
        try:
            status = stop.run([*command, "--site-dir", str(staging)], cwd=root,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, relay=ToolMessages(root).line)
            if stop.signal_number:
                print(message(f"build_interrupted{first}", folder=site_dir), file=sys.stderr)
                return 128 + stop.signal_number
            if stop.paused:
                print(message("build_paused", pid=stop.paused, seconds=f"{PAUSED_SECONDS:g}"),
                      message(f"build_failed{first}", folder=site_dir), sep="\n", file=sys.stderr)
                return 1
            if status != 0:
                print(message(f"build_failed{first}", folder=site_dir), file=sys.stderr)
                return status if status > 0 else 128 - status  # -N: ended by signal N
            try:
                _replace(site_dir, staging)
            except OSError as error:  # a site folder in use (a mount point), a disk gone read-only
                print(message("cannot_replace", folder=site_dir, reason=fault_reason(error)),
                      message(f"build_failed{first}", folder=site_dir), sep="\n", file=sys.stderr)
                return 1
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    print(message("built", folder=site_dir))
    return 0


def _replace(site_dir: Path, staging: Path) -> None:
    """Put the new site in place of the old: two renames, which a signal cannot part (it is
    only recorded while the build runs, see _StopSignals). If the second fails, the old site
    goes back: OSError, with everything as it was."""
    retired = Path(tempfile.mkdtemp(prefix=replaced_prefix(site_dir), dir=site_dir.parent))
    umask = os.umask(0)
    os.umask(umask)
    set_aside = retired / site_dir.name
    try:
        staging.chmod(0o777 & ~umask)  # a site folder as any other, not mkdtemp's owner-only one
        if site_dir.exists():
            site_dir.rename(set_aside)
        try:
            staging.rename(site_dir)
        except OSError:
            if set_aside.exists():
                set_aside.rename(site_dir)
            raise
    finally:
        if site_dir.exists():  # else the old site is still set aside: the next build puts it back
            shutil.rmtree(retired, ignore_errors=True)


class _StopSignals:
    """While a build runs, SIGINT, SIGTERM and SIGHUP stop the build's processes (the
    forked Welsh build too) instead of this one, so that the code after the build runs
    and removes what it left; the signal is remembered for the exit status."""

    def __init__(self):
        self.signal_number = 0
        self.paused: int | None = None  # a process of the build that stayed paused, and was ended
        self.process: subprocess.Popen | None = None
        self._previous = {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for number in STOP_SIGNALS:
                if signal.getsignal(number) is not signal.SIG_IGN:  # nohup's SIGHUP stays ignored
                    self._previous[number] = signal.signal(number, self._stop)
        return self

    def __exit__(self, *exc_info):
        for number, handler in self._previous.items():
            signal.signal(number, handler)

    def _wait(self) -> int:
        """The build's exit status, once it ends; if one of its processes stays paused
        (SIGSTOP), it is ended, and ``paused`` says which, rather than waited for for ever."""
        watch = PauseWatch()
        while True:
            try:
                return self.process.wait(timeout=POLL_SECONDS)
            except subprocess.TimeoutExpired:
                paused = paused_in_group(self.process.pid)
                if watch.too_long(paused):
                    self.paused = paused
                    _signal_group(self.process.pid, signal.SIGKILL)  # a paused process acts on no other signal
                    return self.process.wait()

    def _stop(self, number, frame):
        self.signal_number = self.signal_number or number
        if self.process is not None:
            _signal_group(self.process.pid, signal.SIGTERM)

    def run(self, command: list[str], relay=None, **options) -> int:
        """Run ``command`` in a process group of its own; wait until every process in it has ended.
        With ``relay``, each line the command prints is printed as ``relay`` says it (None: not at all)."""
        if self.signal_number:
            return 128 + self.signal_number
        if relay is not None:
            options.update(stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")
        self.process = subprocess.Popen(command, process_group=0, **options)
        relays = [] if relay is None else [_relay(self.process.stdout, sys.stdout, relay),
                                           _relay(self.process.stderr, sys.stderr, relay)]
        if self.signal_number:  # stopped while it was starting
            _signal_group(self.process.pid, signal.SIGTERM)
        try:
            status = self._wait()
        finally:
            _end_group(self.process)
            for thread in relays:
                thread.join()
        return status


def _relay(lines, stream, relay) -> threading.Thread:
    """A thread printing to ``stream`` each of ``lines`` as ``relay`` says it, until they end."""
    def copy():
        for line in lines:
            said = relay(line)
            if said is not None:
                print(said, file=stream, flush=True)
    thread = threading.Thread(target=copy, daemon=True)
    thread.start()
    return thread


def _signal_group(group: int, number: int) -> bool:
    try:
        os.killpg(group, number)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def _end_group(process: subprocess.Popen) -> None:
    """Make sure no process of the build is left writing into its folder."""
    if process.poll() is None:
        _signal_group(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait()
    # The Welsh build, a grandchild, may outlive the build's main process by a moment.
    deadline = time.monotonic() + GRACE_SECONDS
    while _signal_group(process.pid, 0) and time.monotonic() < deadline:
        time.sleep(0.05)
    _signal_group(process.pid, signal.SIGKILL)


PREVIEW_VERSIONS = (
    ("consultation-draft", "cli.versions.draft_title", ()),
    ("final", "cli.versions.final_title", ("latest",)),
)
"""(version, catalogue key of its title, aliases): a site words the titles in its strings.yml."""


def version_title(key: str) -> str:
    """mike keeps one title per version: "English / Cymraeg" (versions.js shows the page's half)."""
    return " / ".join(translate(key, language) for language in LANGUAGES)


def preview_versions(root: Path, branch: str, address: str) -> int:
    """Build two versions with mike into a local branch of this repository, then serve them,
    so an editor can see the versioned site (selector, banner, aliases) without any hosting.
    Both versions are built from the working tree; nothing is pushed."""
    problems = environment_problems(os.environ)
    try:
        check_site_folder(root / "site", root)  # mike builds each version into site/ first
    except SiteFolderRefused as refused:
        problems.append(str(refused))
    try:
        site_options(root)  # the site's own wording of the versions' titles, if it has one
    except ContentError as error:
        problems.append(str(error))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    # mike runs `mkdocs` by name: both are installed beside this Python.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    mike = [str(Path(sys.executable).with_name("mike"))]
    steps = [[*mike, "deploy", "--branch", branch, "--title", version_title(title), "--update-aliases", version, *aliases]
             for version, title, aliases in PREVIEW_VERSIONS]
    steps.append([*mike, "set-default", "--branch", branch, "latest"])
    said = ToolMessages(root).line  # mike's and MkDocs' English, in the editor's language
    for step in steps:
        if _run_relayed(step, said, cwd=root, env=env) != 0:
            return 1
    print(message("versions.serving", branch=branch, address=address), flush=True)
    return _run_relayed([*mike, "serve", "--branch", branch, "--dev-addr", address], said, cwd=root, env=env)


def _run_relayed(command: list[str], relay, **options) -> int:
    """Run ``command``, printing each line it prints as ``relay`` says it."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace",
                               **options)
    relays = [_relay(process.stdout, sys.stdout, relay), _relay(process.stderr, sys.stderr, relay)]
    try:
        return process.wait()
    finally:
        for thread in relays:
            thread.join()
