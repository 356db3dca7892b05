"""The site's own options, read from mkdocs.yml (``extra.strategy``) for the editors' commands.

The build reads the same options from MkDocs' config; the commands read the file
directly so that they stay fast and need no MkDocs. Both check them the same way
(``options.site_options``).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .site_options import SiteOptions
from .site_options import site_options as checked_options


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs-only tags (!ENV, !!python/name); they do not matter here."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def site_options(root: Path) -> SiteOptions:
    """Raises OptionsError naming every wrong option."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags) or {}
    return checked_options((config.get("extra") or {}).get("strategy"), root)
