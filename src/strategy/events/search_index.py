"""Writes each language's search index (see strategy/search.py) from the pages just built."""

from functools import lru_cache
from pathlib import Path

import lxml.html

from strategy.search import SearchDocument, build_index
from strategy.urls import page_url, search_folder
from strategy.events.written_files import write

NOT_INDEXED = {"search.md", "translation-status.md", "proofing-report.md"}


@lru_cache(maxsize=8192)  # the editors' preview indexes the same pages again after each edit
def _text(html: str) -> str:
    """The page's words; a space between elements, so table cells do not run together."""
    return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").itertext()) if html.strip() else ""


def on_post_build(config):
    publication, language = config.strategy, config.theme["language"]
    documents = [
        SearchDocument(url=page_url(entry.path, language), title=entry.title.in_language(language),
                       summary=entry.summary.in_language(language) if entry.summary else "",
                       text=_text(config.strategy_rendered.get(entry.path, "")))
        for entry in publication.content.entries
        if publication.shows(entry) and entry.path not in NOT_INDEXED
    ]
    folder = Path(config.site_dir) / search_folder(language)
    for relative, text in build_index(documents, language).items():
        write(folder / relative, text)  # only if changed: the preview runs this after every edit
