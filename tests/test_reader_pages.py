"""The built site, for every reader: interface text in the reader's language down
to the attributes, the not-found page's search, and the pages a public site owes."""

from __future__ import annotations

import re
from pathlib import Path

import material
from conftest import REPO, html_pages, parse

from strategy.catalogue import catalogue, texts

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
MATERIAL_ENGLISH = MATERIAL_TEMPLATES / "partials/languages/en.html"
READ_ALOUD_OR_SHOWN = ("title", "aria-label", "alt", "placeholder", "aria-description", "aria-roledescription")


def english_interface_text() -> set[str]:
    """Every English string of our catalogue and of Material's, minus those that
    are the same in Welsh (a name such as "RSS")."""
    ours = {text for values in catalogue().values() for text in texts(values["en"]) if text not in texts(values["cy"])}
    material = set(re.findall(r'^\s*"[a-z.]+": "(.+)",?$', MATERIAL_ENGLISH.read_text(), re.MULTILINE))
    return {text for text in ours | material if len(text) > 2 and "{" not in text}


def test_no_welsh_page_carries_english_in_an_attribute(built_site):
    english = english_interface_text()
    assert "Permanent link to this section" in english and "Skip to content" in english
    found = {}
    for page in sorted((built_site / "cy").rglob("*.html")):
        for element in parse(page).iter():
            for attribute in READ_ALOUD_OR_SHOWN:
                value = element.get(attribute) if isinstance(element.tag, str) else None
                in_english = element.xpath("ancestor-or-self::*[@lang][1]/@lang") == ["en"]  # a passage tagged English
                if value in english and not in_english:
                    found.setdefault(str(page.relative_to(built_site)), set()).add(f'{attribute}="{value}"')
    assert found == {}


def test_heading_anchors_are_titled_in_the_pages_language(built_site):
    welsh = parse(built_site / "cy/index.html").cssselect("a.headerlink")
    english = parse(built_site / "index.html").cssselect("a.headerlink")
    assert welsh and {a.get("title") for a in welsh} == {"Dolen barhaol i'r adran hon"}
    assert english and {a.get("title") for a in english} == {"Permanent link to this section"}


def test_the_not_found_pages_search_in_each_language_on_its_search_page(built_site):
    for not_found in ("404.html", "cy/404.html"):
        forms = parse(built_site / not_found).cssselect("form[role=search]")
        assert {form.get("action"): form.get("aria-label") for form in forms} == {
            "/search/": "Search this site", "/cy/search/": "Chwilio'r wefan hon"}
        for form in forms:
            assert (built_site / form.get("action").lstrip("/") / "index.html").exists()


# The names we add to the landmarks in our copies of Material's templates.
_LANDMARK_NAME = re.compile(r" aria-label=\"\{\{ t\('landmark\.[a-z]+'\) \| e \}\}\"")
_OPENING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)


# Our other changes to base.html, each with Material's own text: a skip link on every
# page (Material has one only on pages with contents, not the not-found page), which
# goes to the main content, given an id for it.
_OUR_CHANGES = [
    (re.compile(r"      \{#- Material skips to the first heading.*?</a>\n", re.DOTALL),
     '      {% if page.toc | first is defined %}\n'
     '        {% set skip = page.toc | first %}\n'
     '        <a href="{{ skip.url | url }}" class="md-skip">\n'
     '          {{ lang.t("action.skip") }}\n'
     '        </a>\n'
     '      {% endif %}\n'),
    (re.compile(r' id="strategy-content"'), ""),
]


def test_the_copies_of_materials_templates_differ_only_by_the_landmark_names_and_the_skip_link():
    # After a Material upgrade this fails until the new templates are copied and changed again.
    for name in ("base.html", "partials/footer.html"):
        ours = (REPO / "src/strategy/theme" / name).read_text(encoding="utf-8")
        assert _LANDMARK_NAME.search(ours), name
        for change, materials in _OUR_CHANGES:
            ours = change.sub(lambda _: materials, ours)
        unnamed = _OPENING_COMMENT.sub("", _LANDMARK_NAME.sub("", ours))
        assert unnamed == _OPENING_COMMENT.sub("", (MATERIAL_TEMPLATES / name).read_text(encoding="utf-8")), name


