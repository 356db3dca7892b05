"""One language of the editors' preview: a full MkDocs build, then, for each edit,
only the pages that show it, rendered by MkDocs' own page pipeline.

Run by server.py as ``python -m strategy.preview.worker CONFIG SITE_DIR SERVE_URL`` with
STRATEGY_BUILD_LANGUAGE set. It reads one request per line on its standard input,
the files that changed (``{"changed": ["docs/en/posts/x.md"]}``), and answers one
line on its standard output: ``{"rendered": [...]}`` when it updated the pages
itself, ``{"rebuild": true}`` when the edit needs a full build (it then exits:
the server starts a fresh process), ``{"problems": [...]}`` when the content has
problems (nothing is written: the pages stay as they were until a fix is saved).
Each answer also carries the ``warnings`` said meanwhile (a translation that may be
out of date), for the server to print once for every language. The problems and
warnings are in the editor's language (MkDocs' own said again, with file and line:
strategy/tool_messages.py).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import signal
import sys
import time
from pathlib import Path

import jinja2
from mkdocs import utils
from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel

from strategy.events import content as content_events
from strategy.events.i18n_pages import source_path
from strategy import LANGUAGES
from strategy.incremental import edited_page, pages_to_render
from strategy.memo import Memo
from strategy.problems import ContentError
from strategy.tool_messages import PAGE_FAILED, STRICT_ABORTED, ToolMessages

PLAN_FILE = "data/plan.yaml"


class _KeptState(BasePlugin):
    """Keeps what MkDocs' build() holds only in its local variables."""

    files = nav = env = None

    @event_priority(-10000)
    def on_nav(self, nav, config, files):
        self.nav, self.files = nav, files
        return nav

    @event_priority(-10000)
    def on_env(self, env, config, files):
        self.env = env
        return env


class _Said(logging.Handler):
    """What MkDocs and the hooks log at WARNING or above (in strict mode, each stops the
    build), in the editor's language, until taken."""

    def __init__(self, tool_messages: ToolMessages):
        super().__init__(logging.WARNING)
        self.tool_messages, self.said = tool_messages, []
        self.page_failed = False  # MkDocs said a page could not be made: the error that follows says why

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        self.page_failed = self.page_failed or bool(PAGE_FAILED.fullmatch(text))
        said = self.tool_messages.say(text, record.levelname)
        if said:
            self.said.append(said)

    def take(self) -> tuple[list[str], bool]:
        """What was said since the last time, and whether a page could not be made."""
        said, page_failed = self.said, self.page_failed
        self.said, self.page_failed = [], False
        return said, page_failed


