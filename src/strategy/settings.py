"""The site's own options, read from mkdocs.yml (the ``strategy`` plugin's) for the editors' commands.

The build reads the same options from MkDocs' config; the commands read the file
directly so that they stay fast and need no MkDocs. Both check them the same way
(``options.site_options``).
"""

from __future__ import annotations

import importlib.util
from importlib.metadata import entry_points
from pathlib import Path

import yaml

from .options import PLUGIN_NAME, missing_path_problems, moved_options_problem, plugin_position
from .problems import ContentError
from .site_files import PageListing
from .site_layer import theme_search_order
from .site_options import SiteOptions
from .site_options import site_options as checked_options
from .yamltext import read_text, syntax_problem

CONFIG_FILE = "mkdocs.yml"


class _IgnoreTags(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """mkdocs.yml may hold MkDocs-only tags (!ENV, !!python/name); they do not matter here."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def site_config(root: Path) -> dict:
    """mkdocs.yml as data; ContentError when it cannot be read."""
    text, problems = read_text(root / CONFIG_FILE, CONFIG_FILE)
    if text is None:
        raise ContentError(problems)
    try:
        config = yaml.load(text, Loader=_IgnoreTags) or {}
    except yaml.YAMLError as error:
        raise ContentError([syntax_problem(error, CONFIG_FILE, text=text)]) from None
    return config if isinstance(config, dict) else {}


def raw_site_options(root: Path, config: dict | None = None) -> dict:
    """The plugin's options as written, from ``config`` (mkdocs.yml as data) when it has been
    read. ContentError when they are still where versions before 1.0 read them, or when
    mkdocs.yml still lists paths that are gone (the hooks/ of versions before 1.0)."""
    config = site_config(root) if config is None else config
    problems = [*filter(None, [moved_options_problem(root, config.get("extra"))]), *missing_path_problems(root, config)]
    if problems:
        raise ContentError(problems)
    position = plugin_position(config)
    if position is None:
        return {}
    entry = config["plugins"][position]
    options = (entry.get(PLUGIN_NAME) if isinstance(entry, dict) else entry) if isinstance(position, int) else entry
    options = options if isinstance(options, dict) else {}
    return {name: value for name, value in options.items() if name != "enabled"}


def site_options(root: Path) -> SiteOptions:
    """The site's options, checked and typed; ContentError naming every wrong one."""
    return checked_options(raw_site_options(root), root)


def theme_dir(config: dict) -> str | None:
    """The site's own theme folder (``theme: custom_dir:``), as written."""
    theme = config.get("theme")
    folder = theme.get("custom_dir") if isinstance(theme, dict) else None
    return folder if isinstance(folder, str) else None


def theme_folders(root: Path, config: dict) -> tuple[str, ...]:
    """The folders MkDocs takes the theme's files from, as it searches them: the site's
    ``custom_dir`` first, then our package's theme, then the installed theme's own (named by
    its package's entry point)."""
    theme = config.get("theme")
    theme = theme if isinstance(theme, dict) else {"name": theme}
    folders = [str(root / theme["custom_dir"])] if isinstance(theme.get("custom_dir"), str) else []
    package = next((point.value for point in entry_points(group="mkdocs.themes") if point.name == theme.get("name")), None)
    spec = importlib.util.find_spec(package) if package else None
    installed = list(spec.submodule_search_locations if spec and spec.submodule_search_locations else [])
    return tuple(theme_search_order(installed, folders[0] if folders else None))


def page_listing(config: dict) -> PageListing:
    """Which pages the menu lists or leaves out, and whether a page in neither stops the build
    (``strict`` and ``validation: omitted_files: warn``, or ``validation: nav: omitted_files``)."""
    validation = config.get("validation") if isinstance(config.get("validation"), dict) else {}
    nav_validation = validation.get("nav") if isinstance(validation.get("nav"), dict) else {}
    level = nav_validation.get("omitted_files", validation.get("omitted_files", "info"))
    return PageListing.from_config(config.get("nav"), config.get("not_in_nav") or "", bool(config.get("strict")),
                                   level == "warn")
