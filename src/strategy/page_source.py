"""What MkDocs is given for each page, from the content model.

The model is the one reader of content files: MkDocs never reads a post itself.
It gets each page's Markdown (the body, without its front matter) and its
metadata from here, through the hooks' page events (events/content.py). The
page's heading is its title, printed by the theme (theme/partials/content.html)
and escaped there: the body holds no ``# Title`` line of its own (the content check,
bodies.py, refuses one).
"""

from __future__ import annotations

from typing import Callable

from markdown.extensions.toc import slugify as markdown_slugify
from markdown.extensions.toc import unique

from .model import Post
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
