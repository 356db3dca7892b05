"""The details a careful public service gets right, read in a real browser (Debian's
Chromium): at 320, 375 and 1280 px and at 400% zoom, without scripts, in forced
colours and in print, in both languages. Each test reads the page once it has
settled (a condition met), never after a fixed pause."""

from __future__ import annotations

import pytest

from conftest import wait_until
from playwright.sync_api import expect

LANGUAGE_ROOTS = {"en": "", "cy": "cy/"}
WIDTHS = (320, 375, 1280)
MISSION = "posts/missions/digital-inclusion/"


@pytest.fixture
def open_page(browser):
    """A function that opens a new tab at ``width`` (scripts on or off, zoomed by a
    device scale factor) and closes every tab it opened at the end of the test."""
    contexts = []

    def open_tab(width: int = 1280, height: int = 800, scripts: bool = True, scale: float = 1):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      device_scale_factor=scale, java_script_enabled=scripts)
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def address(site_url: str, language: str, path: str) -> str:
    return site_url + LANGUAGE_ROOTS[language] + path


# What a sighted reader sees of an element: on screen and below the sticky header.
IN_VIEW = """e => { const box = e.getBoundingClientRect(),
    header = document.querySelector('.md-header').getBoundingClientRect();
  const below = getComputedStyle(document.querySelector('.md-header')).position === 'sticky' ? header.bottom : 0;
  return box.top >= below - 1 && box.top < innerHeight && box.left >= 0 && box.right <= innerWidth + 1; }"""


# --- feeds: plain XML for feed readers; a page of ours for people ----------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language, follow", [("en", "Follow this mission"), ("cy", "Dilyn y genhadaeth hon")])
def test_a_feed_link_leads_to_a_page_that_explains_the_feed_and_gives_its_address(open_page, site_url, language,
                                                                                    follow, width):
    page = open_page(width)
    page.goto(address(site_url, language, MISSION))
    page.get_by_role("link", name=follow).click()
    page.wait_for_url(address(site_url, language, "subscribe/#feed-digital-inclusion"))
    assert page.evaluate("document.documentElement.lang") == language
    row = page.locator("#feed-digital-inclusion")
    wait_until(page, f"({IN_VIEW})(document.getElementById('feed-digital-inclusion'))")
    feed = address(site_url, language, "feeds/digital-inclusion/feed.xml")
    assert row.locator("code").first.inner_text() == feed
    assert page.locator(".md-content ol li").count() >= 3, "the steps, in plain words"

    # The address itself is plain XML, with no stylesheet for a browser to run or refuse;
    # a reader who opens it anyway reads first what it is, in the feed's language.
    response = page.goto(feed)
    assert response.ok and "<?xml-stylesheet" not in response.text()
    about = {"en": "This is a web feed", "cy": "Porthiant gwe yw hwn"}[language]
    assert page.get_by_text(about).first.is_visible()


# --- the not-found page's search box can be seen (WCAG 1.4.11) ----------------------

