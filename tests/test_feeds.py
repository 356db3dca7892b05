"""Following the series: every feed, in each language, as a feed reader sees it."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import lxml.html
import yaml
from hypothesis import assume, given, strategies as st
from lxml import etree

from conftest import FIXTURE, build, parse
from strategy.inputs import WALES

SITE_URL = "https://plan.council.example/"
MISSIONS = [m["id"] for m in yaml.safe_load((FIXTURE / "data/plan.yaml").read_text())["missions"]]
FEED_FOLDERS = {"en": "", "cy": "cy/"}


def feed_files(site: Path) -> list[tuple[str, Path]]:
    """(language, path) of every RSS, Atom and JSON feed: the posts', each mission's and the plan's updates."""
    files = []
    for language, folder in FEED_FOLDERS.items():
        for scope in ["", *[f"feeds/{m}/" for m in MISSIONS], "progress/"]:
            for name in ("feed.xml", "atom.xml", "feed.json"):
                files.append((language, site / folder / scope / name))
    return files


def test_there_is_an_rss_atom_and_json_feed_per_language_and_per_mission(built_site):
    files = feed_files(built_site)
    assert len(files) == 2 * (1 + len(MISSIONS) + 1) * 3
    assert all(path.is_file() for _, path in files)


def assert_absolute_links(html: str, where) -> None:
    for element in etree.HTML(f"<div>{html}</div>").iter("a", "img"):
        target = element.get("href") or element.get("src")
        assert urlsplit(target).scheme in ("https", "mailto"), (where, target)


def test_every_xml_feed_parses_cleanly_in_its_language_with_absolute_links(built_site):
    for language, path in feed_files(built_site):
        if path.suffix == ".json":
            continue
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.feed.get("language", "").startswith(language), path
        assert parsed.feed.link.startswith(SITE_URL + FEED_FOLDERS[language])
        assert parsed.entries, path
        for entry in parsed.entries:
            assert entry.link.startswith(SITE_URL + FEED_FOLDERS[language]), (path, entry.link)
            assert_absolute_links(entry.get("content", [{}])[0].get("value") or entry.get("summary", ""), path)


def test_every_json_feed_is_in_its_language_with_absolute_links(built_site):
    for language, path in feed_files(built_site):
        if path.suffix != ".json":
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["language"] == language and data["items"], path
        for item in data["items"]:
            assert item["url"].startswith(SITE_URL + FEED_FOLDERS[language]), path
            assert_absolute_links(item["content_html"], path)


def test_the_site_feed_has_every_published_post_newest_first(built_site):
    english = feedparser.parse((built_site / "feed.xml").read_bytes())
    welsh = feedparser.parse((built_site / "cy/atom.xml").read_bytes())
    assert [e.title for e in english.entries][:3] == [
        "Online workshop on the draft strategy", "Helping people get online in their own community",
        "Data and collaboration"]
    assert len(english.entries) == len(welsh.entries) == 10  # the draft left out
    assert welsh.entries[0].title == "Gweithdy ar-lein ar y strategaeth ddrafft"
    published = [e.published_parsed for e in english.entries]
    assert published == sorted(published, reverse=True)
    assert english.feed.title == "Example Council Digital Plan" and welsh.feed.title == "Cynllun Digidol y Cyngor Enghreifftiol"


def test_a_mission_feed_carries_that_missions_posts(built_site):
    inclusion = feedparser.parse((built_site / "cy/feeds/digital-inclusion/feed.xml").read_bytes())
    assert [e.title for e in inclusion.entries] == ["Helpu pobl i fynd ar-lein yn eu cymuned eu hunain",
                                                    "Cynhwysiant digidol"]
    assert inclusion.feed.title == "Cynllun Digidol y Cyngor Enghreifftiol: Cenhadaeth 2: Cynhwysiant digidol"


def test_a_missions_actions_reach_a_feed_reader_as_a_list_a_line_per_column(built_site):
    # Text feed readers (newsboat) cut a wide table's last columns and run its caption
    # into its header row: a table that a phone shows as cards is a list in a feed.
    for folder, title, caption, owner, status in (
            ("", "Digital inclusion", "Actions of mission 2", "Owner:", "Status:"),
            ("cy/", "Cynhwysiant digidol", "Camau gweithredu cenhadaeth 2", "Perchennog:", "Statws:")):
        feed = feedparser.parse((built_site / folder / "feeds/digital-inclusion/atom.xml").read_bytes())
        post = next(entry for entry in feed.entries if entry.title == title)
        content = lxml.html.fragment_fromstring(post.content[0].value, create_parent="div")
        assert not content.cssselect("table.strategy-table--stacked")
        actions = [list_ for list_ in content.cssselect("ul") if list_.getprevious() is not None
                   and caption in list_.getprevious().text_content()][0]
        lines = [line.text_content() for line in actions.cssselect("li")[0].cssselect("div")]
        assert len(lines) == 5
        assert any(line.startswith(owner) for line in lines) and any(line.startswith(status) for line in lines)
        assert content.cssselect("table")  # a table that is no card per row on a phone stays a table


