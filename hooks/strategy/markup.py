"""Markup an author may not put in a post: script, inline event handlers, javascript: URLs.

Markdown lets authors write raw HTML. Posts are reviewed, but a pasted snippet
or a compromised account must not put script on a government site, so these
are refused by the content checker with the line they are on. Code blocks and
code spans are left alone: Markdown shows their text, it never runs it.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_UNSAFE = (
    (re.compile(r"<\s*script\b", re.IGNORECASE), "a <script> element"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE), "an inline event handler (on...=)"),
    (re.compile(r"javascript\s*:", re.IGNORECASE), "a javascript: URL"),
    (re.compile(r"<\s*(iframe|object|embed)\b", re.IGNORECASE), "an embedded <iframe>, <object> or <embed>"),
)


def unsafe_markup(markdown: str) -> list[tuple[int, str]]:
    """(line, what) for each piece of unsafe markup outside code."""
    found, in_fence = [], None
    for number, line in enumerate(markdown.splitlines(), start=1):
        fence = _FENCE.match(line)
        if fence and (in_fence is None or fence.group(1) == in_fence):
            in_fence = None if in_fence else fence.group(1)
            continue
        if in_fence:
            continue
        text = _CODE_SPAN.sub("", line)
        found.extend((number, what) for pattern, what in _UNSAFE if pattern.search(text))
    return found
