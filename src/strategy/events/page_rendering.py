"""Renders each page with one Markdown converter per language, reset between pages, as
``strategy.rendering.Renderer`` does for `strategy check`.

MkDocs 1.6 (pinned) sets up a new converter for every page (``Page.render``): each
extension imported, configured and registered again, which at 2,000 pages costs a
twelfth of a build, more than converting most posts does. Python-Markdown's ``reset()``
is there for reuse: every extension that keeps anything from one text to the next clears
it there. Only the extensions listed in ``REUSABLE`` are trusted to: a site that adds
another gets MkDocs' own rendering, a new converter per page. tests/test_page_rendering.py
renders pages both ways, one after another, and finds them the same.

MkDocs' own four processors for a page (the ids it holds, its links made relative, the
ids in its raw HTML, its title) are made for each page, as MkDocs makes them; each
replaces the last page's, registered under the same name. The page's ``render`` is
replaced on the page itself, in ``on_pre_page``: MkDocs' class is left as it is.
"""

from __future__ import annotations

import functools
import logging

import markdown
from mkdocs.structure.pages import (_ExtractAnchorsTreeprocessor, _ExtractTitleTreeprocessor, _RawHTMLPreprocessor,
                                    _RelativePathTreeprocessor)
from mkdocs.structure.toc import get_toc

# The extensions whose reset() leaves nothing of the last page behind: MkDocs' three, those
# Python-Markdown and pymdownx ship that the sample site and the tests use.
REUSABLE = frozenset({
    "toc", "tables", "fenced_code", "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist", "pymdownx.tilde",
})

_pages_log = logging.getLogger("mkdocs.structure.pages")  # the logger MkDocs' own render asks
_converters: dict[str, markdown.Markdown] = {}  # by the settings they were made with


def on_pre_page(page, config, files):
    if all(isinstance(name, str) and name in REUSABLE for name in config["markdown_extensions"]):
        page.render = functools.partial(render_reusing_converter, page)
    return page


def _converter(config) -> markdown.Markdown:
    # Settings differ by language (the heading anchors' tooltip, reader_pages.py): one each.
    settings = repr((config["markdown_extensions"], config["mdx_configs"]))
    converter = _converters.get(settings)
    if converter is None:
        converter = _converters[settings] = markdown.Markdown(extensions=config["markdown_extensions"],
                                                              extension_configs=config["mdx_configs"] or {})
    converter.reset()
    return converter


def render_reusing_converter(page, config, files) -> None:
    """What MkDocs 1.6.1's ``Page.render`` does, with a converter kept from page to page."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md = _converter(config)
    raw_html = _RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    relative_paths = _RelativePathTreeprocessor(page.file, files, config)
    relative_paths._register(md)
    title = _ExtractTitleTreeprocessor()
    title._register(md)

    page.content = md.convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if _pages_log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative_paths.links_to_anchors
