"""The editors' preview server: MkDocs' live-reload server over per-language workers.

Each language is built by a worker process of its own (worker.py), side by side
on two cores. When files change, the workers are told which; each renders again
only the pages that show the change, or answers that a full build is needed:
then fresh workers build it all into a new folder, which takes the place of the
served one only if the build succeeds (SiteFolders): whatever is saved, the last
good pages stay served, with a notice of the problems. Nothing is served while
an update runs (MkDocs' server waits for the build to finish), and the browser
reloads when it is done.

The preview is a tool for this machine: it answers only requests addressed to
one of its own names (a web page elsewhere cannot reach it through a name of its
own that it points here: DNS rebinding), and says so when asked to listen on
every network (HOST=0.0.0.0).
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import watchdog.events
import watchdog.observers
from mkdocs.livereload import LiveReloadServer, _timestamp

from strategy.preview.browser import ProblemsNotice, reload_script, reload_script_tag
from strategy.preview.notice import not_built_page, nothing_built_page
from strategy.preview.sources import WATCHED, SourceFiles
from strategy.catalogue import translate
from strategy.messages import editor_language, message
from strategy.paused import PAUSED_SECONDS, POLL_SECONDS, PauseWatch, is_paused
from strategy.site_folder import is_marked, list_written_files, mark_as_built
from strategy.urls import LANGUAGE_FOLDERS

log = logging.getLogger("mkdocs.preview")

SHOWN_PAGES = 5  # the pages an update names in the terminal; the others are counted


class SiteFolders:
    """The folder the preview serves, ``served``: a symbolic link to the last good build.
    A full build goes into a new folder beside it, which the link points at once it is
    built; a build that fails is thrown away, and the last good pages stay served."""

    def __init__(self, served: Path):
        self.served = served
        if served.is_dir() and not served.is_symlink() and is_marked(served):
            shutil.rmtree(served)  # a site an earlier build wrote here (before the link)

    def new(self) -> Path:
        folder = Path(tempfile.mkdtemp(prefix=f".{self.served.name}.build-", dir=self.served.parent))
        mark_as_built(folder)  # before the workers start, so that none sees another's half-written marker
        return folder

    def keep(self, built: Path) -> None:
        """Serve ``built`` in place of the last good folder, which goes."""
        last = self.served.resolve() if self.served.is_symlink() else None
        link = built.with_name(built.name + ".link")
        os.symlink(built.name, link)
        os.replace(link, self.served)  # at once: a request sees the old folder or the new one
        if last is not None and last != built:
            shutil.rmtree(last, ignore_errors=True)

    @staticmethod
    def discard(built: Path) -> None:
        shutil.rmtree(built, ignore_errors=True)


class Workers:
    """One worker process per language the preview shows."""

    def __init__(self, root: Path, config_file: str, folders: SiteFolders, serve_url: str, languages: list[str]):
        self.root, self.config_file, self.folders, self.serve_url = root, config_file, folders, serve_url
        self.languages = languages
        self.processes: dict[str, subprocess.Popen] = {}
        self.problems: list[str] = []  # what the files saved last got wrong; none once fixed
        self.updated: set[str] = set()  # the languages whose pages show the files saved last

    def start(self, watching: bool = True) -> bool:
        """A full build: every language built at once into a new folder, served if it succeeds.
        ``watching``: a saved fix will start another (not so with ``--build-only``)."""
        self.stop()
        building = self.folders.new()
        started = time.perf_counter()
        for language in self.languages:
            env = {**os.environ, "STRATEGY_BUILD_LANGUAGE": language, "PYTHONDONTWRITEBYTECODE": "1",
                   "STRATEGY_PREVIEW_LANGUAGES": ",".join(self.languages)}
            self.processes[language] = subprocess.Popen(
                [sys.executable, "-m", "strategy.preview.worker", self.config_file, str(building), self.serve_url],
                cwd=self.root, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        answers = self._answers()
        failed = [problem for answer in answers.values() if "built" not in answer for problem in answer["error"]]
        if failed:
            self.stop()
            self.folders.discard(building)
            self._report(failed, updated=set())
            log.error(message("preview.not_built" if watching else "preview.not_built_once"))
            return False
        list_written_files(building)  # every language is built: the folder is all the build's
        self.folders.keep(building)
        self.problems, self.updated = [], set(self.languages)
        log.info(message("preview.built", languages=", ".join(self.languages), seconds=f"{time.perf_counter() - started:.2f}"))
        return True

    def update(self, changed: list[str]) -> None:
        """Tell every worker what changed; a full build if any of them needs one."""
        if len(self.processes) != len(self.languages):
            self.start()  # the last build failed
            return
        started = time.perf_counter()
        try:
            for process in self.processes.values():
                process.stdin.write(json.dumps({"changed": changed}) + "\n")
        except BrokenPipeError:  # a worker stopped (its error is above)
            self.start()
            return
        answers = self._answers()
        problems = [problem for answer in answers.values() for problem in answer.get("problems", [])]
        ended = [error for answer in answers.values() for error in answer.get("error", [])]
        if ended:  # a worker ended, or stayed paused and was ended: fresh ones build it all
            print("\n".join(dict.fromkeys(ended)), file=sys.stderr)
            self.start()
        elif problems:
            # A problem in one language's pages: a full build would stop at it too. The
            # other language may have shown the edit; this one shows it once it is fixed.
            self._report(problems, updated={language for language, answer in answers.items() if "rendered" in answer})
            log.error(message("preview.not_updated"))
        elif all("rendered" in answer for answer in answers.values()):
            list_written_files(self.folders.served.resolve())  # what the workers rewrote, every language done
            self.problems, self.updated = [], set(self.languages)
            pages = sorted({page for answer in answers.values() for page in answer["rendered"]})
            listed = ", ".join(pages[:SHOWN_PAGES]) + (", ..." if len(pages) > SHOWN_PAGES else "")
            seconds = f"{time.perf_counter() - started:.2f}"
            log.info(message("preview.rendered", count=len(pages), seconds=seconds, pages=listed) if pages
                     else message("preview.unchanged", seconds=seconds))
        else:
            log.info(message("preview.full_build", files=", ".join(changed)))
            self.start()

    def _report(self, found: list[str], updated: set[str]) -> None:
        """Print what the workers found, once (the content's problems are the same in each
        language), and keep it for the notice on every page served until a fix is saved,
        with the languages whose pages show the save all the same."""
        self.problems, self.updated = list(dict.fromkeys(text for text in found if text)), updated
        if self.problems:
            print("\n".join(self.problems), file=sys.stderr)

    def _answers(self) -> dict[str, dict]:
        """Each worker's answer; the warnings they give are printed once for all of them
        (a translation that may be out of date is said by each language's worker)."""
        answers = {language: _answer(process) for language, process in self.processes.items()}
        for warning in dict.fromkeys(text for answer in answers.values() for text in answer.get("warnings", [])):
            log.warning(warning)
        return answers

    def stop(self) -> None:
        for process in self.processes.values():
            process.stdin.close()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes = {}


def _answer(process: subprocess.Popen) -> dict:
    """A worker's next answer, or an error when it has ended, or stays paused (SIGSTOP): a
    paused worker is ended, and the next edit starts a fresh one, rather than every page
    waiting for it for ever."""
    watch = PauseWatch()
    while not select.select([process.stdout], [], [], POLL_SECONDS)[0]:
        if watch.too_long(process.pid if is_paused(process.pid) else None):
            process.kill()
            process.wait()
            return {"error": [message("preview.worker_paused", seconds=f"{PAUSED_SECONDS:g}")]}
    line = process.stdout.readline()
    return json.loads(line) if line else {"error": [message("preview.worker_stopped")]}


class _WritesObserver(watchdog.observers.Observer):
    """The system's file watcher, told only of writes: the build reading a file
    (opened, closed without writing) must not start another build."""

    WRITES = [watchdog.events.FileCreatedEvent, watchdog.events.FileModifiedEvent, watchdog.events.FileDeletedEvent,
              watchdog.events.FileMovedEvent, watchdog.events.FileClosedEvent]

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or self.WRITES,
                                follow_symlink=follow_symlink)


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, with a page for the languages this preview leaves out."""

    def __init__(self, *args, shown: list[str], source_root: Path, workers: Workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.listening_on = kwargs["host"]
        self.own_names = _own_names(self.listening_on)
        self.workers, self.notice = workers, ProblemsNotice(source_root)
        self.observer = _WritesObserver()  # told of each change at once: no polling
        self.build_delay = 0.05  # an editor's save is a burst of events: wait for it to end
        self.not_built = not_built_page(source_root, shown)
        self.left_out = [LANGUAGE_FOLDERS[language] for language in LANGUAGE_FOLDERS if language not in shown]
        self.shown_folders = [LANGUAGE_FOLDERS[language] for language in shown]

    def claim_address(self) -> None:
        """Bind the address now, before the first build, so that a taken one is said at once
        (MkDocs' serve() binds it again: see server_bind)."""
        self.server_bind()
        self.server_activate()
        self._bound = True

    def server_bind(self):
        if not getattr(self, "_bound", False):
            super().server_bind()

    def server_activate(self):
        if not getattr(self, "_bound", False):
            super().server_activate()

    def _serve_request(self, environ, start_response):
        if not self._addressed_to_me(environ.get("HTTP_HOST", "")):
            return _plain_text(start_response, "403 Forbidden", "preview.wrong_host")
        script = reload_script(environ["PATH_INFO"])
        if script is not None:
            start_response("200 OK", [("Content-Type", "text/javascript; charset=utf-8"),
                                      ("Content-Length", str(len(script))), ("Cache-Control", "no-store")])
            return [script]
        if environ["PATH_INFO"] == "/" and "" in self.left_out:  # English (the root) is left out
            start_response("302 Found", [("Location", "/" + self.shown_folders[0])])
            return []
        try:
            result = super()._serve_request(environ, start_response)
        except (OSError, ValueError, UnicodeError):  # an address no file can have (a NUL, too long): not found
            return _plain_text(start_response, "404 Not Found", "preview.no_such_page")
        if result is None and self._in_left_out_language(environ["PATH_INFO"].lstrip("/")):
            start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8"),
                                             ("Content-Length", str(len(self.not_built)))])
            return [self.not_built]
        return result

    def _addressed_to_me(self, host_header: str) -> bool:
        """Whether a request names this machine: one of its names, or, when the preview
        listens on every network, any address in digits. A browser always sends the name it
        asked for, so a page whose own name was pointed here is refused."""
        if not host_header:
            return True  # not a browser's request
        try:
            name = urllib.parse.urlsplit("//" + host_header).hostname or ""
        except ValueError:
            return False
        if name in self.own_names:
            return True
        return self.listening_on in EVERY_NETWORK and _is_address(name)

    def _inject_js_into_html(self, content, epoch):
        """The live-reload script from this server's own address (browser.py), and the
        notice of the last save's problems while there are any."""
        content = self.notice.add_to(content, self.workers.problems, self.workers.updated)
        body_end = content.rfind(b"</body>")
        body_end = len(content) if body_end < 0 else body_end
        return content[:body_end] + reload_script_tag(epoch, _timestamp()) + content[body_end:]

    def _in_left_out_language(self, path: str) -> bool:
        """The longest language folder the path is in (English is at the root) is left out."""
        folders = sorted(self.left_out + self.shown_folders, key=len, reverse=True)
        folder = next(f for f in folders if path.startswith(f))
        return folder in self.left_out


