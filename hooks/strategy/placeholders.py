"""The scaffold's placeholder text must never reach readers.

`make post` starts a post with placeholder text, as a draft. Once `draft: true` is
removed the post is published, so any placeholder left in its summary or body (in
either language) is a problem for `make check` and the build, with the file and line.
"""

from __future__ import annotations

from pathlib import Path

from .model import Post
from .problems import Problem
from .scaffold import PLACEHOLDER_BODY, PLACEHOLDER_SUMMARY

# The placeholders' opening words, in every language: an editor may have edited the
# end of a placeholder sentence and left its start.
_PLACEHOLDERS = {text.split(".")[0]: field for texts, field in ((PLACEHOLDER_SUMMARY, "summary"), (PLACEHOLDER_BODY, ""))
                 for text in texts.values()}


def placeholder_problems(root: Path, posts: tuple[Post, ...], docs_dir: str = "docs") -> list[Problem]:
    problems = []
    for post in posts:
        if post.draft or post.is_page:
            continue
        for language in ("en", "cy"):
            file = f"{docs_dir}/{language}/{post.path}"
            texts = [post.body.in_language(language)] + ([post.summary.in_language(language)] if post.summary else [])
            found = [placeholder for placeholder in _PLACEHOLDERS if any(placeholder in text for text in texts)]
            if not found or not (root / file).is_file():
                continue
            lines = (root / file).read_text(encoding="utf-8").splitlines()
            for placeholder in found:
                line = next((number for number, text in enumerate(lines, start=1) if placeholder in text), None)
                problems.append(Problem(file, line, _PLACEHOLDERS[placeholder],
                                        "your own text in place of the text the post was started with "
                                        "(or 'draft: true' until it is written)",
                                        f"the placeholder '{placeholder}...'"))
    return problems