def test_items_have_stable_tag_ids_and_link_to_their_twin(built_site):
    rss = etree.parse(str(built_site / "cy/feed.xml"))
    item = rss.find(".//item")
    guid = item.find("guid")
    assert guid.get("isPermaLink") == "false"
    assert guid.text == "tag:plan.council.example,2025:post/draft-strategy-workshop/cy"
    twin = item.find("{http://www.w3.org/2005/Atom}link")
    assert (twin.get("rel"), twin.get("hreflang"), twin.get("href")) == (
        "related", "en", SITE_URL + "posts/events/draft-strategy-workshop/")
    channel = rss.find("channel")
    self_link = [l for l in channel.findall("{http://www.w3.org/2005/Atom}link") if l.get("rel") == "self"][0]
    assert self_link.get("href") == SITE_URL + "cy/feed.xml"


def test_an_updated_post_is_marked_updated_without_a_new_identity(built_site):
    atom = feedparser.parse((built_site / "atom.xml").read_bytes())
    services = next(e for e in atom.entries if e.title == "Digital services")
    assert services.published.startswith("2026-11-04") and services.updated.startswith("2026-11-20")
    assert services.id == "tag:plan.council.example,2025:post/digital-services/en"
    assert "Updated 20 November 2026:" in services.content[0].value
    items = json.loads((built_site / "cy/feed.json").read_text())["items"]
    welsh = next(i for i in items if i["id"].endswith("post/digital-services/cy"))
    assert welsh["date_modified"].startswith("2026-11-20") and welsh["date_published"].startswith("2026-11-04")
    assert "Diweddarwyd 20 Tachwedd 2026:" in welsh["content_html"]
    rss = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert rss.feed.updated_parsed[:3] == (2026, 11, 20), "lastBuildDate comes from the content, not the clock"


def test_json_feed_is_version_1_1(built_site):
    data = json.loads((built_site / "feed.json").read_text())
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == SITE_URL + "feed.json" and data["language"] == "en"
    assert all({"id", "url", "title", "content_html", "date_published"} <= set(item) for item in data["items"])


def test_pages_announce_their_feeds_and_mission_pages_their_missions(built_site):
    home = parse(built_site / "cy/index.html")
    links = [(l.get("type"), l.get("href")) for l in home.cssselect("link[rel=alternate][type]")]
    assert ("application/rss+xml", "feed.xml") in links and ("application/feed+json", "feed.json") in links
    mission = parse(built_site / "posts/missions/digital-skills/index.html")
    hrefs = [l.get("href") for l in mission.cssselect("link[rel=alternate][type]")]
    assert "../../../feeds/digital-skills/atom.xml" in hrefs and "../../../feed.xml" in hrefs


def test_the_subscribe_page_lists_every_feed_of_its_language(built_site):
    for language, folder in FEED_FOLDERS.items():
        page_dir = built_site / folder / "subscribe"
        addresses = parse(page_dir / "index.html").cssselect("table.strategy-table--feeds code[data-strategy-copy]")
        published = {address.text_content().removeprefix(SITE_URL) for address in addresses}
        published.remove(folder + "events.ics")  # the calendar has its row too
        assert published == {path.relative_to(built_site).as_posix() for lang, path in feed_files(built_site) if lang == language}


def test_feeds_are_byte_identical_between_builds(built_site, site_copy, tmp_path):
    # A second build, of another copy of the same sources, against the run's shared build
    # (test_reader_pages.py relies on this for its feeds' moments).
    assert build(site_copy, tmp_path / "again").returncode == 0
    files = feed_files(built_site)
    assert len(files) > 6
    for language, path in files:
        assert path.read_bytes() == (tmp_path / "again" / path.relative_to(built_site)).read_bytes(), path


def guids(site: Path) -> set[str]:
    return {e.id for lang, path in feed_files(site) if path.name == "atom.xml"
            for e in feedparser.parse(path.read_bytes()).entries}


def test_guids_survive_renaming_a_file_and_moving_the_site(site_copy, tmp_path):
    assert build(site_copy, tmp_path / "before").returncode == 0
    before = guids(tmp_path / "before")
    for language in ("en", "cy"):
        folder = site_copy / "docs" / language / "posts/missions"
        (folder / "digital-skills.md").rename(folder / "skills-for-everyone.md")
    config = site_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("https://plan.council.example/", "https://strategaeth.example.org/"))
    assert build(site_copy, tmp_path / "after").returncode == 0

    assert guids(tmp_path / "after") == before
    moved = feedparser.parse((tmp_path / "after/feed.xml").read_bytes())
    assert "https://strategaeth.example.org/posts/missions/skills-for-everyone/" in [e.link for e in moved.entries]


