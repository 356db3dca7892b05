"""In a real browser (Debian's Chromium, driven by Playwright): accessibility,
keyboard use, privacy, the Content Security Policy, printing, and the small
enhancements (plan filters). What a careful reader meets at every width, zoomed,
without scripts, in forced colours and in print: test_reader_details.py."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from conftest import NODE_TOOLS, build_for_address, copy_site_sources, require, serve, tab_to

AXE = NODE_TOOLS / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"phone": {"width": 375, "height": 800}, "desktop": {"width": 1280, "height": 900}}

# One page of every kind, by its path under each language's root.
PAGE_KINDS = {
    "home": "",
    "mission post": "posts/missions/digital-inclusion/",
    "series post": "posts/setting-the-context/",
    "showcase": "posts/showcase/community-digital-champions/",
    "event": "posts/events/draft-strategy-workshop/",
    "archive": "archive/",
    "delivery plan": "delivery-plan/",
    "progress reports": "progress/",
    "progress report": "progress/2026-q4/",
    "owners": "owners/",
    "owner": "owners/public-bodies/",
    "well-being matrix": "wellbeing/",
    "subscribe": "subscribe/",
    "events": "events/",
    "case studies": "showcase/",
    "not found": "404.html",
}
LANGUAGE_ROOTS = {"en": "", "cy": "cy/"}


def page_url(site_url: str, language: str, path: str) -> str:
    # 404.html is one page at the site root, for both languages
    return site_url + (path if path == "404.html" else LANGUAGE_ROOTS[language] + path)


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]]


@pytest.fixture
def axe_page(browser):
    require(AXE.exists(), "accessibility tests need axe-core: run 'make test' (it runs npm ci)")
    # axe is injected as a script, which the pages' own policy would rightly refuse.
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_every_kind_of_page_has_no_accessibility_violations(axe_page, site_url, language, width):
    axe_page.set_viewport_size(WIDTHS[width])
    failures = {}
    for kind, path in PAGE_KINDS.items():
        axe_page.goto(page_url(site_url, language, path))
        violations = axe_violations(axe_page)
        if violations:
            failures[kind] = violations
    assert failures == {}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language, query", [("en", "skills"), ("cy", "sgiliau")])
def test_search_with_results_has_no_accessibility_violations(axe_page, site_url, language, query, width):
    axe_page.set_viewport_size(WIDTHS[width])
    axe_page.goto(page_url(site_url, language, f"search/?q={query}"))
    axe_page.wait_for_selector(".strategy-search__results a")
    assert axe_violations(axe_page) == []


@pytest.fixture
def reader(browser):
    """A reader's browser tab, with every request and console message recorded."""
    context = browser.new_context()
    page = context.new_page()
    page.requests, page.console = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: page.console.append(f"{message.type}: {message.text}"))
    yield page
    context.close()