def test_every_landmark_has_a_name(built_site):
    for page in sorted(Path(built_site).rglob("*.html")):
        for landmark in parse(page).cssselect("[role=search], nav, aside, main, header.md-header, footer.md-footer"):
            assert landmark.get("aria-label") or landmark.get("aria-labelledby"), (page, landmark.tag)


FOOTER = {
    "en": ["Accessibility statement", "Privacy", "Licence", "Contact us", "Feeds and calendar", "Report a problem with this page"],
    "cy": ["Datganiad hygyrchedd", "Preifatrwydd", "Trwydded", "Cysylltu â ni", "Porthiannau a chalendr",
           "Rhoi gwybod am broblem gyda'r dudalen hon"],
}


def footer_links(page):
    return [(a.text_content().strip(), a.get("href")) for a in page.cssselect("footer.md-footer nav.strategy-footer a, "
                                                                              "footer.md-footer .strategy-footer nav a")]


def test_every_page_links_the_footer_pages_in_its_own_language(built_site):
    for path in sorted(built_site.rglob("index.html")):
        language = "cy" if path.relative_to(built_site).parts[0] == "cy" else "en"
        links = footer_links(parse(path))
        assert [text for text, _ in links] == FOOTER[language], path
        for text, href in links[:-1]:
            target = (path.parent / href / "index.html").resolve()
            assert target.exists(), (path, href)
            assert parse(target).get("lang") == language


def test_report_a_problem_names_the_page_in_the_email_subject(built_site):
    from urllib.parse import parse_qs, urlsplit

    page = parse(built_site / "cy/posts/missions/digital-inclusion/index.html")
    address = urlsplit(footer_links(page)[-1][1])
    assert address.scheme == "mailto" and address.path == "digital.plan@council.example"
    assert parse_qs(address.query)["subject"] == [
        "Problem gyda'r dudalen: Cynhwysiant digidol (https://plan.council.example/cy/posts/missions/digital-inclusion/)"]


def test_the_footer_pages_say_what_a_public_site_owes_its_readers(built_site):
    statement = {lang: parse(built_site / folder / "accessibility/index.html").text_content()
                 for lang, folder in (("en", "."), ("cy", "cy"))}
    assert "WCAG" in statement["en"] and "2.2" in statement["en"] and "(No. 2) Accessibility Regulations 2018" in statement["en"]
    assert "EHRC" in statement["cy"] and "ECNI" in statement["cy"] and "(Rhif 2) 2018" in statement["cy"]
    privacy = parse(built_site / "privacy/index.html").text_content()
    assert "no cookies" in privacy and "no analytics" in privacy
    licence = parse(built_site / "cy/licence/index.html")
    assert licence.cssselect('a[href*="open-government-licence"]')


def test_robots_txt_names_the_absolute_site_map(built_site):
    robots = (built_site / "robots.txt").read_text().splitlines()
    assert "User-agent: *" in robots
    assert "Sitemap: https://plan.council.example/sitemap.xml" in robots
    assert (built_site / "sitemap.xml").exists()


def meta(page, key: str) -> list[str]:
    return [m.get("content") for m in page.cssselect(f'meta[property="{key}"], meta[name="{key}"]')]


