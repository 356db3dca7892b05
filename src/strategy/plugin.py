"""The MkDocs plugin: ``plugins: [..., i18n: {...}, strategy: {...}]`` in a site's mkdocs.yml.

One plugin stands for what were fifteen hook files ordered in mkdocs.yml. Each of
those is now a module of ``strategy.events``, still a thin adapter over the core,
and ``EVENT_MODULES`` below is the one place their order is kept: for one event,
the modules' handlers run in this order, unless a handler asks for a priority of
its own (``event_priority``, which MkDocs honours across all plugins).

The plugin is listed after ``i18n`` (mkdocs-static-i18n): at equal priority MkDocs
runs plugins in the order mkdocs.yml lists them, and several handlers expect
static-i18n to have switched the config to the language being built.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, CombinedEvent

from .events import (archive_pages, build_safety, content, events_calendar, feeds, language_builds, not_found,
                     owner_pages, page_output, page_rendering, plan_blocks, preview_languages, progress_pages,
                     reader_pages, search_index, site_layer, sitemap, template_cache, untranslated)

EVENT_MODULES = (
    build_safety,       # first: refuses a site folder it did not make, and bad settings
    preview_languages,  # a preview of one language (STRATEGY_PREVIEW_LANGUAGES)
    language_builds,    # builds English and Welsh side by side on two cores
    site_layer,         # the site's overrides/, then our theme, then Material's; refuses extra.strategy
    content,            # first of the rest: loads the content model (and the options) the others use
    page_rendering,     # one Markdown converter per language, reset between pages
    plan_blocks,        # before feeds: a page's blocks are back in its HTML before the feeds keep it
    archive_pages,
    progress_pages,
    owner_pages,
    untranslated,
    feeds,              # keeps each page's finished HTML, which the search index reads
    sitemap,
    events_calendar,
    search_index,       # after feeds
    template_cache,     # keeps compiled templates between builds (any place before the last two)
    reader_pages,       # after content (its options), before the last two: footer links, robots.txt, share pictures
    page_output,        # last but one: it hashes the page's final inline scripts into its policy
    not_found,          # last: places the finished not-found pages
)

EVENTS = ("startup", "shutdown", "serve", "config", "pre_build", "files", "nav", "env", "post_build",
          "build_error", "pre_template", "template_context", "post_template", "pre_page", "page_read_source",
          "page_markdown", "page_content", "page_context", "post_page")


class StrategyConfig(base.Config):
    """The site's options, under the plugin in mkdocs.yml. Their values are checked, each
    with its line and in the editor's language and with every other problem of the
    content, by schemas/site-options.schema.json (``strategy check``, and the build's
    first event): the types here are only what MkDocs itself must know."""

    enabled = c.Type(bool, default=True)
    feeds = c.Type(dict, default={})  # id_authority (required), limit, content
    consultation = c.Optional(c.Type(dict))  # opens, closes, email, form_url, postal_address, response_url
    contact_email = c.Optional(c.Type(str))
    compare_with = c.Optional(c.Type(dict))  # file, title: {en, cy}
    translations = c.Type(dict, default={})  # to_follow, outdated
    reporting_period = c.Type(str, default="quarter")  # quarter | month | year
    language_site_urls = c.Type(dict, default={})
    x_default_language = c.Type(str, default="en")
    strings = c.Optional(c.Type(str))  # the site's own wording of some strings: a YAML file (site_strings.py)
    share_picture = c.Type(dict, default={})  # background, text, band: the colours of the pictures for shared links
    sample_content = c.Type(bool, default=False)  # a notice on every page: sample content, not an official publication


def _handlers(event: str) -> list:
    # staticmethod: the modules' functions take no ``self``; CombinedEvent binds each
    # through the descriptor protocol, which a staticmethod answers with the function.
    return [staticmethod(getattr(module, f"on_{event}")) for module in EVENT_MODULES
            if hasattr(module, f"on_{event}")]


class StrategyPlugin(BasePlugin[StrategyConfig]):
    """Every event of every module of ``strategy.events``, in ``EVENT_MODULES``' order."""

    def __init__(self):
        super().__init__()
        for event in EVENTS:
            handlers = _handlers(event)
            if handlers:
                setattr(self, f"on_{event}", CombinedEvent(*handlers).__get__(self, type(self)))

    def load_config(self, options, config_file_path=None):
        errors, warnings = super().load_config(options, config_file_path)
        if not errors and not self.config.enabled:
            for event in EVENTS:  # switched off: a plain Material site, none of our events
                self.__dict__.pop(f"on_{event}", None)
        return errors, warnings
