"""The page a one-language preview serves for a page of a language it leaves out,
from the theme's template partials/strategy/preview-not-built.html (overrides/)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from strategy.catalogue import translate
from strategy.site_layer import THEME_FOLDER  # after the site's own overrides/
from strategy.urls import LANGUAGE_FOLDERS

TEMPLATE = "partials/strategy/preview-not-built.html"
NOTHING_BUILT_TEMPLATE = "partials/strategy/preview-nothing-built.html"


def preview_templates(root: Path) -> jinja2.Environment:
    """The preview's own pages' templates: the site's overrides/ first, then the package's."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([root / "overrides", THEME_FOLDER]), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals["t"] = lambda key, language, **values: translate(key, language, **values)
    return env


def _in_order(shown: list[str]) -> list[str]:
    return shown + [language for language in LANGUAGE_FOLDERS if language not in shown]


def not_built_page(root: Path, shown: list[str]) -> bytes:
    """In each language, the ones the preview shows first: which language this preview
    shows, how to see both, and a link to its home page."""
    page = preview_templates(root).get_template(TEMPLATE).render(languages=_in_order(shown),
                                                                 home=f"/{LANGUAGE_FOLDERS[shown[0]]}")
    return page.encode("utf-8")


def nothing_built_page(root: Path, shown: list[str]) -> bytes:
    """What every address answers until a build succeeds (the notice of why goes in it)."""
    return preview_templates(root).get_template(NOTHING_BUILT_TEMPLATE).render(languages=_in_order(shown)).encode("utf-8")
