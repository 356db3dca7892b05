"""The editors' preview server: MkDocs' live-reload server over per-language workers.

Each language is built by a worker process of its own (worker.py), side by side
on two cores. When files change, the workers are told which; each renders again
only the pages that show the change, or answers that a full build is needed:
then the site folder is emptied and fresh workers build it all. Nothing is
served while an update runs (MkDocs' server waits for the build to finish), and
the browser reloads when it is done.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import watchdog.events
import watchdog.observers
from mkdocs import utils
from mkdocs.livereload import LiveReloadServer, _timestamp

from preview.browser import ProblemsNotice, reload_script, reload_script_tag
from preview.notice import not_built_page
from preview.sources import WATCHED, SourceFiles
from strategy.messages import message
from strategy.site_folder import mark_as_built
from strategy.urls import LANGUAGE_FOLDERS

log = logging.getLogger("mkdocs.preview")

SHOWN_PAGES = 5  # the pages an update names in the terminal; the others are counted


class Workers:
    """One worker process per language the preview shows."""

    def __init__(self, root: Path, config_file: str, site_dir: str, serve_url: str, languages: list[str]):
        self.root, self.config_file, self.site_dir, self.serve_url = root, config_file, site_dir, serve_url
        self.languages = languages
        self.processes: dict[str, subprocess.Popen] = {}
        self.problems = ""  # what the files saved last got wrong, as the terminal shows it; "" once fixed

    def start(self) -> bool:
        """A full build: an empty site folder, then every language built at once."""
        self.stop()
        utils.clean_directory(self.site_dir)
        mark_as_built(Path(self.site_dir))  # before the workers start, so that none sees another's half-written marker
        started = time.perf_counter()
        for language in self.languages:
            env = {**os.environ, "STRATEGY_BUILD_LANGUAGE": language, "PYTHONDONTWRITEBYTECODE": "1",
                   "STRATEGY_PREVIEW_LANGUAGES": ",".join(self.languages), "PYTHONPATH": str(self.root / "hooks")}
            self.processes[language] = subprocess.Popen(
                [sys.executable, "-m", "preview.worker", self.config_file, self.site_dir, self.serve_url],
                cwd=self.root, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        answers = self._answers()
        failed = [answer.get("error", "") for answer in answers.values() if "built" not in answer]
        if failed:
            self.stop()
            self._report(failed)
            log.error(message("preview.not_built"))
            return False
        self.problems = ""
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
        problems = [answer["problems"] for answer in answers.values() if "problems" in answer]
        if problems:
            # A problem in one language's pages: a full build would stop at it too. The
            # other language may have shown the edit; this one shows it once it is fixed.
            self._report(problems)
            log.error(message("preview.not_updated"))
        elif all("rendered" in answer for answer in answers.values()):
            self.problems = ""
            pages = sorted({page for answer in answers.values() for page in answer["rendered"]})
            listed = ", ".join(pages[:SHOWN_PAGES]) + (", ..." if len(pages) > SHOWN_PAGES else "")
            seconds = f"{time.perf_counter() - started:.2f}"
            log.info(message("preview.rendered", count=len(pages), seconds=seconds, pages=listed) if pages
                     else message("preview.unchanged", seconds=seconds))
        else:
            log.info(message("preview.full_build", files=", ".join(changed)))
            self.start()

    def _report(self, found: list[str]) -> None:
        """Print what the workers found, once (the content's problems are the same in each
        language), and keep it for the notice on every page served until a fix is saved."""
        self.problems = "\n".join(dict.fromkeys(text for text in found if text))
        if self.problems:
            print(self.problems, file=sys.stderr)

    def _answers(self) -> dict[str, dict]:
        answers = {}
        for language, process in self.processes.items():
            line = process.stdout.readline()
            answers[language] = json.loads(line) if line else {"error": "the worker stopped"}
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
        script = reload_script(environ["PATH_INFO"])
        if script is not None:
            start_response("200 OK", [("Content-Type", "text/javascript; charset=utf-8"),
                                      ("Content-Length", str(len(script))), ("Cache-Control", "no-store")])
            return [script]
        if environ["PATH_INFO"] == "/" and "" in self.left_out:  # English (the root) is left out
            start_response("302 Found", [("Location", "/" + self.shown_folders[0])])
            return []
        result = super()._serve_request(environ, start_response)
        if result is None and self._in_left_out_language(environ["PATH_INFO"].lstrip("/")):
            start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8"),
                                             ("Content-Length", str(len(self.not_built)))])
            return [self.not_built]
        return result

    def _inject_js_into_html(self, content, epoch):
        """The live-reload script from this server's own address (browser.py), and the
        notice of the last save's problems while there are any."""
        content = self.notice.add_to(content, self.workers.problems)
        body_end = content.rfind(b"</body>")
        body_end = len(content) if body_end < 0 else body_end
        return content[:body_end] + reload_script_tag(epoch, _timestamp()) + content[body_end:]

    def _in_left_out_language(self, path: str) -> bool:
        """The longest language folder the path is in (English is at the root) is left out."""
        folders = sorted(self.left_out + self.shown_folders, key=len, reverse=True)
        folder = next(f for f in folders if path.startswith(f))
        return folder in self.left_out


def serve(root: Path, host: str, port: int, languages: list[str], site_dir: str | None = None,
          build_only: bool = False) -> bool:
    """Build the preview into ``site_dir`` (a new temporary folder by default), then serve
    it until interrupted, or, with ``build_only``, stop there. False if the build failed."""
    temporary = site_dir is None
    site_dir = tempfile.mkdtemp(prefix="strategy-preview-") if temporary else site_dir
    workers = Workers(root, str(root / "mkdocs.yml"), site_dir, f"http://{host}:{port}/", languages)
    if build_only:
        built = workers.start()
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
            shutil.rmtree(site_dir, ignore_errors=True)
        return False
    server.error_handler = lambda code: _read(Path(site_dir) / f"{code}.html")
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
            shutil.rmtree(site_dir, ignore_errors=True)
    return True


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None
