"""Turning a page's Markdown into HTML as the site does, so that the content check sees
what readers will get.

The extensions and their options come from mkdocs.yml (``markdown_extensions``),
read with the same rules as MkDocs: its three built-in extensions first, then the
configured ones, so that the check and the build can never render differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import markdown

MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
"""What MkDocs always adds to the configured extensions (mkdocs.config.defaults)."""


@dataclass(frozen=True)
class MarkdownSettings:
    extensions: tuple[str, ...] = MKDOCS_BUILTIN_EXTENSIONS
    configs: dict = field(default_factory=dict, hash=False)

    @classmethod
    def from_config_list(cls, configured) -> MarkdownSettings:
        """From mkdocs.yml's ``markdown_extensions``: names, or ``{name: {option: value}}``."""
        names, configs = list(MKDOCS_BUILTIN_EXTENSIONS), {}
        for item in configured or ():
            name, options = next(iter(item.items())) if isinstance(item, dict) and item else (item, None)
            if not isinstance(name, str):
                continue  # MkDocs itself refuses such a configuration, with its own message
            if name not in names:
                names.append(name)
            if isinstance(options, dict):
                configs[name] = options
        return cls(tuple(names), configs)


class Renderer:
    """Renders Markdown with one set of extensions; reused, since setting them up costs
    more than rendering a post."""

    def __init__(self, settings: MarkdownSettings = MarkdownSettings()):
        self._markdown = markdown.Markdown(extensions=list(settings.extensions), extension_configs=settings.configs)

    def render(self, text: str) -> str:
        self._markdown.reset()
        return self._markdown.convert(text)