def contrast(one: str, two: str) -> float:
    """The contrast ratio of two CSS rgb() colours (WCAG's relative luminance)."""
    def luminance(colour: str) -> float:
        channels = [int(float(c)) / 255 for c in colour[colour.index("(") + 1:colour.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    lighter, darker = sorted((luminance(one), luminance(two)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_the_not_found_pages_search_boxes_can_be_seen(open_page, site_url, language, width):
    page = open_page(width)
    page.goto(site_url + LANGUAGE_ROOTS[language] + "404.html")
    boxes = page.locator(".strategy-not-found__search input[type=search]")
    assert boxes.count() == 2
    for box in boxes.all():
        edge = box.evaluate("""e => { const s = getComputedStyle(e);
            return {width: parseFloat(s.borderTopWidth), style: s.borderTopStyle, colour: s.borderTopColor,
                    page: getComputedStyle(document.body).backgroundColor}; }""")
        assert edge["width"] >= 1 and edge["style"] != "none", edge
        assert contrast(edge["colour"], edge["page"]) >= 3, edge


# --- the menu opens from the keyboard without scripts, at every width with a menu ----

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_without_scripts_a_keyboard_opens_the_menu_and_reaches_every_page_in_it(open_page, site_url, language, width):
    page = open_page(width, scripts=False)
    page.goto(address(site_url, language, MISSION))
    menu = page.locator(".md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
    assert menu.count() >= 7
    if width >= 1220:  # the menu is always shown beside the page: nothing to open
        assert menu.first.is_visible()
    else:
        assert not menu.first.is_visible()
        page.keyboard.press("Tab")
        # The menu's checkbox, named first by the header's label, which shows its focus.
        opener = page.evaluate("({name: [...document.activeElement.labels].map(l => l.textContent.trim()).join(' ').trim(),"
                               " ring: getComputedStyle(document.querySelector('.md-header label[for=__drawer]')).outlineStyle})")
        assert opener["name"].startswith({"en": "Menu", "cy": "Dewislen"}[language]) and opener["ring"] == "solid"
        page.keyboard.press("Space")
        expect(menu.last).to_be_in_viewport(ratio=1)  # once the drawer has slid in
    reached, unseen = set(), []
    for _ in range(40):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => ({menu: document.activeElement.closest('.md-sidebar--primary') !== null,
            page: document.activeElement.closest('.md-content, .md-footer') !== null,
            href: document.activeElement.getAttribute('href')})""")
        if where["menu"]:
            reached.add(where["href"])
        elif where["page"] and width < 1220:
            unseen.append(where["href"])  # a link under the open menu
    assert {link.get_attribute("href") for link in menu.all()} <= reached
    assert unseen == []
    if width < 1220:  # Tab comes round to the checkbox, and Space closes the menu
        for _ in range(40):
            if page.evaluate("document.activeElement.id === '__drawer'"):
                break
            page.keyboard.press("Tab")
        else:
            pytest.fail("Tab never comes round to the menu's checkbox")
        page.keyboard.press("Space")
        expect(menu.last).not_to_be_in_viewport()


# --- search without scripts says so and links every post; the header's link focuses the box

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language, every_post", [("en", "Every post is listed on the All posts page."),
                                                  ("cy", "Mae pob cofnod wedi'i restru ar y dudalen Pob cofnod.")])
def test_without_scripts_the_search_page_leads_to_every_post_instead_of_a_form_that_reloads(
        open_page, site_url, language, every_post, width):
    page = open_page(width, scripts=False)
    page.goto(address(site_url, language, "search/"))
    assert not page.locator("form.strategy-search").is_visible()
    page.get_by_role("link", name=every_post).click()
    page.wait_for_url(address(site_url, language, "archive/"))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_the_headers_search_link_puts_the_focus_in_the_search_box(open_page, site_url, language, width):
    page = open_page(width)
    page.goto(address(site_url, language, "delivery-plan/"))
    page.locator(".strategy-search-link").click()
    page.wait_for_url(address(site_url, language, "search/#strategy-search-query"))
    wait_until(page, "document.activeElement && document.activeElement.matches('form.strategy-search input[name=q]')")
    page.keyboard.type("sgiliau" if language == "cy" else "skills")
    page.keyboard.press("Enter")
    page.wait_for_selector(".strategy-search__results a")


# --- 400% zoom: a laptop's 1280 by 1024 screen at 400% is 320 by 256 CSS px ---------

@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
@pytest.mark.parametrize("path", ["", MISSION, "delivery-plan/"])
def test_at_400_percent_zoom_the_first_screen_holds_the_page_and_the_header_scrolls_away(open_page, site_url,
                                                                                        language, path):
    page = open_page(320, 256, scale=4)
    page.goto(address(site_url, language, path))
    frame = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert frame <= 256 * 0.5, "the banner and header take at most half the first screen"
    assert page.locator("h1").evaluate("h => h.getBoundingClientRect().top") < 256, "the page's title is on it"
    notice = {"en": "not an official publication", "cy": "nid cyhoeddiad swyddogol"}[language]
    assert notice in page.locator(".md-banner").inner_text(), "the notice is still said"
    page.locator("h1").evaluate("h => window.scrollTo(0, h.getBoundingClientRect().top + scrollY + 400)")
    wait_until(page, "document.querySelector('.md-header').getBoundingClientRect().bottom <= 0")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


# --- table boxes are Tab stops only where they scroll ------------------------------

TABLE_PAGES = ["delivery-plan/", "wellbeing/", "subscribe/", MISSION]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_a_table_box_is_a_tab_stop_and_a_named_region_only_where_it_scrolls(open_page, site_url, language, width):
    page = open_page(width)
    boxes = []
    for path in TABLE_PAGES:
        page.goto(address(site_url, language, path))
        boxes += page.evaluate("""() => [...document.querySelectorAll('.strategy-table-wrap')].map(b => ({
            scrolls: b.scrollWidth > b.clientWidth, stop: b.getAttribute('tabindex'), role: b.getAttribute('role'),
            name: b.getAttribute('aria-label'), caption: b.querySelector('caption').textContent}))""")
    assert len(boxes) >= 8
    for box in boxes:
        if box["scrolls"]:
            assert (box["stop"], box["role"], box["name"]) == ("0", "region", box["caption"]), box
        else:
            assert (box["stop"], box["role"], box["name"]) == (None, None, None), box
    if width == 1280:  # the matrix of goals is wider than the page beside both menus
        assert any(box["scrolls"] for box in boxes)


def test_a_table_box_is_a_tab_stop_again_or_no_more_when_the_window_changes_width(open_page, site_url):
    page = open_page(375)
    page.goto(address(site_url, "cy", "wellbeing/"))
    assert page.locator(".strategy-table-wrap").first.get_attribute("tabindex") is None  # a card per mission
    page.set_viewport_size({"width": 1280, "height": 800})  # a table wider than the page
    wait_until(page, "document.querySelector('.strategy-table-wrap').getAttribute('tabindex') === '0'")
    page.set_viewport_size({"width": 375, "height": 800})
    wait_until(page, "!document.querySelector('.strategy-table-wrap').hasAttribute('tabindex')")


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_without_scripts_no_table_box_is_a_tab_stop_of_ours(open_page, site_url, language):
    page = open_page(375, scripts=False)
    for path in TABLE_PAGES:
        page.goto(address(site_url, language, path))
        assert page.locator(".strategy-table-wrap[tabindex], .strategy-table-wrap[role]").count() == 0


# --- forced colours: the chart's key keeps its colours; badges keep their frame -------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_in_forced_colours_the_charts_key_matches_its_bars(open_page, site_url, language, width):
    page = open_page(width)
    page.emulate_media(forced_colors="active")
    page.goto(address(site_url, language, "delivery-plan/"))
    wait_until(page, "matchMedia('(forced-colors: active)').matches")
    swatches = page.evaluate("""() => [...document.querySelectorAll('.strategy-progress')].flatMap(chart =>
        [...chart.querySelectorAll('.strategy-swatch')].map(s => {
          const status = [...s.classList].find(c => c.startsWith('strategy-swatch--')).slice(17);
          const bar = document.querySelector('.strategy-chart__bar--' + status);
          return {status, swatch: getComputedStyle(s).backgroundColor,
                  bar: bar && getComputedStyle(bar).fill, border: getComputedStyle(s).borderTopStyle}; }))""")
    assert swatches
    assert len({s["swatch"] for s in swatches}) == len({s["status"] for s in swatches}) > 1, "one colour per status"
    for swatch in swatches:
        assert swatch["border"] != "none"
        if swatch["bar"]:
            assert swatch["swatch"] == swatch["bar"], swatch
    badge = page.locator(".strategy-status").first.evaluate("b => getComputedStyle(b).borderTopStyle")
    assert badge == "solid"


# --- print carries the site, the page's address and the notice ---------------------

@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_a_printed_page_says_whose_it_is_where_it_lives_and_that_it_is_sample_content(open_page, site_url, language):
    page = open_page(1280)
    page.goto(address(site_url, language, MISSION))
    page.emulate_media(media="print")
    wait_until(page, "matchMedia('print').matches")
    source = page.locator(".strategy-print-source")
    assert source.is_visible()
    text = source.inner_text()
    assert {"en": "Example Council Digital Plan", "cy": "Cynllun Digidol y Cyngor Enghreifftiol"}[language] in text
    assert address(site_url, language, MISSION) in text
    assert {"en": "It is not an official publication.", "cy": "Nid yw'n gyhoeddiad swyddogol."}[language] in text
    if language == "cy":
        assert "chymorth peiriant" in text
    page.emulate_media(media="screen")
    wait_until(page, "!matchMedia('print').matches")
    assert not source.is_visible(), "on screen the banner says it"
    # The not-found page is served at any address: on paper it names the one asked for...
    asked = site_url + LANGUAGE_ROOTS[language] + "404.html"
    page.goto(asked)
    page.emulate_media(media="print")
    wait_until(page, "matchMedia('print').matches")
    text = source.inner_text()
    assert {"en": "Example Council Digital Plan", "cy": "Cynllun Digidol y Cyngor Enghreifftiol"}[language] in text
    assert asked in text
    assert {"en": "It is not an official publication.", "cy": "Nid yw'n gyhoeddiad swyddogol."}[language] in text
    # ...and, without scripts, which only know that address, the site's own.
    no_scripts = open_page(1280, scripts=False)
    no_scripts.goto(asked)
    no_scripts.emulate_media(media="print")
    wait_until(no_scripts, "matchMedia('print').matches")
    assert f"· {site_url}{LANGUAGE_ROOTS[language]}\n" in no_scripts.locator(".strategy-print-source").inner_text() + "\n"


# --- strong headings; a filter's label beside its list -----------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_the_title_and_column_headers_are_bold_in_the_texts_own_colour(open_page, site_url, language, width):
    page = open_page(width)
    page.goto(address(site_url, language, MISSION))
    styles = page.evaluate("""() => [document.querySelector('.md-content h1'), document.querySelector('thead th'),
        document.querySelector('.md-content p')].map(e => [getComputedStyle(e).fontWeight, getComputedStyle(e).color])""")
    (title_weight, title_colour), (header_weight, _), (_, text_colour) = styles
    assert int(title_weight) >= 700 and title_colour == text_colour
    assert int(header_weight) >= 700


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_each_plan_filters_label_is_on_the_line_of_its_list_or_just_above_it(open_page, site_url, language, width):
    page = open_page(width)
    page.goto(address(site_url, language, "delivery-plan/"))
    page.wait_for_selector("form.strategy-filter:not([hidden])")
    for name in ("owner", "status"):
        label, select = (page.locator(selector).bounding_box()
                         for selector in (f"label[for=filter-{name}]", f"#filter-{name}"))
        beside = abs((label["y"] + label["height"] / 2) - (select["y"] + select["height"] / 2)) < 8 \
            and label["x"] < select["x"]
        above = label["y"] + label["height"] <= select["y"] + 1 and abs(label["x"] - select["x"]) < 2
        assert beside or above, (name, label, select)
