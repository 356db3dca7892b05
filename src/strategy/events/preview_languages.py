"""Builds only some of the languages, for a quicker editors' preview.

``STRATEGY_PREVIEW_LANGUAGES`` names the languages a preview shows (``cy``, or
``en,cy``, the default: every language). ``STRATEGY_BUILD_LANGUAGE`` names the
one language this process builds, when the preview builds each language in a
process of its own (strategy/preview/). Without either, every language is built,
as mkdocs-static-i18n does.

Every language stays in static-i18n's ``languages`` (``build: true``), so that
pages link to their twins and the output of each language is the same as in a
full build; a link to a language the preview leaves out reaches the preview
server's page saying so (strategy/preview/server.py).

This relies on two details of mkdocs-static-i18n 1.3.1 (pinned), as
language_builds.py does: the plugin starts with the language in
``current_language`` when it is set before its ``on_config``, and its
``building`` flag stops it from building the other languages after the first.
"""

from __future__ import annotations

import os

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from strategy.messages import message

LANGUAGES_VARIABLE = "STRATEGY_PREVIEW_LANGUAGES"
BUILD_LANGUAGE_VARIABLE = "STRATEGY_BUILD_LANGUAGE"


def preview_languages(all_languages: list[str]) -> list[str]:
    """The languages the preview shows, in the site's order; every language by default."""
    named = [name.strip() for name in os.environ.get(LANGUAGES_VARIABLE, "").replace(",", " ").split()]
    unknown = [name for name in named if name not in all_languages]
    if unknown:
        raise Abort(message("preview.unknown_language", named=" ".join(unknown), languages=", ".join(all_languages)))
    return [language for language in all_languages if language in named] or list(all_languages)


def languages_built_here(all_languages: list[str]) -> list[str]:
    """The languages this process builds."""
    one = os.environ.get(BUILD_LANGUAGE_VARIABLE)
    return [one] if one else preview_languages(all_languages)


def default_language_built(i18n) -> bool:
    """Whether some process of this run builds the default language (which writes
    the theme's assets for all the languages)."""
    return i18n.default_language in preview_languages(i18n.all_languages)


@event_priority(100)  # before mkdocs-static-i18n's on_config picks its first language
def on_config(config):
    i18n = config.plugins["i18n"]
    here = languages_built_here(i18n.all_languages)
    if i18n.current_language is None and here != i18n.all_languages:
        if len(here) != 1:
            raise Abort(f"A preview builds one language or all of them, not {', '.join(here)}")
        i18n.current_language = here[0]
        i18n.building = True  # static-i18n: do not build the other languages after this one
    return config
