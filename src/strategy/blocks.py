"""Generated blocks: which block a marker asks for, its view, and where its markup goes.

A page asks for a block with a marker line such as ``<!-- strategy:actions -->``.
The core builds the block's view (plain values, in the page's language, see
``plan_views`` and ``list_views``); a template renders it
(``theme/partials/strategy/<name>.html``, which a site can override in its ``overrides/``). The
rendered block is Markdown for its headings, which belong in the table of
contents, and HTML for the rest, set aside while Markdown runs.
"""

from __future__ import annotations

import re
from importlib import import_module
from typing import Callable

from .block_declarations import BLOCKS as DECLARED
from .markers import BLOCK_PLACEHOLDER, BLOCK_PLACEHOLDER_PATTERN, MARKER, PLACED_BY_MARKER
from .views_common import Page, UnknownName

TEMPLATE_FOLDER = "partials/strategy/"


def _view(block) -> Callable:
    module, function = block.view.rsplit(".", 1)
    return getattr(import_module(f".{module}", __package__), function)


# Each block's view, by its name (block_declarations.py declares them).
VIEWS = {block.name: _view(block) for block in DECLARED}

# What a mission post shows after its text when it places none of them itself:
# (the heading id that says the post placed it, the block's name).
MISSION_POST_DEFAULTS = tuple((f"{{#{block.anchors[0]}}}", block.name) for block in DECLARED if block.after_mission_posts)

Render = Callable[[str, object], str]
"""Renders the template of a block (its name) with a view; the hooks give one made from the theme."""


class UnknownMarker(ValueError):
    """A marker the content checker should have refused."""


def template_name(block: str) -> str:
    return f"{TEMPLATE_FOLDER}{block}.html"


_MARKDOWN_HEADING = re.compile(r"^#{1,6} ")


def set_aside_html(block: str, stash: list[str]) -> str:
    """The rendered block with its HTML set aside, leaving a placeholder comment.

    Markdown then only sees the block's headings (which belong in the table of
    contents) and cheap comments; the HTML goes into the page after Markdown has
    run (``restore_blocks``): faster on big pages, and never re-read as Markdown.
    """
    if not block.strip():
        return "\n"
    parts: list[str] = []
    html: list[str] = []

    def flush():
        if html:
            stash.append("\n".join(html))
            parts.append(BLOCK_PLACEHOLDER.format(len(stash) - 1))
            html.clear()

    # Only a heading ends a piece of HTML: a blank line a template leaves inside an
    # element must not cut the element in two (each piece is checked whole).
    for line in block.strip("\n").split("\n"):
        if _MARKDOWN_HEADING.match(line):
            flush()
            parts.append(line)
        elif line.strip():
            html.append(line.strip())
    flush()
    return "\n\n" + "\n\n".join(parts) + "\n\n"


def place_blocks(markdown: str, page: Page, render: Render) -> tuple[str, list[str]]:
    """Replace every marker with its block; a mission post without markers gets its
    outcomes, actions, feedback and invitation to respond after its text. Returns the
    Markdown and the HTML set aside for ``restore_blocks``."""
    stash: list[str] = []

    def replace(match: re.Match) -> str:
        name = match.group("name")
        block = PLACED_BY_MARKER.get(name)
        if block is None:
            raise UnknownMarker(f"unknown block '{name}'")
        if block.mission_posts_only and (page.post is None or page.post.kind != "mission"):
            raise UnknownMarker(f"the '{name}' block belongs on a mission post")
        if block.numbered:
            view = VIEWS[name](page, int(match.group("page") or 1))
        elif block.names:
            value = match.group("value") if match.group("key") == block.names else None
            try:
                view = VIEWS[name](page, value or "")
            except UnknownName:
                raise UnknownMarker(f"the '{name}' block needs {block.names}= naming one this site has, "
                                    f"not '{value or ''}'") from None
        else:
            view = VIEWS[name](page)
        return set_aside_html(render(name, view), stash)

    markdown = MARKER.sub(replace, markdown)
    if page.post is not None and page.post.kind == "mission":
        for anchor, name in MISSION_POST_DEFAULTS:
            if anchor not in markdown:
                markdown = markdown.rstrip("\n") + set_aside_html(render(name, VIEWS[name](page)), stash)
    return markdown, stash


def restore_blocks(html: str, stash: list[str]) -> str:
    """Put the HTML set aside by ``place_blocks`` back in the rendered page."""
    if not stash:
        return html
    return BLOCK_PLACEHOLDER_PATTERN.sub(lambda m: stash[int(m.group(1))], html)
