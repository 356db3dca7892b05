"""The feeds and the addresses without a build: the pure generators of the core, fed the
small model of test_views.py. (The blocks' views and templates: test_views.py.)"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from urllib.parse import urljoin

import feedparser
import pytest
from hypothesis import given, strategies as st
from lxml import etree

from strategy.feed_formats import atom, json_feed, rss
from strategy.feeds import FeedSettings, build_feed, feed_html
from strategy.urls import SiteAddresses, page_path, page_url, relative_url
from test_views import MISSION_POST, SERVICES, post, publication

SETTINGS = FeedSettings(SiteAddresses.from_settings("https://example.org/"), "example.org,2026", limit=3)
SERIES = [post(f"posts/p{n}.md", "series", date(2026, 11, n)) for n in range(1, 6)]  # 1 to 5 November
DRAFT = replace(post("posts/draft.md", "series", date(2026, 11, 20)), draft=True)
SCHEDULED = post("posts/later.md", "series", date(2026, 12, 1))  # after the build moment (25 November)


def feed(posts, language="en", settings=SETTINGS, mission=None, preview=False):
    made = publication(posts)
    made = replace(made, preview=preview) if preview else made
    return build_feed(made, language, settings, "Site & <Name>", {}, lambda content: content["summary"], mission)


@pytest.mark.parametrize("preview", [False, True])
def test_a_feed_has_the_newest_published_posts_up_to_its_limit_never_a_draft_or_a_scheduled_post(preview):
    items = feed([*SERIES, DRAFT, SCHEDULED], preview=preview).items
    assert [item.url for item in items] == [f"https://example.org/posts/p{n}/" for n in (5, 4, 3)]


def test_a_mission_feed_has_only_that_missions_posts_and_says_which_mission():
    made = feed([*SERIES, MISSION_POST], language="cy", mission=SERVICES)
    assert [item.id for item in made.items] == ["tag:example.org,2026:post/services/cy"]
    assert made.id == "tag:example.org,2026:feed/mission/services/cy"
    assert made.paths["atom"] == "cy/feeds/services/atom.xml"
    assert made.alternates == (("en", "https://example.org/feeds/services/feed.xml"),)
    assert made.title.startswith("Site & <Name>: Cenhadaeth 1")


def test_items_link_their_twin_and_keep_a_stable_id_whatever_their_title():
    one = feed(SERIES[:1]).items[0]
    renamed = feed([replace(SERIES[0], title=replace(SERIES[0].title, en="Another title"))]).items[0]
    assert one.id == renamed.id == "tag:example.org,2026:post/p1/en"
    assert one.alternates == (("cy", "https://example.org/cy/posts/p1/"),)


HOSTILE = "A & B <script>alert(1)</script> \x07\x1b ]]> \"quoted\""


@pytest.mark.parametrize("make", [rss, atom])
def test_xml_feeds_are_well_formed_and_carry_hostile_text_as_text(make):
    made = feed([replace(SERIES[0], title=replace(SERIES[0].title, en=HOSTILE))])
    document = make(made)
    etree.fromstring(document)  # well formed: a parse error fails the test
    parsed = feedparser.parse(document)
    assert not parsed.bozo
    assert parsed.entries[0].title == "A & B <script>alert(1)</script>  ]]> \"quoted\""  # control characters dropped
    assert parsed.feed.title == "Site & <Name>"


def test_the_json_feed_carries_the_same_items():
    made = feed(SERIES)
    data = json.loads(json_feed(made))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert [item["id"] for item in data["items"]] == [item.id for item in made.items]


def test_feed_html_drops_the_permalinks_and_makes_every_link_absolute():
    # A body holds no title (the theme prints it from the model), so nothing is stripped but the anchors.
    html = ('<h2 id="a">Part<a class="headerlink" href="#a">¶</a></h2>'
            '<p><a href="../other/">x</a> <a href="#a">y</a> <img src="pic.png" alt=""></p>')
    out = feed_html(html, "https://example.org/posts/p1/")
    assert "headerlink" not in out and "¶" not in out and "<h2" in out
    assert 'href="https://example.org/posts/other/"' in out and 'href="#a"' in out
    assert 'src="https://example.org/posts/p1/pic.png"' in out


@pytest.mark.parametrize("path, expected", [("index.md", ""), ("posts/x.md", "posts/x/"), ("a/index.md", "a/")])
def test_each_source_file_has_its_folder_address(path, expected):
    assert page_path(path) == expected
    assert page_url(path, "cy") == "cy/" + expected


folders = st.lists(st.sampled_from(["posts", "cy", "feeds", "a-b"]), max_size=3).map(lambda parts: "".join(p + "/" for p in parts))


@given(source=folders, target=folders, file=st.sampled_from(["", "feed.xml"]))
def test_a_relative_link_leads_from_its_page_to_its_target(source, target, file):
    # as a browser follows it, from a page published under a sub-path
    assert urljoin("https://example.org/sub/" + source, relative_url(source, target + file)) == \
        "https://example.org/sub/" + target + file


def test_a_language_on_its_own_domain_is_linked_absolutely_and_only_across_languages():
    addresses = SiteAddresses.from_settings("https://example.org/sub/", {"cy": "https://example.cymru"})
    assert addresses.link("posts/x.md", "en", "posts/x.md", "cy") == "https://example.cymru/posts/x/"
    assert urljoin("https://example.org/sub/posts/x/", addresses.link("posts/x.md", "en", "index.md", "en")) == \
        "https://example.org/sub/"
    assert addresses.absolute_file("cy/feed.xml", "cy") == "https://example.cymru/feed.xml"
    assert addresses.absolute_file("feed.xml", "en") == "https://example.org/sub/feed.xml"