def test_drafts_and_scheduled_posts_never_appear_in_a_feed_even_in_a_preview(site_copy, tmp_path):
    skills = site_copy / "docs/en/posts/missions/digital-skills.md"
    skills.write_text(skills.read_text().replace("date: 2026-11-10\n", "date: 2026-11-10\ndraft: true\n"))
    event = site_copy / "docs/en/posts/events/draft-strategy-workshop.md"
    event.write_text(event.read_text().replace("date: 2026-11-20", "date: 2026-11-30"))
    home = site_copy / "docs/en/index.md"  # no published page may link to them
    for language in ("en", "cy"):
        home = site_copy / "docs" / language / "index.md"
        home.write_text(home.read_text().replace("(posts/setting-the-context.md)", "(archive.md)"))
    for preview in (False, True):
        site = tmp_path / f"site-{preview}"
        assert build(site_copy, site, preview=preview).returncode == 0
        for language, path in feed_files(site):
            text = path.read_text()
            assert "post/digital-skills/" not in text and "post/draft-strategy-workshop/" not in text, path


HOSTILE = "Q&A ]]> <script>alert(1)</script> \x01\x1f end"


def test_hostile_titles_and_bodies_give_well_formed_xml_and_valid_json(site_copy, tmp_path):
    post = site_copy / "docs/cy/posts/setting-the-context.md"
    # (Control characters in a title or a body are refused by the check: tests/broken_content/control-characters.yaml
    # and text-that-does-not-show-as-written.yaml.)
    text = post.read_text().replace("title: Gosod y cyd-destun", 'title: "Q&A ]]> <script>alert(1)</script>  end"')
    post.write_text(text + "\n\nCorff ]]> & <b>bold</b>\n")
    assert build(site_copy, tmp_path / "site").returncode == 0

    for language, path in feed_files(tmp_path / "site"):
        if path.suffix == ".json":
            json.loads(path.read_text())
        else:
            etree.parse(str(path))  # raises on malformed XML
    atom = feedparser.parse((tmp_path / "site/cy/atom.xml").read_bytes())
    entry = next(e for e in atom.entries if e.id.endswith("setting-the-context/cy"))
    assert entry.title == "Q&A ]]> <script>alert(1)</script>  end"
    items = json.loads((tmp_path / "site/cy/feed.json").read_text())["items"]
    assert any(item["title"] == "Q&A ]]> <script>alert(1)</script>  end" for item in items)


# --- the moments of entries (feed_times.py) --------------------------------------

def _post(post_id: str, day, given_time=None, changed=None):
    from strategy.model import Change, Post, Text

    text = Text("x", "x")
    return Post(path=f"posts/{post_id}.md", kind="series", source_language="en", title=text, summary=text, body=text,
                id=post_id, date=day, time=given_time, changes=(Change(changed, text),) if changed else ())


_IDS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
_DAYS = st.dates(date(2025, 1, 1), date(2027, 12, 31))
_TIMES = st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0))


@st.composite
def _posts(draw):
    ids = draw(st.lists(_IDS, min_size=1, max_size=12, unique=True))
    days = draw(st.lists(st.sampled_from(draw(st.lists(_DAYS, min_size=1, max_size=3))), min_size=len(ids),
                         max_size=len(ids)))  # few days, so that many posts share one
    return [_post(post_id, day, draw(_TIMES), draw(st.none() | st.sampled_from(days).filter(lambda d: d >= day)))
            for post_id, day in zip(ids, days)]


@given(_posts(), st.randoms(use_true_random=False))
def test_every_entry_gets_a_distinct_updated_whatever_order_the_posts_come_in(posts, random):
    from strategy.feed_times import entry_moments

    moments = entry_moments(posts)
    shuffled = list(posts)
    random.shuffle(shuffled)
    assert entry_moments(shuffled) == moments
    assert len({moment.updated for moment in moments.values()}) == len(posts)
    for post in posts:
        assert moments[post.id].updated >= moments[post.id].published
        assert moments[post.id].published.astimezone(WALES).date() == post.date
        if post.time is not None:
            assert moments[post.id].published.astimezone(WALES).time() == post.time


@given(_posts(), _IDS, _DAYS)
def test_a_post_published_on_another_day_moves_no_others_moments(posts, new_id, day):
    from strategy.feed_times import entry_moments

    assume(new_id not in {post.id for post in posts})
    assume(all(day not in (post.date, post.updated) for post in posts))
    before = entry_moments(posts)
    after = entry_moments([*posts, _post(new_id, day)])
    assert {post.id: after[post.id] for post in posts} == before


def test_a_time_is_written_with_the_offset_of_welsh_local_time_that_day():
    from strategy.feed_times import entry_moments, published_attribute

    summer, winter = _post("summer", date(2026, 7, 1), time(9, 30)), _post("winter", date(2026, 12, 1), time(9, 30))
    moments = entry_moments([summer, winter])
    assert moments["summer"].published.isoformat() == "2026-07-01T09:30:00+01:00"
    assert moments["winter"].published.isoformat() == "2026-12-01T09:30:00+00:00"
    assert published_attribute(summer) == "2026-07-01T09:30:00+01:00"
    assert published_attribute(_post("untimed", date(2026, 7, 1))) == "2026-07-01"
