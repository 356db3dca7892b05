"""Every reader, every screen, in a real browser (Debian's Chromium): a phone at
320 and 375 CSS px and a desktop at 1280, in both languages, on every kind of page.
The page never scrolls sideways, every Tab stop is on screen with a visible focus
ring, the menu opens and closes from the keyboard, and controls are big enough to hit.
"""

from __future__ import annotations

import pytest

from test_browser import LANGUAGE_ROOTS, PAGE_KINDS, page_url

WIDTHS = (320, 375, 1280)
EVERY_KIND = {**PAGE_KINDS, "what changed": "changes/", "search": "search/", "translation status": "translation-status/"}
MOST_TAB_STOPS = 30  # past the header, the menu and into the page itself

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const box = e.getBoundingClientRect(), style = getComputedStyle(e);
  return {
    what: e.tagName + ' "' + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '"',
    on_screen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
               && box.left < innerWidth && box.top < innerHeight,
    ring: (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none',
    hidden: style.visibility !== 'visible',
  };
}"""

# Links and controls that stand alone (not inside a sentence: WCAG 2.5.8's inline exception).
SMALL_TARGETS = """() => [...document.querySelectorAll('a[href], button, select, input:not([type=hidden]), [role=button]')]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility === 'visible')
  .filter(e => !e.closest('.md-typeset p, .md-typeset li, .md-typeset td, .md-typeset th, .md-typeset dd, .md-typeset h1, .md-typeset h2, .md-typeset h3, .md-typeset caption, .md-typeset summary'))
  .filter(e => !e.matches('.headerlink'))
  .map(e => { const r = e.getBoundingClientRect(); return {what: e.tagName + ' ' + e.className + ' "' + e.textContent.trim().slice(0, 30) + '"',
              width: Math.round(r.width), height: Math.round(r.height)}; })
  .filter(t => t.width < 24 || t.height < 24)"""


# Records every element that takes the focus, as the reader presses Tab.
RECORD_FOCUS = """window.strategyFocus = [];
document.addEventListener('focusin', () => window.strategyFocus.push((%s)()));""" % FOCUSED


@pytest.fixture(scope="module")
def tab(browser):
    """One tab reused by every test here: one browser for the module, pages reused."""
    context = browser.new_context()
    context.add_init_script(RECORD_FOCUS)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def survey(tab, site_url):
    """What a reader meets on each page at one width in one language: the page's
    width, the small targets, and every Tab stop. Each page is loaded once."""
    seen = {}

    def look(language: str, width: int) -> dict:
        if (language, width) not in seen:
            tab.set_viewport_size({"width": width, "height": 800})
            pages = {}
            for kind, path in EVERY_KIND.items():
                tab.goto(page_url(site_url, language, path))
                width_of_page = tab.evaluate("document.documentElement.scrollWidth")
                small = tab.evaluate(SMALL_TARGETS)
                for _ in range(MOST_TAB_STOPS):
                    tab.keyboard.press("Tab")
                pages[kind] = {"width": width_of_page, "small targets": small,
                               "tab stops": tab.evaluate("window.strategyFocus")}
            seen[language, width] = pages
        return seen[language, width]

    return look


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_no_page_scrolls_sideways(survey, language, width):
    too_wide = {kind: page["width"] for kind, page in survey(language, width).items() if page["width"] > width}
    assert too_wide == {}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_every_tab_stop_is_on_screen_with_a_visible_focus_ring(survey, language, width):
    failures = {}
    for kind, page in survey(language, width).items():
        assert len(page["tab stops"]) > 3, f"{kind}: Tab reaches the page's links"
        bad = [stop for stop in page["tab stops"] if stop and (not stop["on_screen"] or not stop["ring"] or stop["hidden"])]
        if bad:
            failures[kind] = bad
    assert failures == {}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_links_and_controls_outside_sentences_are_at_least_24_px(survey, language, width):
    failures = {kind: page["small targets"] for kind, page in survey(language, width).items() if page["small targets"]}
    assert failures == {}


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_header_links_and_banners_are_at_least_14_px(tab, site_url, language):
    tab.set_viewport_size({"width": 375, "height": 800})
    tab.goto(page_url(site_url, language, ""))
    sizes = tab.evaluate("""() => ['.strategy-search-link', '.strategy-language-switch__link', '.strategy-notice']
        .map(s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))""")
    assert min(sizes) >= 14


@pytest.mark.parametrize("width", (320, 375))
@pytest.mark.parametrize("language, menu, first_link", [("en", "Menu", "Home"), ("cy", "Dewislen", "Hafan")])
def test_the_menu_opens_and_closes_from_the_keyboard(tab, site_url, language, menu, first_link, width):
    tab.set_viewport_size({"width": width, "height": 800})
    tab.goto(page_url(site_url, language, "posts/missions/digital-inclusion/"))
    button = tab.get_by_role("button", name=menu)
    assert button.get_attribute("aria-expanded") == "false"
    assert not tab.get_by_role("link", name=first_link, exact=True).first.is_visible(), "the closed menu is hidden"

    for _ in range(10):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.matches('[data-strategy-menu-button]')"):
            break
    else:
        pytest.fail("the menu button cannot be reached with Tab")
    tab.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    tab.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    link = tab.get_by_role("link", name=first_link, exact=True).first
    link.wait_for(state="visible")
    assert tab.evaluate(FOCUSED)["on_screen"]

    tab.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert tab.evaluate("document.activeElement.matches('[data-strategy-menu-button]')")
    tab.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true"
    tab.keyboard.press("Escape")


def test_at_desktop_width_the_menu_button_is_not_needed(tab, site_url):
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.goto(page_url(site_url, "cy", "posts/missions/digital-inclusion/"))
    assert not tab.get_by_role("button", name="Dewislen").is_visible()
    assert tab.get_by_role("link", name="Hafan", exact=True).first.is_visible()


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_action_tables_stack_on_a_phone_status_first_each_value_labelled(tab, site_url, language):
    tab.set_viewport_size({"width": 320, "height": 800})
    tab.goto(page_url(site_url, language, "delivery-plan/"))
    row = tab.locator("table.strategy-table--actions tbody tr").first
    cells = row.evaluate("""tr => [...tr.children].map(c => ({top: c.getBoundingClientRect().top,
        label: getComputedStyle(c, '::before').content, status: !!c.querySelector('.strategy-status')}))""")
    first_shown = min(cells, key=lambda cell: cell["top"])
    assert first_shown["status"], "the status comes first"
    labelled = [cell["label"] for cell in cells if not cell["status"] and cell["label"] not in ("none", "normal")]
    owner = {"en": "Owner", "cy": "Perchennog"}[language]
    assert any(owner in label for label in labelled), labelled
    assert row.evaluate("tr => tr.closest('.strategy-table-wrap').scrollWidth <= tr.closest('.strategy-table-wrap').clientWidth")


@pytest.mark.parametrize("field, query, results_page", [
    ("#not-found-search-en", "skills", "search/?q=skills"),
    ("#not-found-search-cy", "sgiliau", "cy/search/?q=sgiliau"),
])
def test_the_not_found_page_searches_in_each_language(tab, site_url, field, query, results_page):
    tab.set_viewport_size({"width": 375, "height": 800})
    tab.goto(site_url + "404.html")
    tab.fill(field, query)
    tab.press(field, "Enter")
    tab.wait_for_url(site_url + results_page)
    tab.wait_for_selector(".strategy-search__results a")
    assert tab.locator(".strategy-search__results li").count() > 0


@pytest.mark.parametrize("language, button, feed", [("en", "Copy the address: Mission 2: Digital inclusion", "feeds/digital-inclusion/feed.xml"),
                                                    ("cy", "Copïo'r cyfeiriad: Cenhadaeth 2: Cynhwysiant digidol", "cy/feeds/digital-inclusion/feed.xml")])
def test_a_feed_address_copies_with_one_press(browser, site_url, language, button, feed):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page_url(site_url, language, "subscribe/"))
    page.get_by_role("button", name=button).click()
    page.wait_for_function("document.querySelector('.strategy-copy-status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + feed  # the site as built for this address
    context.close()
