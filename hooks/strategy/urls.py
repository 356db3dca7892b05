"""Where each page is published, as paths relative to the site root.

English is at the root and Welsh under cy/ (see mkdocs.yml). Pages use
directory URLs: docs/en/posts/x.md is published at posts/x/.
"""

from __future__ import annotations

import posixpath

LANGUAGE_FOLDERS = {"en": "", "cy": "cy/"}


def page_url(path: str, language: str) -> str:
    """'posts/x.md' -> 'posts/x/' in English, 'cy/posts/x/' in Welsh; 'index.md' -> '' or 'cy/'."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return LANGUAGE_FOLDERS[language] + stem


def relative_url(from_url: str, to_url: str) -> str:
    """A link from ``from_url`` to ``to_url``, both site-root relative. A URL ending
    in / is a page's folder; any other (feed.xml) is a file within its folder."""
    folder = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    relative = posixpath.relpath("/" + to_url, "/" + folder)
    if to_url.endswith("/") and relative != ".":
        relative += "/"
    return "./" if relative == "." else relative
