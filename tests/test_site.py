"""The built sample site, as a reader in either language gets it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from conftest import FIXTURE, REPO, build, heading, html_pages, parse

from strategy.catalogue import catalogue, texts


def english_pages(site: Path) -> list[Path]:
    return [page for page in html_pages(site) if page.relative_to(site).parts[0] != "cy"]


def welsh_twin(site: Path, english_page: Path) -> Path:
    return site / "cy" / english_page.relative_to(site)


def test_both_language_trees_are_built_with_every_english_page_twinned_in_welsh(built_site):
    english = english_pages(built_site)
    welsh = [page for page in html_pages(built_site) if page.relative_to(built_site).parts[0] == "cy"]

    sources = [p for p in (FIXTURE / "docs/en").rglob("*.md") if "\ndraft: true\n" not in p.read_text(encoding="utf-8")]
    # Made by the build, not written: the progress reports (their index, 2026-q3 and 2026-q4)
    # and roles and responsibilities (their index and the four owners' pages).
    generated = [page for page in english if page.relative_to(built_site).parts[0] in ("progress", "owners")]
    assert len(generated) == 8
    assert len(english) - len(generated) == len(sources) == 25  # every page but the draft
    assert sorted(welsh) == sorted(welsh_twin(built_site, page) for page in english)


def test_every_page_declares_its_language(built_site):
    for page in english_pages(built_site):
        assert parse(page).get("lang") == "en", page
        assert parse(welsh_twin(built_site, page)).get("lang") == "cy", page


def test_welsh_pages_use_welsh_interface_text(built_site):
    page = parse(built_site / "cy/posts/missions/digital-skills/index.html")

    assert page.cssselect("a.md-skip")[0].text_content().strip() == "Neidio i'r cynnwys"
    assert heading(page) == "Sgiliau digidol"
    assert " ".join(page.cssselect(".strategy-post-meta__caption")[0].text_content().split()) == "Cenhadaeth 3 · Rhan 4 o 7"
    assert page.cssselect(".strategy-post-meta__dates")[0].text_content().strip() == "Cyhoeddwyd 10 Tachwedd 2026"
    assert "Cynllun Digidol y Cyngor Enghreifftiol" in page.findtext(".//title")


def test_welsh_pages_carry_none_of_our_english_interface_strings(built_site):
    english_strings = [re.escape(text) for values in catalogue().values() for text in texts(values["en"])
                       if "{" not in text and text not in texts(values["cy"])]
    english = re.compile(r"\b(" + "|".join(english_strings) + r")\b")
    same_in_both = [text for values in catalogue().values() for text in texts(values["en"]) if text in texts(values["cy"])]  # "JSON Feed"
    for page in html_pages(built_site / "cy"):
        tree = parse(page)
        for data in tree.xpath("//script | //style"):
            data.drop_tree()  # what a reader sees, not data for machines
        text = tree.text_content()
        for name in same_in_both:
            text = text.replace(name, " ")
        assert not english.search(text), f"{page} shows English '{english.search(text).group()}'"


def test_an_event_says_when_and_where_in_the_readers_language(built_site):
    english = parse(built_site / "posts/events/draft-strategy-workshop/index.html")
    welsh = parse(built_site / "cy/posts/events/draft-strategy-workshop/index.html")

    assert [dd.text_content() for dd in english.cssselect(".strategy-event dd")] == ["8 December 2026, 10:00–11:30", "Online"]
    assert [dd.text_content() for dd in welsh.cssselect(".strategy-event dd")] == ["8 Rhagfyr 2026, 10:00–11:30", "Ar-lein"]


def test_every_page_says_it_is_sample_content_and_welsh_pages_that_the_welsh_awaits_review(built_site):
    for page in english_pages(built_site):
        notice = parse(page).cssselect(".strategy-notice")[0].text_content()
        assert "sample content" in notice and "machine-assisted" not in notice
        welsh_notice = parse(welsh_twin(built_site, page)).cssselect(".strategy-notice")[0].text_content()
        assert "Cynnwys enghreifftiol" in welsh_notice and "chymorth peiriant" in welsh_notice


def test_the_language_switch_goes_to_the_counterpart_page(built_site):
    page = built_site / "posts/missions/digital-skills/index.html"
    links = {a.get("hreflang"): a.get("href") for a in parse(page).cssselect("a.strategy-language-switch__link")}

    assert (page.parent / links["cy"]).resolve() == (built_site / "cy/posts/missions/digital-skills").resolve()


def test_pages_load_nothing_from_other_hosts(built_site):
    for page in html_pages(built_site):
        tree = parse(page)
        for element, attribute in [("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")]:
            for node in tree.iter(element):
                url = node.get(attribute) or ""
                if element == "link" and node.get("rel") in ("alternate", "canonical"):
                    continue  # links to pages, never fetched by the browser
                assert not urlsplit(url).netloc, f"{page} loads {url}"


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_a_build_writes_nothing_into_docs(site_copy, tmp_path):
    before = tree_digest(site_copy / "docs")

    assert build(site_copy, tmp_path / "site").returncode == 0

    assert tree_digest(site_copy / "docs") == before


def test_the_repository_ignores_build_output():
    ignored = (REPO / ".gitignore").read_text()
    assert "/site/" in ignored and "/.venv/" in ignored
