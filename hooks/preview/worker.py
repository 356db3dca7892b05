"""One language of the editors' preview: a full MkDocs build, then, for each edit,
only the pages that show it, rendered by MkDocs' own page pipeline.

Run by server.py as ``python -m preview.worker CONFIG SITE_DIR SERVE_URL`` with
STRATEGY_BUILD_LANGUAGE set. It reads one request per line on its standard input,
the files that changed (``{"changed": ["docs/en/posts/x.md"]}``), and answers one
line on its standard output: ``{"rendered": [...]}`` when it updated the pages
itself, ``{"rebuild": true}`` when the edit needs a full build (it then exits:
the server starts a fresh process), ``{"problems": true}`` when the content has
problems (printed above).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sys
import time

from mkdocs import utils
from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel

from strategy import LANGUAGES
from strategy.incremental import edited_page, pages_to_render


SITEMAP_WRITER = LANGUAGES[-1]
"""The language whose build writes sitemap.xml (hooks/sitemap.py)."""


class _KeptState(BasePlugin):
    """Keeps what MkDocs' build() holds only in its local variables."""

    files = nav = env = None
    skip_sitemap_template = False

    def on_post_template(self, output_content, template_name, config):
        if template_name == "sitemap.xml" and self.skip_sitemap_template:
            return ""  # MkDocs writes no empty template
        return output_content

    @event_priority(-10000)
    def on_nav(self, nav, config, files):
        self.nav, self.files = nav, files
        return nav

    @event_priority(-10000)
    def on_env(self, env, config, files):
        self.env = env
        return env


class LanguagePreview:
    def __init__(self, config_file: str, site_dir: str, serve_url: str):
        self.config = load_config(config_file=config_file, site_dir=site_dir)
        self.config.site_url = self.serve_url = serve_url
        self.kept = _KeptState()
        self.config.plugins["strategy-preview-state"] = self.kept
        self.warnings = utils.CountHandler()
        self.warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def build(self) -> None:
        self.config.plugins.on_startup(command="serve", dirty=False)
        language, shown = os.environ["STRATEGY_BUILD_LANGUAGE"], os.environ["STRATEGY_PREVIEW_LANGUAGES"].split(",")
        # The languages build at once: the empty placeholder this build would write
        # could land after the site map the other build writes (hooks/sitemap.py).
        self.kept.skip_sitemap_template = SITEMAP_WRITER in shown and language != SITEMAP_WRITER
        utils.clean_directory = lambda directory: None  # the server empties the site folder first
        build(self.config, serve_url=self.serve_url)

    def update(self, changed: list[str]) -> dict:
        """Render again the pages that show the ``changed`` files, or say a full build is needed."""
        edited = {edited_page(file, LANGUAGES) for file in changed}
        if None in edited:
            return {"rebuild": True}
        config = self.config
        before = config.strategy
        try:
            after = self._content_hooks().load_publication(config)
        except Abort as error:
            print(error, file=sys.stderr)
            return {"problems": True}  # this build's pages stay as they were
        paths = pages_to_render(before, after, edited)
        language = config.theme["language"]
        files = self.kept.files
        pages = [files.get_file_from_path(f"{language}/{path}") for path in paths or ()]
        if paths is None or None in pages or any(file.page is None for file in pages):
            return {"rebuild": True}
        # The pages rendered before this edit saw the publication as of the first build.
        config.strategy = dataclasses.replace(after, moment=before.moment)
        self.warnings.counts.clear()
        for file in pages:
            _populate_page(file.page, config, files)
        documentation = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for file in pages:
            _build_page(file.page, config, documentation, self.kept.nav, self.kept.env)
        for file in documentation:  # as build() does: a link elsewhere may point at an anchor this edit removed
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        config.plugins.on_post_build(config=config)  # feeds, search index, calendar, site map
        if config.strict and self.warnings.get_counts():
            return {"rebuild": True}  # strict mode: let the full build report and stop
        return {"rendered": [file.dest_uri for file in pages]}

    def _content_hooks(self):
        return self.config.plugins["hooks/content.py"]


def main(config_file: str, site_dir: str, serve_url: str) -> int:
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # anything printed goes to the terminal, not the server
    sys.stdout = sys.stderr
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    preview = LanguagePreview(config_file, site_dir, serve_url)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        preview.build()
    except Abort as error:
        print(error, file=sys.stderr)
        answers.write(json.dumps({"error": str(error)}) + "\n")
        return 1
    answers.write(json.dumps({"built": round(time.perf_counter() - started, 3),
                              "cpu": round(time.process_time() - cpu, 3)}) + "\n")
    for line in sys.stdin:
        answer = preview.update(json.loads(line)["changed"])
        answers.write(json.dumps(answer) + "\n")
        if answer.get("rebuild"):
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
