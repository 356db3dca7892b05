"""What MkDocs is given for each page, from the content model.

The model is the one reader of content files: MkDocs never reads a post itself.
It gets each page's Markdown (the body, without its front matter) and its
metadata from here, through the hooks' page events (hooks/content.py). The
page's heading is its title, printed by the theme (overrides/partials/content.html)
and escaped there: the body holds no ``# Title`` line of its own.
"""

from __future__ import annotations

import re
from typing import Callable

from markdown.extensions.toc import slugify as markdown_slugify
from markdown.extensions.toc import unique

from .model import Post
from .problems import Problem
from .translation import MISSING

# MkDocs looks for metadata at the top of whatever source it is handed: a YAML block,
# or else "Name: value" lines (MultiMarkdown), so a body starting "Note: ..." would lose
# its first line. An empty YAML block ahead of the body tells it there is none.
NO_METADATA = "---\n{}\n---\n"


def page_markdown(post: Post, language: str) -> str | None:
    """The Markdown MkDocs renders for ``post``'s page in ``language``; None for a page
    whose translation is to follow, which the hooks make from its source
    (translation.untranslated_view)."""
    if post.translation_state == MISSING and language == post.translated_language:
        return None
    return NO_METADATA + post.body.in_language(language)


def page_meta(post: Post, language: str) -> dict:
    """The page's metadata as the theme reads it (``page.meta``): its title, as written."""
    return {"title": post.title.in_language(language)}


def title_anchor(title: str, taken_ids, slugify: Callable[[str, str], str] | None = None) -> str:
    """The id of the page's heading, made as Markdown makes every other heading's
    (its ``toc`` extension), and not one the body's headings use already."""
    return unique((slugify or markdown_slugify)(title, "-"), set(taken_ids))


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Python-Markdown makes a top-level heading of a line starting with one '#', space or not.
_TITLE_HEADING = re.compile(r"^#(?!#)[ \t]*(?P<text>.*?)[ \t#]*$")
_UNDERLINE = re.compile(r"^ {0,3}=+[ \t]*$")

HEADING_EXPECTED = ("no '# ' heading: the page's heading is its 'title' (in the front matter), "
                    "shown at the top of the page for you; start the text's own headings with '## '")


def title_heading_problems(file: str, body: str, body_line: int) -> list[Problem]:
    """A heading of the top level written in a body, which would be a second title:
    one problem for each, at its line."""
    problems, fence = [], None
    lines = body.split("\n")
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if opening and (fence is None or opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence)):
            fence = None if fence else opening.group(1)
            continue
        if fence:
            continue
        heading = _TITLE_HEADING.match(line)
        underlined = (index > 0 and _UNDERLINE.match(line) and lines[index - 1].strip()
                      and not _TITLE_HEADING.match(lines[index - 1]))
        if heading or underlined:
            text = heading.group("text") if heading else lines[index - 1].strip()
            at = index if heading else index - 1
            problems.append(Problem(file, body_line + at, "", HEADING_EXPECTED, f"the heading '{text}'"))
    return problems
