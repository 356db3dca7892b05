"""What the preview adds to each page it serves: MkDocs' live reload, loaded in a way
the page's own content security policy allows, and a notice while the files saved
last have problems (until a fix is saved, the pages are the last good ones).

`mkdocs serve` puts its live-reload script inline, which every page's policy rightly
refuses (only the theme's own inline scripts are hashed into it): the browser never
reloaded. Here the same script comes from the preview server's own address, which
the policy allows ('self').
"""

from __future__ import annotations

import re
from pathlib import Path

# MkDocs 1.6.1 (pinned): the poller `mkdocs serve` writes into each page.
from mkdocs.livereload import _SCRIPT_TEMPLATE

from strategy.preview.notice import preview_templates
from strategy.urls import LANGUAGE_FOLDERS

RELOAD_SCRIPT = re.compile(r"/\.preview/livereload/(\d+)/(\d+)\.js")
PROBLEMS_TEMPLATE = "partials/strategy/preview-problems.html"


def reload_script_tag(epoch: int, request_id: int) -> bytes:
    return b'<script src="/.preview/livereload/%d/%d.js"></script>' % (epoch, request_id)


def reload_script(path: str) -> bytes | None:
    """The live-reload script for a page served at ``epoch``, if ``path`` asks for it."""
    match = RELOAD_SCRIPT.fullmatch(path)
    if match is None:
        return None
    return _SCRIPT_TEMPLATE.substitute(epoch=int(match[1]), request_id=int(match[2])).encode("utf-8")


def page_language(content: bytes) -> str:
    """The language a page is written in (its html element's lang), English if it says none."""
    found = re.search(rb'<html[^>]*\slang="([a-z]+)', content[:2000])
    language = found[1].decode("ascii") if found else ""
    return language if language in LANGUAGE_FOLDERS else "en"


class ProblemsNotice:
    """The notice at the top of each page while the files saved last have problems."""

    def __init__(self, root: Path):
        self.template = preview_templates(root).get_template(PROBLEMS_TEMPLATE)

    def add_to(self, content: bytes, problems: list[str], updated: set[str], built: bool = True) -> bytes:
        """``content`` with the notice of ``problems`` (as the terminal shows them), if there are
        any: whether the page shows the files saved last depends on its language's ``updated``;
        ``built``: False when no build has succeeded yet."""
        if not problems:
            return content
        language = page_language(content)
        notice = self.template.render(language=language, problems=problems, updated=language in updated, built=built)
        notice = notice.encode("utf-8")
        # Inside the page's text, where the theme styles an admonition; else first in the body.
        for opening in (rb'<article class="md-content__inner md-typeset">', rb"<body[^>]*>"):
            found = re.search(opening, content)
            if found:
                return content[:found.end()] + notice + content[found.end():]
        return notice + content
