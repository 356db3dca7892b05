"""A page renders the same whether its Markdown converter is new (MkDocs' own
Page.render) or kept from the pages before it and reset (events/page_rendering.py):
whatever those pages held (abbreviations, footnotes, headings, code, raw HTML, links)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from strategy.events import page_rendering

# Each piece carries something a converter could keep from one page to the next.
PIECES = [
    "# Heading\n\nA paragraph about HTML.",
    "*[HTML]: Hyper Text Markup Language\n\nHTML is defined here.",
    "A claim.[^1]\n\n[^1]: Its source.",
    "Another claim.[^note]\n\n[^note]: A named note.",
    "## Same heading\n\n## Same heading",
    "## Heading {: #chosen-id }",
    "```python\nprint('code')\n```",
    "~~~\nplain fence\n~~~",
    "!!! note \"Admonished\"\n    Inside.",
    "??? question \"Folded\"\n    Hidden text.",
    "Term\n:   Definition",
    "| a | b |\n| - | - |\n| 1 | 2 |",
    "- [x] done\n- [ ] to do",
    "~~struck~~ text",
    '<div markdown="1" id="raw-id">\n*inside HTML*\n</div>',
    "[a link to the other page](other.md#heading)",
    "[a link to an anchor here](#heading)",
    "Text with a [reference][ref].\n\n[ref]: https://example.org",
]


def _site(tmp_path: Path, extensions: list) -> tuple[MkDocsConfig, object]:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.md").write_text("# Index\n", encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\n## Heading\n", encoding="utf-8")
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": str(docs), "site_dir": str(tmp_path / "site"),
                      "markdown_extensions": copy.deepcopy(extensions)})  # MkDocs takes the options out
    errors, _ = config.validate()
    assert not errors
    return config, get_files(config)


def _rendered(page: Page) -> tuple:
    return page.content, str(page.toc), page._title_from_render, page.present_anchor_ids, page.links_to_anchors


def _render_each(config, files, texts: list[str], reuse: bool) -> list[tuple]:
    results = []
    for text in texts:
        page = Page(None, files.get_file_from_path("index.md"), config)
        page.markdown = text
        if reuse:
            page_rendering.on_pre_page(page, config, files)
        page.render(config, files)
        results.append(_rendered(page))
    return results


SAMPLE_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html",
                     {"toc": {"permalink": True}}, "pymdownx.details", "pymdownx.superfences",
                     "pymdownx.tasklist", "pymdownx.tilde"]


@given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("\n\n".join), min_size=2, max_size=5))
def test_a_kept_converter_renders_each_page_as_a_new_one_does(tmp_path_factory, texts):
    config, files = _site(tmp_path_factory.mktemp("site"), SAMPLE_EXTENSIONS)
    assert _render_each(config, files, texts, reuse=True) == _render_each(config, files, texts, reuse=False)


def test_an_abbreviation_or_footnote_of_one_page_does_not_reach_the_next(tmp_path):
    config, files = _site(tmp_path, SAMPLE_EXTENSIONS)
    first, second = _render_each(config, files, [PIECES[1] + "\n\n" + PIECES[2], "HTML again, and a claim.[^1]"],
                                 reuse=True)
    assert "<abbr" in first[0] and 'class="footnote"' in first[0]
    assert "<abbr" not in second[0] and "footnote" not in second[0]


@pytest.mark.parametrize("extension", ["meta", "pymdownx.snippets"])
def test_a_site_with_another_extension_keeps_mkdocs_own_rendering(tmp_path, extension):
    config, files = _site(tmp_path, SAMPLE_EXTENSIONS + [extension])
    page = Page(None, files.get_file_from_path("index.md"), config)
    page_rendering.on_pre_page(page, config, files)
    assert "render" not in vars(page)  # the class's own: a new converter for each page
