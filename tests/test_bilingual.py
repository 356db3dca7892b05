"""Welsh never second: counterparts, hreflang, the not-found page, and translations
that are outdated or still to follow."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
from lxml import etree

from conftest import build, html_pages, parse, run_strategy

SITE_URL = "https://plan.council.example/"


def site_file(site: Path, url: str, site_url: str = SITE_URL) -> Path:
    """The built file an absolute address of the site is served from."""
    assert url.startswith(site_url), url
    return site / url[len(site_url):] / "index.html"


def head_alternates(page) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href") for link in page.cssselect("link[rel=alternate][hreflang]")}


def test_every_page_switches_language_to_its_existing_counterpart(built_site):
    pages = html_pages(built_site)
    assert len(pages) >= 30
    for page_file in pages:
        relative = page_file.parent.relative_to(built_site).as_posix()
        welsh = relative == "cy" or relative.startswith("cy/")
        counterpart = (relative[3:] if relative != "cy" else "") if welsh else f"cy/{relative}".rstrip("/.")
        links = parse(page_file).cssselect("a.strategy-language-switch__link")
        assert len(links) == 1, page_file
        link = links[0]
        assert (link.get("lang"), link.get("hreflang")) == (("en", "en") if welsh else ("cy", "cy"))
        assert link.text_content().strip() == ("English" if welsh else "Cymraeg")
        target = (page_file.parent / link.get("href") / "index.html").resolve()
        assert target == (built_site / counterpart / "index.html").resolve(), page_file
        assert target.is_file()


def test_hreflang_in_every_head_is_absolute_reciprocal_and_has_x_default(built_site):
    for page_file in html_pages(built_site):
        page = parse(page_file)
        alternates = head_alternates(page)
        assert set(alternates) == {"en", "cy", "x-default"}, page_file
        assert alternates["x-default"] == alternates["en"]
        canonical = page.cssselect("link[rel=canonical]")[0].get("href")
        assert canonical in (alternates["en"], alternates["cy"])
        assert site_file(built_site, canonical) == page_file
        for language in ("en", "cy"):
            twin = parse(site_file(built_site, alternates[language]))
            assert head_alternates(twin) == alternates, page_file


def sitemap_entries(site: Path) -> dict[str, dict[str, str]]:
    tree = etree.parse(str(site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    return {url.findtext("s:loc", namespaces=ns): {link.get("hreflang"): link.get("href")
                                                    for link in url.findall("x:link", ns)}
            for url in tree.findall("s:url", ns)}


def test_the_sitemap_lists_every_page_with_reciprocal_alternates(built_site):
    entries = sitemap_entries(built_site)
    assert len(entries) == len(html_pages(built_site))
    for loc, alternates in entries.items():
        assert set(alternates) == {"en", "cy", "x-default"}
        assert loc in alternates.values()
        assert all(entries[alternates[lang]] == alternates for lang in ("en", "cy"))
        assert site_file(built_site, loc).is_file()


def with_site_url(root: Path, url: str, extra: str = "") -> None:
    config = root / "mkdocs.yml"
    text = config.read_text().replace(f"site_url: {SITE_URL}", f"site_url: {url}")
    config.write_text(text.replace("  - strategy:\n", f"  - strategy:\n{extra}", 1))  # the plugin's options


def test_addresses_are_right_under_a_sub_path_and_a_version_folder(site_copy, tmp_path):
    for url in ("https://www.example.gov.wales/strategy/", "https://www.example.gov.wales/strategy/latest/"):
        with_site_url(site_copy, url)
        site = tmp_path / url.rstrip("/").rsplit("/", 1)[-1]
        assert build(site_copy, site).returncode == 0
        page = parse(site / "cy/posts/missions/digital-skills/index.html")
        assert head_alternates(page) == {"en": f"{url}posts/missions/digital-skills/",
                                         "cy": f"{url}cy/posts/missions/digital-skills/",
                                         "x-default": f"{url}posts/missions/digital-skills/"}
        assert page.cssselect("link[rel=canonical]")[0].get("href") == f"{url}cy/posts/missions/digital-skills/"
        assert all(loc.startswith(url) for loc in sitemap_entries(site))
        assert page.cssselect("a.strategy-language-switch__link")[0].get("href") == "../../../../posts/missions/digital-skills/"
        with_site_url(site_copy, SITE_URL)  # back, for the next round
        (site_copy / "mkdocs.yml").write_text((site_copy / "mkdocs.yml").read_text().replace(url, SITE_URL))


def test_a_separate_welsh_domain_is_used_for_welsh_addresses(site_copy, tmp_path):
    welsh = "https://strategaeth.example.cymru/"
    with_site_url(site_copy, SITE_URL, f"      language_site_urls:\n        cy: {welsh}\n")
    assert build(site_copy, tmp_path / "site").returncode == 0
    english = parse(tmp_path / "site/posts/missions/digital-skills/index.html")
    assert head_alternates(english)["cy"] == welsh + "posts/missions/digital-skills/"
    switch = english.cssselect("a.strategy-language-switch__link")[0]
    assert switch.get("href") == welsh + "posts/missions/digital-skills/"
    cymraeg = parse(tmp_path / "site/cy/posts/missions/digital-skills/index.html")
    assert cymraeg.cssselect("link[rel=canonical]")[0].get("href") == welsh + "posts/missions/digital-skills/"
    feed = feedparser.parse((tmp_path / "site/cy/feed.xml").read_bytes())
    assert feed.feed.link == welsh and all(entry.link.startswith(welsh) for entry in feed.entries)


def test_the_not_found_page_speaks_both_languages(built_site):
    root = parse(built_site / "404.html")
    assert root.get("lang") == "en"
    sections = root.cssselect("section.strategy-not-found")
    assert [s.get("lang") for s in sections] == ["en", "cy"]
    assert sections[0].cssselect("h1")[0].text_content() == "Page not found"
    assert sections[1].cssselect("h2")[0].text_content() == "Heb ddod o hyd i'r dudalen"
    assert [a.get("href") for a in root.cssselect("section.strategy-not-found p a")] == ["/", "/cy/"]
    assert [f.get("action") for f in root.cssselect("section.strategy-not-found form")] == ["/search/", "/cy/search/"]  # each language's search page
    welsh = parse(built_site / "cy/404.html")
    assert welsh.get("lang") == "cy"
    assert [s.get("lang") for s in welsh.cssselect("section.strategy-not-found")] == ["cy", "en"]
    assert welsh.cssselect("a.strategy-search-link")[0].text_content() == "Chwilio"


def notices(page) -> list[tuple[str, str]]:
    return [(p.get("lang"), p.text_content().strip()) for p in page.cssselect(".strategy-translation-notice p")]


def test_an_outdated_translation_is_flagged_until_marked_translated_again(site_copy, tmp_path):
    source = site_copy / "docs/en/posts/missions/digital-skills.md"
    source.write_text(source.read_text().replace("A short reason", "A brief reason"))

    result = build(site_copy, tmp_path / "site")
    assert result.returncode == 0
    assert "docs/cy/posts/missions/digital-skills.md may be out of date" in result.stderr
    page = parse(tmp_path / "site/cy/posts/missions/digital-skills/index.html")
    assert [lang for lang, _ in notices(page)] == ["cy", "en"]
    assert notices(page)[0][1].startswith("Efallai fod y cyfieithiad Cymraeg hwn wedi dyddio")
    assert not notices(parse(tmp_path / "site/posts/missions/digital-skills/index.html"))
    report = run_strategy(site_copy, "translations")
    assert re.search(r"docs/cy/posts/missions/digital-skills.md +outdated", report.stdout)

    marked = run_strategy(site_copy, "translated", "docs/cy/posts/missions/digital-skills.md")
    assert marked.returncode == 0, marked.stderr
    result = build(site_copy, tmp_path / "site")
    assert "may be out of date" not in result.stderr
    assert not notices(parse(tmp_path / "site/cy/posts/missions/digital-skills/index.html"))


def test_outdated_translations_can_be_made_an_error(site_copy, tmp_path):
    config = site_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("outdated: warning", "outdated: error"))
    source = site_copy / "docs/en/posts/setting-the-context.md"
    source.write_text(source.read_text() + "\nOne more sentence.\n")

    result = build(site_copy, tmp_path / "site")

    assert result.returncode != 0
    assert ("docs/cy/posts/setting-the-context.md:3: field 'source_hash': expected a translation of the current "
            "docs/en/posts/setting-the-context.md") in result.stdout + result.stderr


def test_a_post_whose_translation_is_to_follow_is_published_in_both_languages(site_copy, tmp_path):
    (site_copy / "docs/cy/posts/showcase/community-digital-champions.md").unlink()
    source = site_copy / "docs/en/posts/showcase/community-digital-champions.md"
    source.write_text(source.read_text().replace("mission: digital-inclusion\n", "mission: digital-inclusion\ntranslation: to-follow\n"))

    assert build(site_copy, tmp_path / "site").returncode == 0
    page = parse(tmp_path / "site/cy/posts/showcase/community-digital-champions/index.html")
    assert page.get("lang") == "cy"
    assert notices(page)[0] == ("cy", "Nid yw'r dudalen hon wedi'i chyfieithu i'r Gymraeg eto. Fe'i dangosir yn Saesneg hyd hynny.")
    untranslated = page.cssselect("div.strategy-untranslated")[0]
    assert untranslated.get("lang") == "en"
    assert "Volunteers in a library help people" in untranslated.text_content()
    english = parse(tmp_path / "site/posts/showcase/community-digital-champions/index.html")
    switch = english.cssselect("a.strategy-language-switch__link")[0].get("href")
    assert (tmp_path / "site/posts/showcase/community-digital-champions" / switch / "index.html").resolve().is_file()
    report = run_strategy(site_copy, "translations")
    assert re.search(r"docs/cy/posts/showcase/community-digital-champions.md +missing", report.stdout)
    status = parse(tmp_path / "site/translation-status/index.html")
    states = {row.cssselect("th")[0].text_content(): row.get("data-state")
              for row in status.cssselect("table.strategy-table--translations tbody tr")}
    assert states["docs/cy/posts/showcase/community-digital-champions.md"] == "missing"

    config = site_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("to_follow: allowed", "to_follow: refused"))
    refused = build(site_copy, tmp_path / "refused")
    assert refused.returncode != 0
    assert "does not publish posts whose translation is to follow" in refused.stdout + refused.stderr