EVERY_NETWORK = ("0.0.0.0", "::", "")


def _own_names(host: str) -> set[str]:
    """The names a request to this preview may give: this machine's, and the address it listens on."""
    names = {"localhost", "127.0.0.1", "::1", host.lower()}
    for name in (socket.gethostname(), socket.getfqdn()):
        names.add(name.lower())
    return names


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


def _in_both_languages(key: str) -> bytes:
    return "\n".join(translate(key, language) for language in ("cy", "en")).encode("utf-8") + b"\n"


def _plain_text(start_response, status: str, key: str) -> list[bytes]:
    """A short answer for a request the preview will not serve, in both languages."""
    text = _in_both_languages(key)
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(text)))])
    return [text]


def serve(root: Path, host: str, port: int, languages: list[str], site_dir: str | None = None,
          build_only: bool = False) -> bool:
    """Build the preview into ``site_dir`` (a new temporary folder by default), then serve
    it until interrupted, or, with ``build_only``, stop there. False if the build failed."""
    temporary = site_dir is None
    site_dir = os.path.join(tempfile.mkdtemp(prefix="strategy-preview-"), "site") if temporary else site_dir
    Path(site_dir).parent.mkdir(parents=True, exist_ok=True)
    folders = SiteFolders(Path(site_dir).absolute())
    workers = Workers(root, str(root / "mkdocs.yml"), folders, f"http://{_in_url(host)}:{port}/", languages)
    if build_only:
        built = workers.start(watching=False)
        workers.stop()
        return built
    sources = SourceFiles(root)

    def builder():
        changed = sources.changed()
        if changed:
            workers.update(changed)

    try:
        server = PreviewServer(builder=builder, host=host, port=port, root=site_dir, shown=languages,
                               source_root=root, workers=workers)
        server.claim_address()
    except OSError as error:  # the address is taken (another preview?) or not this machine's
        print(message("preview.address_refused", address=f"{host}:{port}", why=error.strerror), file=sys.stderr)
        if temporary:
            shutil.rmtree(Path(site_dir).parent, ignore_errors=True)
        return False
    if host in EVERY_NETWORK:
        log.warning(message("preview.every_network", address=f"{_in_url(host)}:{port}"))
    # Until a first build succeeds there is no 404 page of the site's own: say why, in both
    # languages (the editor's first, as the problems are), with the problems that stopped it.
    server.error_handler = lambda code: _read(Path(site_dir) / f"{code}.html") or server.notice.add_to(
        nothing_built_page(root, [editor_language()]), workers.problems, set(), built=False)
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = lambda event: None if event.is_directory else sources.record(event)
    signal.signal(signal.SIGTERM, _interrupt)  # stopped like Ctrl+C: the workers and the site folder go too
    try:
        workers.start()
        for name in WATCHED:
            server.watch(str(root / name))
            server.observer.schedule(handler, str(root / name), recursive=True)
        server.serve()
    except KeyboardInterrupt:
        log.info(message("preview.stopping"))
    finally:
        server.shutdown()
        workers.stop()
        if temporary:
            shutil.rmtree(Path(site_dir).parent, ignore_errors=True)
    return True


def _in_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None
