"""What reaches readers is safe on the output itself: every built page's content and every
feed item passes the allowlist sanitizer unchanged, and the Content-Security-Policy is
the second line of defence (no <base>, no plugins, forms only to the site itself)."""

from __future__ import annotations

import json
import re

import lxml.html
import pytest

from conftest import html_pages, parse
from strategy.block_declarations import BLOCKS as DECLARED_BLOCKS, MISSION
from strategy.safe_html import BLOCKS, unsafe_markup


def article_html(page) -> str:
    """The page's content as the sanitizer sees it, without Material's own frame around it."""
    article = page.cssselect("article.md-content__inner")[0]
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in article)


def test_every_built_page_passes_the_sanitizer_unchanged(built_site):
    pages = html_pages(built_site)
    assert len(pages) > 30
    for path in pages:
        page = parse(path)
        if page.cssselect("article.md-content__inner"):
            assert unsafe_markup(article_html(page), BLOCKS) == [], path


def test_every_feed_item_passes_the_sanitizer_unchanged(built_site):
    feeds = sorted(built_site.rglob("feed.json"))
    assert feeds
    items = [item for feed in feeds for item in json.loads(feed.read_text(encoding="utf-8"))["items"]]
    assert any("content_html" in item for item in items)
    for item in items:
        assert unsafe_markup(item.get("content_html", ""), BLOCKS) == [], item["id"]


def test_the_content_security_policy_allows_no_base_no_plugins_and_forms_only_to_the_site(built_site):
    for path in [built_site / "index.html", built_site / "cy/index.html", built_site / "404.html"]:
        policy = parse(path).cssselect('meta[http-equiv="Content-Security-Policy"]')[0].get("content")
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["base-uri"] == "'none'"
        assert directives["object-src"] == "'none'"
        assert directives["form-action"] == "'self'"


def test_the_anchors_declared_for_blocks_are_on_the_built_pages(built_site):
    # strategy check trusts the blocks' declared anchors for links to a block's headings:
    # every heading a block has in the fixture must be declared (block_declarations.py).
    declared = {anchor for block in DECLARED_BLOCKS for anchor in block.anchors}
    missions = {"digital-services", "digital-inclusion", "digital-skills", "digital-economy", "digital-connectivity",
                "data-and-collaboration"}
    for name in ("delivery-plan", "showcase", "changes", "events", "posts/missions/digital-services"):
        page = parse(built_site / name / "index.html")
        block_headings = {h.get("id") for h in page.cssselect("article h2[id]")}
        generated = {heading for heading in block_headings if heading in declared or heading in missions}
        assert generated, name
        assert generated <= declared | (missions if MISSION in declared else set()), name


def test_the_not_found_page_search_still_works_under_the_policy(browser, site_url):
    page = browser.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(site_url + "404.html")
    page.fill("section.strategy-not-found form input[name=q]", "cymru")
    with page.expect_navigation():
        page.press("section.strategy-not-found form input[name=q]", "Enter")
    assert re.search(r"[?&]q=cymru", page.url), page.url
    assert violations == []
    page.close()
