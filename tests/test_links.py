"""Links between pages, as `make check` sees them: to headings, to the headings our
blocks add, and to pages in the other language's folder."""

from __future__ import annotations

import pytest

from conftest import run_strategy


def add_after_heading(path, heading: str, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(heading, f"{heading}\n\n{text}", 1), encoding="utf-8")


def test_links_to_headings_and_to_the_blocks_headings_pass(site_copy):
    add_after_heading(site_copy / "docs/cy/posts/missions/digital-skills.md", "## Pam mae hyn yn bwysig",
                      "Gweler [y camau](#actions), [y canlyniadau](#outcomes), [y cynllun](../../delivery-plan.md#digital-skills),"
                      " [y data agored](../../delivery-plan.md#open-data) a [pam](#pam-mae-hyn-yn-bwysig).")
    add_after_heading(site_copy / "docs/en/posts/setting-the-context.md", "date: 2026-11-02\n---",
                      "Read [the skills mission](missions/digital-skills.md#what-we-will-do) and [events](../events.md#upcoming).")

    result = run_strategy(site_copy, "check")

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("file, heading, text, message", [
    ("docs/cy/posts/missions/digital-skills.md", "## Pam mae hyn yn bwysig", "Gweler [pam](#why-this-matters).",
     "docs/cy/posts/missions/digital-skills.md:10: file: expected a link to a heading or anchor that its page has, "
     "found a link to '#why-this-matters', but docs/cy/posts/missions/digital-skills.md has no anchor "
     "'#why-this-matters'"),
    # The build refuses a link out of the language's folder too.
    ("docs/en/posts/setting-the-context.md", "date: 2026-11-02\n---",
     "Read it [in Welsh](../../cy/posts/setting-the-context.md).",
     "docs/en/posts/setting-the-context.md:9: file: expected a link to a page in docs/en/ (every page links to "
     "its twin in the other language already), found a link to '../../cy/posts/setting-the-context.md', "
     "outside docs/en/"),
], ids=["a heading of the other language", "a page in the other language's folder"])
def test_links_the_build_would_refuse_are_refused_with_their_line(site_copy, file, heading, text, message):
    add_after_heading(site_copy / file, heading, text)

    result = run_strategy(site_copy, "check")

    assert result.returncode == 1
    assert message in result.stderr