def test_a_shared_post_shows_its_own_title_summary_and_picture_in_its_language(built_site):
    from PIL import Image

    for folder, locale, other, summary_start in (("", "en_GB", "cy_GB", "The digital inclusion mission"),
                                                 ("cy/", "cy_GB", "en_GB", "Cenhadaeth cynhwysiant digidol")):
        page = parse(built_site / folder / "posts/missions/digital-inclusion/index.html")
        address = f"https://plan.council.example/{folder}posts/missions/digital-inclusion/"
        assert meta(page, "description")[0].startswith(summary_start)
        assert meta(page, "og:description") == meta(page, "description")
        assert meta(page, "og:url") == [address]
        assert meta(page, "og:locale") == [locale] and meta(page, "og:locale:alternate") == [other]
        assert meta(page, "og:image") == meta(page, "twitter:image") == [address + "social.png"]
        assert meta(page, "twitter:card") == ["summary_large_image"]
        picture = Image.open(built_site / folder / "posts/missions/digital-inclusion/social.png")
        assert picture.size == (1200, 630)
        assert picture.convert("RGB").getpixel((5, 5)) == (0xa3, 0x00, 0x1b)  # the site's red
    english = (built_site / "posts/missions/digital-inclusion/social.png").read_bytes()
    assert english != (built_site / "cy/posts/missions/digital-inclusion/social.png").read_bytes()


def test_pages_that_are_not_posts_share_a_picture_of_their_own_in_their_language(built_site):
    for folder, path in (("cy/", "delivery-plan/"), ("", "delivery-plan/"), ("cy/", ""), ("", "")):
        page = parse(built_site / folder / path / "index.html")
        assert meta(page, "og:type") == ["website"]
        assert meta(page, "og:locale") == [{"": "en_GB", "cy/": "cy_GB"}[folder]]
        assert meta(page, "og:image") == [f"https://plan.council.example/{folder}{path}social.png"]
        assert (built_site / folder / path / "social.png").exists()
    english = (built_site / "delivery-plan/social.png").read_bytes()
    assert english != (built_site / "cy/delivery-plan/social.png").read_bytes()


def test_pages_the_site_makes_share_a_picture_of_their_heading_in_their_language(built_site):
    # Progress reports and owners' pages (and archive pages 2 onwards: test_strategy_pages.py)
    # are written by no editor, and shared like any other page.
    from PIL import Image

    for path, english_title, welsh_title in (("owners/cdps/", "Centre for Digital Public Services",
                                              "Canolfan Gwasanaethau Cyhoeddus Digidol"),
                                             ("progress/", "Progress reports", "Adroddiadau cynnydd")):
        for folder, title in (("", english_title), ("cy/", welsh_title)):
            page = parse(built_site / folder / path / "index.html")
            assert meta(page, "og:title") == meta(page, "og:image:alt") == [title]
            assert meta(page, "og:image") == meta(page, "twitter:image") == [
                f"https://plan.council.example/{folder}{path}social.png"]
            assert meta(page, "twitter:card") == ["summary_large_image"]
            assert Image.open(built_site / folder / path / "social.png").size == (1200, 630)
        assert (built_site / path / "social.png").read_bytes() != (built_site / "cy" / path / "social.png").read_bytes()


def test_every_page_a_reader_can_share_has_its_picture(built_site):
    pages = [page for page in html_pages(built_site) if page.name != "404.html"]  # the not-found page is no address
    assert len(pages) > 40
    for path in pages:
        page = parse(path)
        [address] = meta(page, "og:url")
        assert meta(page, "og:image") == [address + "social.png"], path
        assert (path.parent / "social.png").is_file(), path


# --- subscribing -----------------------------------------------------------------

ATOM_FEEDS = ("atom.xml", "cy/atom.xml")


def test_every_feed_entry_has_a_distinct_updated_moment_that_stays_from_build_to_build(built_site):
    import feedparser

    for name in ATOM_FEEDS:
        feed = feedparser.parse((built_site / name).read_bytes())
        moments = [entry.updated for entry in feed.entries]
        assert len(moments) > 1 and len(set(moments)) == len(moments), name
    # From build to build: test_feeds.py's test_feeds_are_byte_identical_between_builds
    # compares every feed of a second build with this one, byte for byte.


