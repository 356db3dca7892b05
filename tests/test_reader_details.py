"""The details a careful public service gets right, read in a real browser (Debian's
Chromium): at 320, 375 and 1280 px and at 400% zoom, without scripts, in forced
colours and in print, in both languages. Each test reads the page once it has
settled (a condition met), never after a fixed pause."""

from __future__ import annotations

import pytest

from conftest import tab_to

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
    page.wait_for_function(f"({IN_VIEW})(document.getElementById('feed-digital-inclusion'))")
    feed = address(site_url, language, "feeds/digital-inclusion/feed.xml")
    assert row.locator("code").first.inner_text() == feed
    assert page.locator(".md-content ol li").count() >= 3, "the steps, in plain words"

    # The address itself is plain XML, with no stylesheet for a browser to run or refuse;
    # a reader who opens it anyway reads first what it is, in the feed's language.
    response = page.goto(feed)
    assert response.ok and "<?xml-stylesheet" not in response.text()
    about = {"en": "This is a web feed", "cy": "Porthiant gwe yw hwn"}[language]
    assert page.get_by_text(about).first.is_visible()