def test_the_skip_link_comes_first_and_focus_is_always_visible(reader, site_url):
    reader.goto(site_url + "cy/posts/missions/digital-skills/")
    reader.keyboard.press("Tab")
    first = reader.evaluate("() => ({text: document.activeElement.textContent.trim(), "
                            "skip: document.activeElement.classList.contains('md-skip')})")
    assert first == {"text": "Neidio i'r cynnwys", "skip": True}
    for _ in range(12):
        style = reader.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            return {tag: document.activeElement.tagName, outline: s.outlineStyle, width: s.outlineWidth,
                    shadow: s.boxShadow}; }""")
        visible = (style["outline"] != "none" and style["width"] != "0px") or style["shadow"] != "none"
        assert visible, style
        reader.keyboard.press("Tab")


def test_the_language_switch_works_from_the_keyboard(reader, site_url):
    reader.goto(site_url + "posts/missions/digital-skills/")
    tab_to(reader, "a[hreflang=cy]")
    reader.keyboard.press("Enter")
    reader.wait_for_url(site_url + "cy/posts/missions/digital-skills/")
    assert reader.evaluate("document.documentElement.lang") == "cy"


def test_no_request_leaves_the_site_no_cookie_is_set_and_the_policy_lets_the_site_work(reader, site_url):
    # One walk through every kind of page in both languages, as one reader.
    for language in LANGUAGE_ROOTS:
        for path in PAGE_KINDS.values():
            reader.goto(page_url(site_url, language, path))
            reader.wait_for_load_state("networkidle")
            assert reader.evaluate("document.cookie") == ""
            policy = reader.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
            assert "default-src 'self'" in policy and "script-src 'self' 'sha256-" in policy
    hosts = {urlsplit(url).netloc for url in reader.requests if not url.startswith("data:")}
    assert hosts == {urlsplit(site_url).netloc}
    assert reader.context.cookies() == []
    violations = [line for line in reader.console if "Content Security Policy" in line]
    assert violations == []
    reader.goto(site_url + "delivery-plan/")
    assert reader.is_visible("form.strategy-filter"), "the site's own script runs under the policy"


def test_a_smuggled_script_does_not_run(browser, tmp_path):
    source = copy_site_sources(tmp_path / "repo")
    plan = source / "data/plan.yaml"
    plan.write_text(plan.read_text().replace("      en: Digital services\n",
                                             "      en: \"<script>window.smuggled = 'title'</script>Digital services\"\n", 1))
    post = source / "docs/en/posts/setting-the-context.md"
    post.write_text(post.read_text().replace("title: Setting the context",
                                             "title: \"<script>window.smuggled = 'post title'</script>Setting the context\""))
    url, server = serve(tmp_path / "site")
    build_for_address(source, tmp_path / "site", url)
    page_file = tmp_path / "site/posts/missions/digital-services/index.html"
    html = page_file.read_text()
    page_file.write_text(html.replace("</article>", "<script>window.smuggled = 'content'</script></article>", 1))
    try:
        context = browser.new_context()
        page = context.new_page()
        messages = []
        page.on("console", lambda message: messages.append(message.text))
        for path in ("", "posts/missions/digital-services/", "delivery-plan/", "archive/", "posts/setting-the-context/"):
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.smuggled") is None
        assert any("Content Security Policy" in message for message in messages)
        context.close()
    finally:
        server.shutdown()


def test_a_mission_post_prints_without_navigation_and_with_link_targets(reader, site_url):
    reader.goto(site_url + "posts/missions/digital-inclusion/")
    reader.emulate_media(media="print")
    hidden = reader.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
        '.md-banner', '.strategy-series-nav'].map(s => [s, getComputedStyle(document.querySelector(s)).display])""")
    assert all(display == "none" for _, display in hidden), hidden
    assert reader.evaluate("getComputedStyle(document.querySelector('table.strategy-table--actions')).display") == "table"
    reader.goto(site_url + "posts/events/draft-strategy-workshop/")
    reader.emulate_media(media="print")
    after = reader.evaluate("getComputedStyle(document.querySelector('.strategy-event__links a'), '::after').content")
    assert "https://events.example.org/draft-strategy-workshop" in after


def test_the_delivery_plan_filters_by_owner_and_status(reader, site_url):
    reader.goto(site_url + "cy/delivery-plan/")
    assert reader.is_visible("form.strategy-filter")
    reader.select_option("#filter-status", "delayed")
    visible = reader.locator("table.strategy-table--actions tbody tr:visible")
    assert visible.count() == 1
    assert reader.inner_text(".strategy-filter__count") == "Yn dangos 1 o 8 cam gweithredu"
    reader.select_option("#filter-status", "")
    reader.select_option("#filter-owner", "local-government-cdo")
    assert visible.count() == 1
    assert reader.locator(".strategy-filter__none:visible").count() == 5


def test_the_delivery_plan_reads_in_full_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "delivery-plan/")
    assert not page.is_visible("form.strategy-filter")
    assert page.locator("table.strategy-table--actions tbody tr:visible").count() == 8
    context.close()


def test_outside_mike_there_is_no_version_selector_or_banner(reader, site_url):
    reader.goto(site_url + "cy/posts/missions/digital-inclusion/")
    reader.wait_for_load_state("networkidle")
    assert not reader.is_visible("[data-strategy-versions]")
    assert not reader.is_visible("[data-strategy-outdated]")
    assert not [url for url in reader.requests if url.endswith("versions.json")]


def test_a_first_view_requests_only_the_page_and_its_own_assets(reader, site_url):
    post = site_url + "cy/posts/missions/digital-skills/"
    reader.goto(post)
    reader.wait_for_load_state("networkidle")

    # Material's bundle would fetch sitemap.xml next to each <link rel="alternate">.
    assert [url for url in reader.requests if url != post and "/assets/" not in url] == []
    # The links are back once the page has loaded, for feed readers and browsers.
    assert reader.locator('link[rel="alternate"][hreflang]').count() == 3
    assert reader.locator('link[rel="alternate"][type="application/rss+xml"]').count() == 2
    assert reader.locator('link[rel="strategy-alternate"]').count() == 0
