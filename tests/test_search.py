"""Search that works in Welsh: per-language results, Welsh mutations folded, small downloads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import build_for_address, copy_site_sources, serve, wait_until

ONLY_MUTATED = """---
kind: series
id: across-wales
title: Ar draws y wlad
summary: Gwaith mewn cymunedau.
date: 2026-11-21
---

Mae llyfrgelloedd yng Nghymru yn helpu pobl i ddefnyddio gwasanaethau ar-lein.
"""
ITS_TWIN = """---
translated_from: cy
title: Across the country
summary: Work in communities.
---

Libraries across the nation help people use services online.
"""


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    """The sample site plus a Welsh post whose only form of 'Cymru' is 'Nghymru', served locally."""
    folder = tmp_path_factory.mktemp("search")
    source = copy_site_sources(folder / "repo")
    (source / "docs/cy/posts/across-wales.md").write_text(ONLY_MUTATED)
    (source / "docs/en/posts/across-wales.md").write_text(ITS_TWIN)
    url, server = serve(folder / "site")
    build_for_address(source, folder / "site", url)
    yield url, folder / "site"
    server.shutdown()


def results(page, url: str) -> list[str]:
    page.goto(url)
    page.wait_for_selector(".strategy-search__status:not(:empty)")
    return [a.get_attribute("href") for a in page.query_selector_all(".strategy-search__results a")]


def test_a_welsh_search_finds_welsh_pages_only_and_every_mutated_form(browser, search_site):
    url, _ = search_site
    page = browser.new_page()
    for query in ("Cymru", "Gymru", "Nghymru", "chymru"):
        found = results(page, f"{url}cy/search/?q={query}")
        assert found and all(link.startswith(url + "cy/") for link in found), (query, found)
        assert url + "cy/posts/across-wales/" in found, query
    assert url + "cy/posts/missions/digital-services/" in results(page, f"{url}cy/search/?q=wasanaethau")
    assert url + "cy/posts/across-wales/" in results(page, f"{url}cy/search/?q=bobl")
    assert page.inner_text(".strategy-search__status").startswith("Nifer y tudalennau")
    page.close()


def test_an_english_search_finds_english_pages_only(browser, search_site):
    url, _ = search_site
    page = browser.new_page()
    found = results(page, f"{url}search/?q=digital+skills")
    assert found[0] == url + "posts/missions/digital-skills/"
    assert all(not link.startswith(url + "cy/") for link in found)
    assert results(page, f"{url}search/?q=Gymru") == []
    assert page.inner_text(".strategy-search__status") == "No pages match your search. Try fewer or different words."
    page.close()


def test_search_works_from_the_keyboard_and_announces_results(browser, search_site):
    url, _ = search_site
    page = browser.new_page()
    page.goto(url + "cy/")
    page.click("a.strategy-search-link")
    page.wait_for_url(url + "cy/search/#strategy-search-query")
    wait_until(page, "document.activeElement.id === 'strategy-search-query'")  # the link leads to the box
    page.keyboard.type("sgiliau")
    page.keyboard.press("Enter")
    page.wait_for_selector(".strategy-search__results a")
    assert page.get_attribute(".strategy-search__status", "role") == "status"
    assert page.inner_text("label[for=strategy-search-query]") == "Chwilio'r strategaeth"
    page.close()


def test_a_first_search_downloads_a_small_part_of_the_index(browser, search_site):
    url, site = search_site
    page = browser.new_page()
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    results(page, f"{url}cy/search/?q=Gymru")
    index_files = [u for u in fetched if "/cy/search/" in u and u.endswith(".json")]
    downloaded = sum((site / u[len(url):]).stat().st_size for u in index_files)
    whole = sum(p.stat().st_size for p in (site / "cy/search").rglob("*.json"))
    assert downloaded < whole / 3, (downloaded, whole)
    assert not [u for u in fetched if "/search/" in u and u.endswith(".json") and "/cy/" not in u], \
        "no English index for a Welsh search"
    page.close()


def test_the_index_folds_welsh_and_keeps_languages_apart(search_site):
    _, site = search_site
    welsh_meta = json.loads((site / "cy/search/meta.json").read_text())
    english_meta = json.loads((site / "search/meta.json").read_text())
    assert ["ngh", "c"] in welsh_meta["rules"] and english_meta["rules"] == []
    terms = lambda shard: json.loads((site / f"cy/search/terms/{shard}.json").read_text())  # noqa: E731
    assert "cymru" in terms("cy") and "nghymru" in terms("ng") and "gymru" in terms("gy")
    # the page that only says 'Nghymru' is indexed under its radical too
    across = next(number for number, entry in enumerate(
        e for chunk in sorted((site / "cy/search/docs").glob("*.json"), key=lambda p: int(p.stem))
        for e in json.loads(chunk.read_text())) if entry[0] == "cy/posts/across-wales/")
    assert across in [posting[0] for posting in terms("cy")["cymru"]]
    docs = [entry for chunk in sorted((site / "cy/search/docs").glob("*.json"), key=lambda p: int(p.stem))
            for entry in json.loads(chunk.read_text())]
    assert all(entry[0].startswith("cy/") for entry in docs)
    assert not any(entry[0].startswith("cy/") for chunk in (site / "search/docs").glob("*.json")
                   for entry in json.loads(chunk.read_text()))
