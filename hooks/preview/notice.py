"""The page a one-language preview serves for a page of a language it leaves out."""

from __future__ import annotations

from strategy.catalogue import translate
from strategy.escape import html_text
from strategy.urls import LANGUAGE_FOLDERS


def not_built_page(shown: list[str]) -> bytes:
    """In each language the preview shows, then the others: which language this
    preview shows, how to see both, and a link to its home page."""
    first = shown[0]
    order = shown + [language for language in LANGUAGE_FOLDERS if language not in shown]
    sections = "".join(
        f'<section lang="{language}"><h1>{html_text(translate("preview.not_built.title", language))}</h1>'
        f'<p>{html_text(translate("preview.not_built.body", language, shown=translate(f"preview.language.{first}", language)))}</p>'
        f'<p><a href="/{LANGUAGE_FOLDERS[first]}">{html_text(translate("preview.not_built.home", language))}</a></p></section>'
        for language in order)
    return (f'<!doctype html><html lang="{first}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{html_text(translate("preview.not_built.title", first))}</title></head>'
            f'<body>{sections}</body></html>').encode("utf-8")
