"""Every reader, every screen, in a real browser (Debian's Chromium): a phone at
320 and 375 CSS px and a desktop at 1280, in both languages, on every kind of page.
The page never scrolls sideways, every Tab stop is on screen with a visible focus
ring, the menu opens and closes from the keyboard, and controls are big enough to hit.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from conftest import settle, wait_until
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


# Visible text smaller than 14 px (0.7rem), each element once.
SMALL_TEXT = """() => { const found = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode, e = text.parentElement;
    if (!text.textContent.trim() || !e.getClientRects().length) continue;
    const style = getComputedStyle(e);
    if (style.visibility !== 'visible' || e.closest('.strategy-visually-hidden, [aria-hidden=true]')) continue;
    if (parseFloat(style.fontSize) < 13.95)
      found.add(e.tagName + ' ' + style.fontSize + ' "' + text.textContent.trim().slice(0, 30) + '"');
  }
  return [...found]; }"""


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


@pytest.fixture(params=("no-preference", "reduce"))
def motion(request, tab):
    """The reader's motion setting: the menu slides as the theme animates it, or, with
    prefers-reduced-motion, opens and closes at once. Every menu test runs with both."""
    tab.emulate_media(reduced_motion=request.param)
    yield request.param
    tab.emulate_media(reduced_motion="no-preference")


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
                settle(tab)
                width_of_page = tab.evaluate("document.documentElement.scrollWidth")
                small = tab.evaluate(SMALL_TARGETS)
                small_text = tab.evaluate(SMALL_TEXT)
                for _ in range(MOST_TAB_STOPS):
                    tab.keyboard.press("Tab")
                pages[kind] = {"width": width_of_page, "small targets": small, "small text": small_text,
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


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_all_visible_text_is_at_least_14_px(survey, language, width):
    failures = {kind: page["small text"] for kind, page in survey(language, width).items() if page["small text"]}
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
def test_the_menu_opens_and_closes_from_the_keyboard(tab, motion, site_url, language, menu, first_link, width):
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
    wait_until(tab, "document.activeElement.closest('.md-sidebar--primary') !== null")
    settle(tab)
    assert tab.get_by_role("link", name=first_link, exact=True).first.is_visible()
    assert tab.evaluate(FOCUSED)["on_screen"]

    tab.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert tab.evaluate("document.activeElement.matches('[data-strategy-menu-button]')")
    tab.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true"
    tab.keyboard.press("Escape")


# Opens or closes the menu and says, in the same frame, what is still moving and where
# the drawer is: read at once, so that a slow machine cannot let a slide end unseen.
TOGGLE_THE_MENU = """() => {
  document.querySelector('[data-strategy-menu-button]').click();
  const drawer = document.querySelector('.md-sidebar--primary');
  return {moving: document.getAnimations().filter(a => a.playState === 'running' || a.playState === 'pending')
                          .map(a => (a.transitionProperty || a.animationName) + ' of ' + a.effect.target.className),
          left: Math.round(drawer.getBoundingClientRect().left),
          visible: getComputedStyle(drawer).visibility === 'visible'};
}"""


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_with_reduced_motion_the_menu_opens_and_closes_without_sliding(tab, site_url, language):
    tab.set_viewport_size({"width": 375, "height": 700})
    tab.goto(page_url(site_url, language, "delivery-plan/"))

    tab.emulate_media(reduced_motion="no-preference")
    opened = tab.evaluate(TOGGLE_THE_MENU)
    assert any("md-sidebar--primary" in moving for moving in opened["moving"]), "without the setting the drawer slides"
    assert opened["left"] < 0, "and starts off screen"
    tab.evaluate(TOGGLE_THE_MENU)
    settle(tab)

    tab.emulate_media(reduced_motion="reduce")
    try:
        opened = tab.evaluate(TOGGLE_THE_MENU)
        assert opened == {"moving": [], "left": 0, "visible": True}, "open at once, nothing moving"
        closed = tab.evaluate(TOGGLE_THE_MENU)
        assert closed["moving"] == [] and not closed["visible"], "closed at once"
    finally:
        tab.emulate_media(reduced_motion="no-preference")


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
    wait_until(page, "document.querySelector('.strategy-copy-status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + feed  # the site as built for this address
    context.close()


# What the focused element looks like to a sighted keyboard user: on screen, not
# under the sticky header, and not inside a transparent or hidden panel.
SEEN = """() => {
  const e = document.activeElement, box = e.getBoundingClientRect();
  let shown = true;
  for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
    const style = getComputedStyle(n);
    if (style.visibility !== 'visible' || parseFloat(style.opacity) < 0.5) shown = false;
  }
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  // What is drawn at the element's top left: the header, when the element is under it (the
  // skip link is drawn over the header, and so is seen).
  const drawn = document.elementFromPoint(Math.min(Math.max(box.left + 1, 0), innerWidth - 1),
                                          Math.min(Math.max(box.top + 1, 0), innerHeight - 1));
  const covered = drawn !== null && drawn.closest('.md-header') !== null && !e.contains(drawn);
  return {what: e.tagName + ' "' + (e.textContent || '').trim().slice(0, 30) + '"', shown,
          on_screen: box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight,
          // an element taller than the space below the header (a table's scroll box) cannot fit
          under_header: e.closest('.md-header') === null && box.top < header - 1 && covered
                        && box.height < innerHeight - header,
          in_menu: e.closest('.md-sidebar--primary') !== null,
          open: document.querySelector('[data-strategy-menu-button]').getAttribute('aria-expanded')};
}"""


@pytest.mark.parametrize("width", (320, 375))
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
@pytest.mark.parametrize("path", ("", "events/", "delivery-plan/"))
def test_in_the_open_menu_every_tab_stop_is_seen_and_tabbing_out_closes_it(tab, motion, site_url, language, path, width):
    tab.set_viewport_size({"width": width, "height": 700})
    tab.goto(page_url(site_url, language, path))
    tab.focus("[data-strategy-menu-button]")
    tab.keyboard.press("Enter")
    wait_until(tab, "document.activeElement.closest('.md-sidebar--primary') !== null")
    stops, unseen = [], []
    for _ in range(40):
        settle(tab)  # the drawer has slid in; Material fades a focused anchor in
        stop = tab.evaluate(SEEN)
        if not stop["in_menu"]:
            break
        stops.append(stop["what"])
        if not (stop["shown"] and stop["on_screen"]):
            unseen.append(stop["what"])
        tab.keyboard.press("Tab")
    else:
        pytest.fail("Tab never leaves the menu")
    assert unseen == [], f"focused in the menu but not seen: {unseen}"
    assert len(stops) >= 5, stops
    assert stop["open"] == "false", "focus that leaves the menu closes it"
    settle(tab)  # the drawer slides away
    stop = tab.evaluate(SEEN)
    assert stop["shown"] and stop["on_screen"], stop


@pytest.mark.parametrize("language, contents", [("en", "Events"), ("cy", "Digwyddiadau")])
def test_the_current_pages_contents_open_from_the_keyboard_in_the_menu(tab, motion, site_url, language, contents):
    tab.set_viewport_size({"width": 320, "height": 700})
    tab.goto(page_url(site_url, language, "events/"))
    tab.focus("[data-strategy-menu-button]")
    tab.keyboard.press("Enter")
    wait_until(tab, "document.activeElement.closest('.md-sidebar--primary') !== null")  # the menu gives the focus
    settle(tab)
    opener = tab.locator(".md-sidebar--primary [role=button]", has_text=contents).first
    assert opener.get_attribute("aria-expanded") == "false"
    opener.focus()
    tab.keyboard.press("Enter")
    assert opener.get_attribute("aria-expanded") == "true"
    tab.keyboard.press("Space")
    assert opener.get_attribute("aria-expanded") == "false"
    tab.keyboard.press("Space")
    assert opener.get_attribute("aria-expanded") == "true"
    tab.keyboard.press("Tab")
    settle(tab)  # the contents slide in
    stop = tab.evaluate(SEEN)
    assert stop["in_menu"] and stop["shown"] and stop["on_screen"], stop


@pytest.mark.parametrize("width", (375, 1280))
@pytest.mark.parametrize("path", ("subscribe/", "delivery-plan/"))
def test_shift_tab_never_leaves_the_focus_under_the_sticky_header(tab, site_url, path, width):
    tab.set_viewport_size({"width": width, "height": 700})
    tab.goto(page_url(site_url, "en", path))
    tab.focus(".md-footer a >> nth=-1")
    hidden = []
    for _ in range(40):
        tab.keyboard.press("Shift+Tab")
        settle(tab)  # the page has scrolled to the focus; Material fades the skip link in
        stop = tab.evaluate(SEEN)
        if stop["under_header"] and stop["shown"]:
            hidden.append(stop["what"])
    assert hidden == []


@pytest.mark.parametrize("language, answers", [("en", ("Yes", "No")), ("cy", ("Ydy", "Nac ydy"))])
def test_the_wellbeing_matrix_on_a_phone_answers_in_words_under_each_goal(tab, site_url, language, answers):
    tab.set_viewport_size({"width": 320, "height": 800})
    tab.goto(page_url(site_url, language, "wellbeing/"))
    row = tab.locator("table.strategy-table--matrix tbody tr").first
    cells = row.evaluate("""tr => [...tr.querySelectorAll('td')].map(c => [
        getComputedStyle(c, '::before').content, c.innerText.trim(), c.getBoundingClientRect().width])""")
    goal = {"en": "A prosperous Wales", "cy": "Cymru lewyrchus"}[language]
    assert goal in cells[0][0], "each answer under its goal's name"
    assert {answer for _, answer, _ in cells} == set(answers), "the answers in words"
    assert all(width > 200 for _, _, width in cells), "one goal to a line, across the card"
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_not_found_page_says_so_and_its_report_names_the_missing_address(tab, site_url):
    tab.set_viewport_size({"width": 375, "height": 800})
    tab.goto(site_url + "404.html")
    assert tab.title().startswith("Page not found")
    assert tab.locator(".md-skip").get_attribute("href") == "#strategy-content"
    report = tab.locator("a[data-strategy-missing-address]").get_attribute("href")
    assert report.startswith("mailto:") and "404.html" in unquote(report) and "{address}" not in unquote(report)


@pytest.mark.parametrize("language, other, query", [("en", "cy", "skills"), ("cy", "en", "sgiliau")])
def test_the_language_switch_keeps_the_search(tab, site_url, language, other, query):
    tab.set_viewport_size({"width": 375, "height": 800})
    tab.goto(page_url(site_url, language, "search/") + "?q=" + query)
    tab.wait_for_selector(".strategy-search__results a")
    tab.locator(".strategy-language-switch__link").first.click()
    tab.wait_for_url(page_url(site_url, other, "search/") + "?q=" + query)
    assert tab.locator(".strategy-search input[name=q]").input_value() == query


@pytest.mark.parametrize("language, copied", [("en", "Copied"), ("cy", "Wedi'i gopïo")])
def test_the_copy_button_itself_says_copied(browser, site_url, language, copied):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(page_url(site_url, language, "subscribe/"))
    button = page.locator(".strategy-copy-button").nth(3)
    button.focus()
    page.keyboard.press("Enter")
    wait_until(page, f"document.querySelectorAll('.strategy-copy-button')[3].innerText === {copied!r}")
    box = button.bounding_box()
    assert 0 <= box["y"] < 700, "the confirmation is where the reader pressed"
    context.close()