class LanguagePreview:
    def __init__(self, config_file: str, site_dir: str, serve_url: str):
        self.config = load_config(config_file=config_file, site_dir=site_dir)
        self.config.site_url = self.serve_url = serve_url
        self.kept = _KeptState()
        self.config.plugins["strategy-preview-state"] = self.kept
        self.memo = self.config.strategy_memo = Memo()  # a file is parsed and checked again only when its text changes
        self.warned: list[str] = []
        self.config.strategy_warn = self.warned.append  # strategy/events/content.py
        self.tool_messages = ToolMessages(Path(config_file).resolve().parent)
        self.pending: set[str] = set()  # pages edited since the last update that could be shown
        self.plan_pending = False  # and whether the plan was
        self.warnings = utils.CountHandler()
        self.warnings.setLevel(logging.WARNING)
        self.said = _Said(self.tool_messages)
        for handler in (self.warnings, self.said):
            logging.getLogger("mkdocs").addHandler(handler)

    def problems(self, error: str = "") -> list[str]:
        """What stopped this build or update, as the terminal lists it.

        Our content problems (``error``: every problem of the pages, as `make check` says
        them) say all there is, MkDocs' warnings about the same links included; when MkDocs
        said a page could not be made, its line comes first, and ``error`` says why (a
        template's file and line). Warnings alone (``error`` empty, or MkDocs' count of
        them) are what stopped a strict build: they are listed."""
        said, page_failed = self.said.take()
        said = list(dict.fromkeys(said))
        if not error.strip() or STRICT_ABORTED.fullmatch(error.strip()):
            return said or [self.tool_messages.say(error) or error]
        stopped = self.tool_messages.say(error) or error
        return [*said, stopped] if page_failed else [stopped]

    def take_warnings(self) -> list[str]:
        warned, self.warned[:] = list(self.warned), []
        return warned

    def build(self) -> None:
        self.config.plugins.on_startup(command="serve", dirty=False)
        utils.clean_directory = lambda directory: None  # the server empties the site folder first
        build(self.config, serve_url=self.serve_url)

    def update(self, changed: list[str]) -> dict:
        """Render again the pages that show the ``changed`` files, or say a full build is needed."""
        self.said.take()
        edited = {edited_page(file, LANGUAGES) for file in changed if file != PLAN_FILE}
        if None in edited:
            return {"rebuild": True}
        edited |= self.pending
        plan_edited = PLAN_FILE in changed or self.plan_pending
        self.pending, self.plan_pending = edited, plan_edited  # until they are shown
        config, before = self.config, self.config.strategy
        try:
            after = content_events.load_publication(config, self.memo)
        except Abort as error:
            return {"problems": self.problems(str(error))}  # the pages stay as they were; the server says why
        found = pages_to_render(before, after, edited, plan_edited)
        if found is None:
            return {"rebuild": True}
        files = self.kept.files
        documentation = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        pages = [file for file in documentation if source_path(file) in found]
        if any(file.page is None for file in pages):
            return {"rebuild": True}
        try:
            problems = self._render(before, after, pages, documentation)
        except jinja2.TemplateError:
            # A template that fails on what the edit put in a page, part-way through writing
            # them: a full build says which template, at which line, and shows the notice.
            return {"rebuild": True}
        if problems:
            return {"problems": problems}
        self.pending, self.plan_pending = set(), False
        return {"rendered": [file.dest_uri for file in pages]}

    def _render(self, before, after, pages, documentation) -> list[str]:
        """Render ``pages`` as ``after`` has them and write them, with the feeds, search
        index, calendar and site map; or, if the pages have problems (ours, or in strict
        mode MkDocs' warnings: a missing image, a broken link), write nothing and say
        what they are."""
        config, files = self.config, self.kept.files
        # The pages rendered before this edit saw the publication as of the first build.
        config.strategy = dataclasses.replace(after, moment=before.moment)
        rendering = {(source_path(file), config.theme["language"]) for file in pages}
        # The bodies of the pages not rendered again are as they were: their records
        # stay, so that links to them (and their links) are checked as in a full build.
        after.bodies.rendered.update({key: body for key, body in before.bodies.rendered.items() if key not in rendering})
        kept_html = dict(config.strategy_rendered)  # each page's HTML, for the feeds and search (events/feeds.py)
        self.warnings.counts.clear()
        try:
            for file in pages:
                _populate_page(file.page, config, files)
            problems = config.strategy.page_problems()
            if problems:
                raise Abort(str(ContentError(problems)))
            for file in documentation:  # as build() does: a link elsewhere may point at an anchor this edit removed
                file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
            if config.strict and self.warnings.get_counts():
                raise Abort("")  # MkDocs' warnings, said as they came: the pages stay as they were
        except Abort as error:
            config.strategy, config.strategy_rendered = before, kept_html
            return self.problems(str(error))
        for file in pages:
            _build_page(file.page, config, documentation, self.kept.nav, self.kept.env)
        config.plugins.on_post_build(config=config)  # feeds, search index, calendar, site map
        return []


def main(config_file: str, site_dir: str, serve_url: str) -> int:
    # Ctrl+C in the terminal reaches every process of the preview: the server stops
    # the workers itself (it closes their input), without a traceback from each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # anything printed goes to the terminal, not the server
    sys.stdout = sys.stderr
    # What MkDocs logs goes to the server in the answers (LanguagePreview.said), not to the terminal.
    logging.getLogger("mkdocs").propagate = False
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    preview = LanguagePreview(config_file, site_dir, serve_url)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        preview.build()
    except Abort as error:
        answers.write(json.dumps({"error": preview.problems(str(error)), "warnings": preview.take_warnings()}) + "\n")
        return 1
    answers.write(json.dumps({"built": round(time.perf_counter() - started, 3), "cpu": round(time.process_time() - cpu, 3),
                              "warnings": preview.take_warnings()}) + "\n")
    for line in sys.stdin:
        answer = preview.update(json.loads(line)["changed"])
        answers.write(json.dumps({**answer, "warnings": preview.take_warnings()}) + "\n")
        if answer.get("rebuild"):
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
