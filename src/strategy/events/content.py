"""Loads the content model, decides what this build publishes, hands both to the templates.

A thin adapter: the model, its checks and the views live in ``strategy``.
"""

import html
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import AnchorLink, TableOfContents

from strategy.events.i18n_pages import source_path
from strategy import views
from strategy.bodies import BodyChecker
from strategy.catalogue import translator
from strategy.escape import html_text
from strategy.page_source import page_markdown, page_meta, title_anchor
from strategy.problems import ContentError
from strategy.publication import prepare
from strategy.rendering import MarkdownSettings
from strategy.site_files import PageListing
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
        # The editors' preview keeps a memo from one load to the next (strategy/preview/worker.py).
        config.strategy = load_publication(config, getattr(config, "strategy_memo", None))
    return config


def site_options_as_written(config) -> dict:
    """The plugin's options for the content's own check (site-options.schema.json): those
    the site set, without the switch and the options it left unset."""
    plugin = config.plugins.get("strategy")
    options = plugin.config if plugin is not None else {}
    return {name: value for name, value in options.items() if name != "enabled" and value is not None}


def load_publication(config, memo=None):
    """What this run publishes, from the files as they are now. The editors' preview
    (strategy/preview/) calls it again when a file changes, with its ``memo`` (strategy/memo.py)."""
    # Bodies are checked as MkDocs renders each page (on_page_content), not rendered twice.
    bodies = BodyChecker(MarkdownSettings(tuple(config.markdown_extensions), config.mdx_configs), render_all=False)
    try:
        publication = prepare(Path(config.config_file_path).parent, site_options_as_written(config),
                              _is_preview, config.site_url, bodies, memo, tuple(config.theme.dirs),
                              PageListing.from_config(config.nav, config.not_in_nav, config.strict,
                                                      config.validation.nav.omitted_files >= logging.WARNING),
                              theme_dir=config.theme.custom_dir)
    except ContentError as error:
        raise Abort(str(error)) from None
    # The editors' preview gathers them from each language's process, to say each once.
    warn = getattr(config, "strategy_warn", None) or (lambda text: print(f"WARNING -  {text}", file=sys.stderr))
    for warning in outdated_warnings(publication.content):
        warn(warning)
    return publication


@event_priority(-200)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files, config):
    hidden = config.strategy.hidden_paths
    for file in [f for f in files.documentation_pages() if source_path(f) in hidden]:
        files.remove(file)
    return files


# MkDocs never reads a page of the content model itself: the model read and checked
# every file once, and hands over each page's Markdown and metadata (strategy/page_source.py).
# Pages the hooks make (archive pages, translations to follow) carry their own Markdown.


def on_page_read_source(page, config):
    post = config.strategy.content.entry_at(source_path(page.file))
    return page_markdown(post, language_of(config)) if post is not None else None


def on_page_markdown(markdown, page, config, files):
    post = config.strategy.content.entry_at(source_path(page.file))
    if post is not None:
        # The title as written: the templates escape it where they print it.
        page.meta = page_meta(post, language_of(config))
    return markdown


def on_page_content(html, page, config, files):
    """The page's body as MkDocs rendered it, before the generated blocks go in (plan_blocks.py)."""
    if config.strategy.content.entry_at(source_path(page.file)) is not None:
        _add_title_to_contents(page, config)
    key = (source_path(page.file), language_of(config))
    if key in config.strategy.bodies.sources:
        # Problems are reported together, in on_env.
        config.strategy.bodies.check_html(key[0], key[1:], html, config.strategy.page_addresses(page.url, key[1]))
    return html


def _add_title_to_contents(page, config):
    """The page's heading (printed by theme/partials/content.html) heads its table of
    contents, as a heading written in Markdown would: the theme's skip link leads to it."""
    title = page.meta["title"]  # the page's own, where page.title may be its name in the nav
    anchor = title_anchor(title, page.present_anchor_ids or (), config.mdx_configs.get("toc", {}).get("slugify"))
    heading = AnchorLink(html_text(title), anchor, 1)  # a contents entry's title is HTML, as Markdown makes it
    heading.children = list(page.toc)
    page.toc = TableOfContents([heading])
    page.present_anchor_ids = (page.present_anchor_ids or set()) | {anchor}


def on_env(env, config, files):
    # Every page of this language is rendered by now: report what their bodies and links hold.
    problems = config.strategy.page_problems()
    if problems:
        raise Abort(str(ContentError(problems)))
    language = language_of(config)
    # One name for a catalogue string everywhere: t(key, **values) in templates, in
    # this build's language (or another: t(key, language="cy")); translate() in Python.
    env.globals["t"] = translator(language)
    env.globals["deployed_with_mike"] = bool(os.environ.get(MIKE_VERSION_VARIABLE))
    return env


def on_page_context(context, page, config, nav):
    publication, path = config.strategy, source_path(page.file)
    entry = publication.content.entry_at(path)
    # A page the hooks made is titled by its Markdown heading, which MkDocs gives as HTML.
    title = html.unescape(page.title) if entry is None and page.title else None
    context["strategy"] = views.page_view(entry, path, publication, language_of(config), config.site_name,
                                          publication.addresses, title)
    return context

