"""Escaping at the edge: each output format gets its own, applied where text is emitted."""

from __future__ import annotations

import html
import re

# The characters Python-Markdown lets a backslash escape with our extensions
# (its ESCAPED_CHARS, plus | from tables and ~ from pymdownx.tilde). Escaping any
# other character would leave the backslash visible.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|~])")


def html_text(text: str) -> str:
    """Text for an HTML element's content or a quoted attribute value."""
    return html.escape(text, quote=True)


def markdown_inline(text: str) -> str:
    """Text placed in Markdown (a heading, a list item) that must stay plain text.

    HTML-escaping first removes any tag; backslashes then disarm every
    character Markdown or its extensions give a meaning to.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")
