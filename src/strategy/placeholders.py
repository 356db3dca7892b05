"""The scaffold's placeholder text must never reach readers.

`make post` starts a post with placeholder text, as a draft. Once `draft: true` is
removed the post is published, so any placeholder left in its summary or body (in
either language) is a problem for `make check` and the build, with the file and line.
"""

from __future__ import annotations

from . import LANGUAGES
from .model import Post
from .problems import Problem, phrase
from .scaffold import PLACEHOLDER_BODY, PLACEHOLDER_SUMMARY, PLACEHOLDER_TRANSLATION_BODY

# The placeholders' opening words, in every language: an editor may have edited the
# end of a placeholder sentence and left its start.
_PLACEHOLDERS = {text.split(".")[0]: field
                 for texts, field in ((PLACEHOLDER_SUMMARY, "summary"), (PLACEHOLDER_BODY, ""),
                                      (PLACEHOLDER_TRANSLATION_BODY, ""))
                 for text in texts.values()}


def placeholder_problems(posts: tuple[Post, ...]) -> list[Problem]:
    problems = []
    for post in posts:
        if post.draft or post.is_page:
            continue
        for language in LANGUAGES:
            written = post.written_in(language)
            body, summary = post.body.in_language(language), post.summary.in_language(language) if post.summary else ""
            for placeholder, field in _PLACEHOLDERS.items():
                if placeholder in summary:
                    line = written.summary_line
                elif placeholder in body:
                    line = written.body_line + body[:body.index(placeholder)].count("\n")
                else:
                    continue
                problems.append(Problem(written.file, line, field, phrase("expected.own_text"),
                                        phrase("found.placeholder", text=placeholder)))
    return problems