def test_a_feeds_only_alternate_link_is_its_own_languages_home_page(built_site):
    import feedparser

    for name, home in (("atom.xml", "https://plan.council.example/"),
                       ("cy/atom.xml", "https://plan.council.example/cy/")):
        feed = feedparser.parse((built_site / name).read_bytes()).feed
        alternates = [link.href for link in feed.links if link.rel == "alternate"]
        assert alternates == [home] and feed.link == home


def test_a_feed_is_plain_xml_that_says_what_it_is_in_its_first_lines(built_site):
    for name in ("feed.xml", "atom.xml", "cy/feed.xml", "cy/feeds/digital-inclusion/atom.xml"):
        text = (built_site / name).read_text(encoding="utf-8")
        assert "<?xml-stylesheet" not in text, name  # no XSLT for a browser to refuse
    first_lines = (built_site / "cy/feeds/digital-inclusion/feed.xml").read_text(encoding="utf-8").splitlines()[:2]
    comment = first_lines[1]
    assert comment.startswith("<!-- Porthiant gwe yw hwn") and "https://plan.council.example/cy/subscribe/" in comment
    assert not list(built_site.rglob("*.xsl"))


def test_the_plans_csv_starts_with_a_byte_order_mark_for_excel(built_site):
    data = (built_site / "data/delivery-plan.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "ŵ".encode() in data or "ŷ".encode() in data or "â".encode() in data


def test_the_subscribe_page_shows_every_feed_and_the_calendar_address_to_copy(built_site):
    for folder, calendar in (("", "Events calendar"), ("cy/", "Calendr digwyddiadau")):
        page = parse(built_site / folder / "subscribe/index.html")
        addresses = [code.text_content() for code in page.cssselect("code[data-strategy-copy]")]
        for kind in ("feed.xml", "atom.xml", "feed.json"):
            assert f"https://plan.council.example/{folder}{kind}" in addresses
            assert f"https://plan.council.example/{folder}feeds/digital-inclusion/{kind}" in addresses
        row = page.get_element_by_id("feed-digital-inclusion")
        assert row.cssselect("code")[0].text_content().endswith(f"{folder}feeds/digital-inclusion/feed.xml")
        # The site's links to feeds lead here: none leads on to the XML, which is for feed readers.
        assert not [a for a in page.cssselect(".md-content a[href]") if a.get("href").endswith((".xml", ".json"))]
        assert any(address.endswith(".ics") for address in addresses)
        assert calendar in page.text_content()
        assert page.cssselect('script[src$="copy.js"]')
        assert page.cssselect("ol li")  # the steps, in plain words


def test_every_mission_post_links_its_own_feed_on_the_subscribe_page_where_readers_see_it(built_site):
    for folder, text in (("", "Follow this mission"), ("cy/", "Dilyn y genhadaeth hon")):
        for post in sorted((built_site / folder / "posts/missions").glob("*/index.html")):
            link = parse(post).cssselect("article .strategy-mission-feed a, .md-content .strategy-mission-feed a")
            assert link and text in link[0].text_content(), post
            page, anchor = link[0].get("href").split("#")
            assert (post.parent / page).resolve() == (built_site / folder / "subscribe").resolve()
            assert anchor == f"feed-{post.parent.name}"
            assert parse(built_site / folder / "subscribe/index.html").get_element_by_id(anchor) is not None


def test_every_page_in_both_languages_gives_the_same_address_to_write_to(built_site):
    # "Have your say", the footer's "Report a problem" and the contact page: one team,
    # one address, never a Welsh-named one on English pages beside an English-named one.
    addresses = set()
    for path in html_pages(built_site):
        for link in parse(path).cssselect('a[href^="mailto:"]'):
            addresses.add(link.get("href").removeprefix("mailto:").split("?")[0])
    assert len(addresses) == 1, addresses
