"""The built site, for every reader: interface text in the reader's language down
to the attributes, the not-found page's search, and the pages a public site owes."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, parse

from strategy.catalogue import catalogue

MATERIAL_ENGLISH = REPO / ".venv/lib/python3.11/site-packages/material/templates/partials/languages/en.html"
READ_ALOUD_OR_SHOWN = ("title", "aria-label", "alt", "placeholder", "aria-description", "aria-roledescription")


def english_interface_text() -> set[str]:
    """Every English string of our catalogue and of Material's, minus those that
    are the same in Welsh (a name such as "RSS")."""
    ours = {values["en"] for values in catalogue().values() if values["en"] != values.get("cy")}
    material = set(re.findall(r'^\s*"[a-z.]+": "(.+)",?$', MATERIAL_ENGLISH.read_text(), re.MULTILINE))
    return {text for text in ours | material if len(text) > 2 and "{" not in text}


def test_no_welsh_page_carries_english_in_an_attribute(built_site):
    english = english_interface_text()
    assert "Permanent link to this section" in english and "Skip to content" in english
    found = {}
    for page in sorted((built_site / "cy").rglob("*.html")):
        for element in parse(page).iter():
            for attribute in READ_ALOUD_OR_SHOWN:
                value = element.get(attribute) if isinstance(element.tag, str) else None
                in_english = element.xpath("ancestor-or-self::*[@lang][1]/@lang") == ["en"]  # a passage tagged English
                if value in english and not in_english:
                    found.setdefault(str(page.relative_to(built_site)), set()).add(f'{attribute}="{value}"')
    assert found == {}


def test_heading_anchors_are_titled_in_the_pages_language(built_site):
    welsh = parse(built_site / "cy/index.html").cssselect("a.headerlink")
    english = parse(built_site / "index.html").cssselect("a.headerlink")
    assert welsh and {a.get("title") for a in welsh} == {"Dolen barhaol i'r adran hon"}
    assert english and {a.get("title") for a in english} == {"Permanent link to this section"}


def test_the_not_found_pages_search_in_each_language_on_its_search_page(built_site):
    for not_found in ("404.html", "cy/404.html"):
        forms = parse(built_site / not_found).cssselect("form[role=search]")
        assert {form.get("action"): form.get("aria-label") for form in forms} == {
            "/search/": "Search this site", "/cy/search/": "Chwilio'r wefan hon"}
        for form in forms:
            assert (built_site / form.get("action").lstrip("/") / "index.html").exists()


def test_every_landmark_has_a_name(built_site):
    for page in sorted(Path(built_site).rglob("*.html")):
        for landmark in parse(page).cssselect("[role=search], nav, aside, main, header.md-header, footer.md-footer"):
            assert landmark.get("aria-label") or landmark.get("aria-labelledby"), (page, landmark.tag)
