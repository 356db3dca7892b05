"""Loads the content model, decides what this build publishes, hands both to the templates.

A thin adapter: the model, its checks and the views live in ``strategy``.
"""

import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

# `mkdocs serve` imports the hook files again after every change it sees (data/,
# schemas/ and hooks/ are watched, see mkdocs.yml), but Python would keep the core
# modules it imported the first time: forget them, so an edit to the core shows at once.
for _module in [name for name in sys.modules if name.split(".")[0] in ("strategy", "i18n_pages")]:
    del sys.modules[_module]

# Import helpers at the top: the hooks folder is on sys.path only while MkDocs
# imports this file.
from i18n_pages import source_path
from strategy import views
from strategy.catalogue import translator
from strategy.escape import html_text
from strategy.site_options import OptionsError, site_options
from strategy.problems import ContentError
from strategy.publication import prepare
from strategy.translation import outdated_warnings

# `mkdocs serve` is a local preview: it shows drafts and scheduled posts, marked
# as such. Every other command publishes. STRATEGY_PREVIEW=1 asks for a preview
# build (pull request previews).
_is_preview = False
# mike names the version it is building in MIKE_DOCS_VERSION. Only then is there a
# versions.json for the version selector to read.
MIKE_VERSION_VARIABLE = "MIKE_DOCS_VERSION"


def on_startup(command, dirty):
    global _is_preview
    _is_preview = command == "serve" or os.environ.get("STRATEGY_PREVIEW") == "1"


def language_of(config) -> str:
    return config.theme["language"]


@event_priority(-200)  # after mkdocs-static-i18n has switched the config to this build's language
def on_config(config):
    # mkdocs-static-i18n builds every language with this same config object in one
    # run: what the first language's build prepared serves them all.
    if getattr(config, "strategy", None) is None:
        config.strategy = load_publication(config)
    return config


def load_publication(config):
    """What this run publishes, loaded from the files now; the editors' preview
    (hooks/preview/) calls it again when a file changes."""
    root = Path(config.config_file_path).parent
    try:
        options = site_options(config.extra.get("strategy"), root)
        publication = prepare(root, options, _is_preview, config.site_url)
    except (OptionsError, ContentError) as error:
        raise Abort(str(error)) from None
    for warning in outdated_warnings(publication.content):
        print(f"WARNING -  {warning}", file=sys.stderr)
    return publication


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files, config):
    hidden = config.strategy.hidden_paths
    for file in [f for f in files.documentation_pages() if source_path(f) in hidden]:
        files.remove(file)
    return files


def on_page_markdown(markdown, page, config, files):
    # Material prints the title unescaped in places (the header, <title>, search
    # results): hand it over as HTML-escaped text, so a title is only ever text.
    if "title" in page.meta:
        page.meta["title"] = html_text(str(page.meta["title"]))
    return markdown


def on_env(env, config, files):
    language = language_of(config)
    # One name for a catalogue string everywhere: t(key, **values) in templates, in
    # this build's language (or another: t(key, language="cy")); translate() in Python.
    env.globals["t"] = translator(language)
    env.globals["deployed_with_mike"] = bool(os.environ.get(MIKE_VERSION_VARIABLE))
    return env


def on_page_context(context, page, config, nav):
    publication, path = config.strategy, source_path(page.file)
    context["strategy"] = views.page_view(publication.content.entry_at(path), path, publication,
                                          language_of(config), config.site_name, publication.addresses)
    return context

