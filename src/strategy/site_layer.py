"""What a site takes from this package and what it may put in its place.

The package's theme (``theme/``: templates, scripts, styles) sits between a site's
own ``overrides/`` and Material, so a file at the same path in ``overrides/``
replaces ours. mkdocs-static-i18n puts a site map template of its own first when
the site's ``overrides/`` has none; ours (``theme/sitemap.xml``) lists both
languages as we publish them, so its folder is left out.
"""

from __future__ import annotations

from pathlib import Path

THEME_FOLDER = Path(__file__).parent / "theme"

PACKAGE_STYLES = ("assets/stylesheets/strategy.css",)
# On every page, after Material's bundle. The version selector (versions.js) is loaded
# only in builds made by mike, and the plan filters and search only by the pages that
# place their blocks (theme/main.html; each block's script in block_declarations.py).
PACKAGE_SCRIPTS = (
    "assets/javascripts/alternates.js",
    "assets/javascripts/menu.js",  # the menu button a keyboard can use (partials/header.html)
    "assets/javascripts/table-scroll.js",  # a table's box is a Tab stop only when it scrolls
    "assets/javascripts/tooltips.js",  # a tooltip shows its title as text, never as HTML
)

_I18N_SITEMAP_FOLDER = "custom_i18n_sitemap"


def theme_search_order(folders: list[str], custom_dir: str | None) -> list[str]:
    """``folders`` (MkDocs' theme folders, in search order) with the package's theme
    after the site's ``custom_dir`` and before the rest; the same list if already so."""
    theme = str(THEME_FOLDER)
    rest = [folder for folder in folders
            if folder != theme and Path(folder).name != _I18N_SITEMAP_FOLDER and folder != custom_dir]
    return ([custom_dir] if custom_dir else []) + [theme] + rest
