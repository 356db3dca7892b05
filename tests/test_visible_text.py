"""Text means what it shows: what `make check` and the build refuse is in
tests/broken_content/text-that-does-not-show-as-written.yaml; here, that what they let through
shows as text in a reader's browser (the theme's tooltip puts a title into the page as HTML),
and generated text gets success or one clear message with its line, never a traceback.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings, strategies as st

from conftest import build_for_address, copy_site_sources, serve, settle

from strategy.bodies import BodyChecker
from strategy.visible_text import body_line_problems, hidden_markup, text_problems, unbalanced_direction

WIDTHS = {"narrow phone": {"width": 320, "height": 640}, "phone": {"width": 375, "height": 800},
          "desktop": {"width": 1280, "height": 900}}
# Titles the check lets through, each with every character HTML could read as markup or
# as a reference: a '<' before no letter, quotes, ampersands and a character reference.
TITLES = {
    "en": ("a < b & c <3, \"quoted\" and 'single' & more", "Tom & Jerry's 1 < 2 > 0"),
    "cy": ("llai na < a & mwy na >, \"dyfynnod\" a <3", "Siân & Siôn: 1 < 2"),
}


# A heading that mentions markup, as text (the check lets it through): cut short in the
# contents, the theme shows it whole in a tooltip, from the text as its title.
LONG_HEADING = ("Aneurin &lt;img src=x onerror=\"window.tooltipped = 1\"&gt; Bevan and "
                "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch")
LONG_HEADING_SHOWN = ('Aneurin <img src=x onerror="window.tooltipped = 1"> Bevan and '
                      "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch")


@pytest.fixture(scope="module")
def site_with_titles(tmp_path_factory):
    """The fixture site with an abbreviation and a link title of every awkward character, in both languages."""
    folder = tmp_path_factory.mktemp("titles")
    root = copy_site_sources(folder / "repo")
    for language, (abbreviation, link_title) in TITLES.items():
        post = root / f"docs/{language}/posts/setting-the-context.md"
        post.write_text(post.read_text(encoding="utf-8") + f"\n## {LONG_HEADING}\n\nText.\n"
                        f'\nThe HTML [page](https://example.org/ "{link_title}").\n'
                        f"\n*[HTML]: {abbreviation}\n", encoding="utf-8")
    url, server = serve(folder / "site")
    build_for_address(root, folder / "site", url)
    yield url
    server.shutdown()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", TITLES)
def test_a_tooltip_shows_its_title_as_text_never_as_html(browser, site_with_titles, language, width):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(site_with_titles + ("cy/" if language == "cy" else "") + "posts/setting-the-context/")
    settle(page)
    for selector, title in (("article abbr", TITLES[language][0]), ("article a[href='https://example.org/']",
                                                                     TITLES[language][1])):
        host = page.locator(selector).first
        assert host.get_attribute("title") == title
        host.scroll_into_view_if_needed()
        host.hover()
        tooltip = page.locator(".md-tooltip2 .md-tooltip2__inner").last
        tooltip.wait_for(state="visible")
        settle(page)

        assert tooltip.evaluate("inner => inner.children.length") == 0  # no element was made from the title
        assert tooltip.inner_text() == title
        page.mouse.move(0, 0)
    context.close()


@pytest.mark.parametrize("language", TITLES)
def test_a_heading_cut_short_in_the_contents_shows_whole_as_text_in_its_tooltip(browser, site_with_titles, language):
    # The contents are beside the page at desktop widths only: in the menu, on a phone, they are hidden.
    context = browser.new_context(viewport=WIDTHS["desktop"])
    page = context.new_page()
    page.goto(site_with_titles + ("cy/" if language == "cy" else "") + "posts/setting-the-context/")
    settle(page)
    entry = page.locator(".md-sidebar--secondary .md-ellipsis", has_text="Aneurin")
    assert entry.evaluate("entry => entry.offsetWidth < entry.scrollWidth"), "the heading is not cut short"
    entry.hover()
    tooltip = page.locator(".md-tooltip2 .md-tooltip2__inner").last
    tooltip.wait_for(state="visible")
    settle(page)

    assert tooltip.evaluate("inner => inner.children.length") == 0
    assert tooltip.inner_text() == LONG_HEADING_SHOWN
    assert page.evaluate("window.tooltipped") is None
    context.close()


# --- generated text: a clear message with its line, or nothing, never a traceback -------

AWKWARD = "\x00\x01\x07\x1b\x7f\x85\x9f\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\ufffe"
TEXT = st.text(st.sampled_from(list(AWKWARD) + list("ab <>&#;x1D80-!/?\"'\n\t`*[]():")), max_size=40)
SEEDED = settings(max_examples=200, deadline=None, derandomize=True)


@SEEDED
@given(TEXT)
def test_a_line_with_a_direction_control_is_refused_exactly_when_one_is_left_open_or_closes_nothing(text):
    for line in text.split("\n"):
        balanced, stack = True, []
        for character in line:
            if character in "\u202a\u202b\u202d\u202e\u2066\u2067\u2068":
                stack.append("\u202c" if character < "\u2066" else "\u2069")
            elif character in "\u202c\u2069":
                if not stack or stack.pop() != character:
                    balanced = False
        balanced = balanced and not stack
        assert (unbalanced_direction(line) is None) == balanced, repr(line)


@SEEDED
@given(TEXT)
def test_any_body_gets_a_problem_on_a_line_that_holds_it_or_renders(text):
    # What the check lets through renders without a traceback, and holds no control
    # character nor any direction control left open; each problem names a line of the body.
    lines = text.split("\n")
    found = body_line_problems(text)
    assert all(1 <= line <= len(lines) for line, _ in found)
    for line in {line for line, _ in found}:
        assert text_problems(lines[line - 1], "\t\r") or "&#" in lines[line - 1], repr(lines[line - 1])
    if not found:
        assert not any(text_problems(line, "\t\r") for line in lines)
        BodyChecker().add("docs/en/post.md", "post.md", text, 5, ("en",))


class _Markup(HTMLParser):
    """Whether an HTML parser makes anything but text of a string (as a tooltip's innerHTML would)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.made = []

    def handle_starttag(self, tag, attrs):
        self.made.append(tag)

    def handle_endtag(self, tag):
        self.made.append("/" + tag)

    def handle_comment(self, data):
        self.made.append("<!--")

    def handle_decl(self, decl):
        self.made.append("<!")

    def handle_pi(self, data):
        self.made.append("<?")

    def unknown_decl(self, data):
        self.made.append("<![")


@SEEDED
@given(st.text(st.sampled_from(list("<>/!?&#;\"' aZ1-=")), max_size=30))
def test_a_title_the_check_lets_through_is_only_text_to_an_html_parser(title):
    # The tooltip puts the title into the page as HTML: what the check accepts must make no element.
    attribute = title.replace("&", "&amp;").replace('"', "&quot;")
    refused = hidden_markup(f'<abbr title="{attribute}">x</abbr>')
    parser = _Markup()
    parser.feed(title)
    parser.close()
    if not refused:
        assert parser.made == [], repr(title)


def test_a_reference_of_thousands_of_digits_is_read_as_a_browser_reads_it_and_named_cut_short():
    # Python refuses to read a number of more than 4,300 digits; a browser reads &#000...0001; as U+0001.
    found = body_line_problems("&#" + "0" * 5000 + "1;\n&#x" + "F" * 5000 + ";")

    assert [(line, problem.text("en")) for line, problem in found] == [
        (1, "the character reference &#000000000000000..., to the control character U+0001 (delete it)"),
        (2, "the character reference &#xFFFFFFFFFFFFFF..., which names no character (delete it)")]
