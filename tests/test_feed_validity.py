"""Every feed the site publishes is valid, as the W3C Feed Validator would say, offline.

The W3C validator cannot be reached from here: tests/feed_checks.py does what it can
of the same work (RFC 4287's schema with jing, RSS 2.0's and JSON Feed 1.1's required
elements, and the warnings a schema misses). The site under test is the sample site
plus three posts of one day: two without a time, and one, written in Welsh first,
published at 09:30.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import build, copy_site_sources, parse, run_strategy, write_and_release
from feed_checks import ATOM, ATOM_SCHEMA, atom_problems, jing, json_feed_problems, rss_problems

SITE_URL = "https://plan.council.example/"
ONE_DAY = "2026-11-23"
FIXTURE_POSTS = {  # slug: (arguments of `make post`, the time given, if any)
    "morning-notes": (["--title", "Morning notes", "--title-cy", "Nodiadau bore"], None),
    "community-libraries": (["--kind", "showcase", "--mission", "digital-inclusion", "--title", "Community libraries",
                             "--title-cy", "Llyfrgelloedd cymunedol"], None),
    "datganiad-y-gweinidog": (["--source", "cy", "--title", "The minister's statement", "--title-cy",
                               "Datganiad y gweinidog"], "09:30"),
}


@pytest.fixture(scope="module")
def feed_site(tmp_path_factory) -> Path:
    root = copy_site_sources(tmp_path_factory.mktemp("feeds") / "repo")
    for slug, (arguments, given_time) in FIXTURE_POSTS.items():
        result = run_strategy(root, "new", *arguments, "--date", ONE_DAY)
        assert result.returncode == 0, result.stderr
        relative = f"posts/{'showcase/' if 'showcase' in arguments else ''}{slug}.md"
        write_and_release(root, relative)
        if given_time:
            source = root / "docs/cy" / relative
            text = source.read_text(encoding="utf-8")  # `make post` quotes the date: an editor may not
            source.write_text(re.sub(r"^date: .*$", f"date: {ONE_DAY} {given_time}", text, count=1, flags=re.M),
                              encoding="utf-8")
    site = root.parent / "site"
    result = build(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def feeds(site: Path, name: str) -> list[tuple[Path, str, str]]:
    """Each published feed called ``name``: its file, its own address and its language."""
    found = sorted(site.rglob(name))
    assert len(found) == 2 * 8, found  # the site's feed, six missions' feeds and the plan's updates, in each language
    return [(path, SITE_URL + path.relative_to(site).as_posix(),
             "cy" if path.relative_to(site).parts[0] == "cy" else "en") for path in found]


def test_every_atom_feed_is_valid_against_rfc_4287s_relax_ng_schema(feed_site):
    result = jing(ATOM_SCHEMA, [path for path, _, _ in feeds(feed_site, "atom.xml")])
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_atom_feed_passes_the_checks_the_w3c_validator_warns_on(feed_site):
    for path, own_url, language in feeds(feed_site, "atom.xml"):
        assert atom_problems(path.read_bytes(), own_url, language) == [], path


def test_every_rss_feed_has_what_rss_2_requires_and_no_w3c_warning(feed_site):
    for path, own_url, language in feeds(feed_site, "feed.xml"):
        assert rss_problems(path.read_bytes(), own_url, language) == [], path


def test_every_json_feed_has_what_json_feed_1_1_requires(feed_site):
    for path, own_url, language in feeds(feed_site, "feed.json"):
        assert json_feed_problems(path.read_text(encoding="utf-8"), own_url, language) == [], path


def entries_of_one_day(atom_file: Path) -> dict[str, tuple[str, str]]:
    """The fixture posts' (published, updated), by id."""
    root = etree.parse(str(atom_file)).getroot()
    return {entry.findtext(f"{ATOM}id"): (entry.findtext(f"{ATOM}published"), entry.findtext(f"{ATOM}updated"))
            for entry in root.iter(f"{ATOM}entry") if entry.findtext(f"{ATOM}published").startswith(ONE_DAY)}


def test_posts_of_one_day_have_distinct_moments_and_a_given_time_is_kept(feed_site):
    english, welsh = (entries_of_one_day(feed_site / path) for path in ("atom.xml", "cy/atom.xml"))
    assert len(english) == 3 and len({updated for _, updated in english.values()}) == 3
    timed = next(key for key in english if "datganiad-y-gweinidog" in key)
    assert english[timed] == (f"{ONE_DAY}T09:30:00+00:00", f"{ONE_DAY}T09:30:00+00:00")
    for key, (published, updated) in english.items():  # the others: early in their day, Welsh local time
        assert key == timed or re.fullmatch(rf"{ONE_DAY}T00:0\d:\d\d\+00:00", published) and updated == published
    assert sorted(welsh.values()) == sorted(english.values()), "a post has the same moments in both languages"

    rss = etree.parse(str(feed_site / "cy/feed.xml")).getroot()
    assert "Mon, 23 Nov 2026 09:30:00 +0000" in [item.findtext("pubDate") for item in rss.iter("item")]
    items = json.loads((feed_site / "feed.json").read_text(encoding="utf-8"))["items"]
    statement = next(item for item in items if "datganiad-y-gweinidog" in item["id"])
    assert statement["date_published"] == f"{ONE_DAY}T09:30:00+00:00" and "date_modified" not in statement


def test_a_post_page_gives_its_time_to_machines_and_its_day_to_readers(feed_site):
    for folder, day in (("", "23 November 2026"), ("cy/", "23 Tachwedd 2026")):
        timed = parse(feed_site / folder / "posts/datganiad-y-gweinidog/index.html")
        published = timed.cssselect(".strategy-post-meta__dates time")[0]
        assert published.get("datetime") == f"{ONE_DAY}T09:30:00+00:00" and day in published.text_content()
        untimed = parse(feed_site / folder / "posts/morning-notes/index.html")
        assert untimed.cssselect(".strategy-post-meta__dates time")[0].get("datetime") == ONE_DAY


# --- the checks themselves find what they look for ------------------------------


def test_the_checks_find_each_problem_the_w3c_validator_warns_on(feed_site, tmp_path):
    own = SITE_URL + "atom.xml"
    atom = (feed_site / "atom.xml").read_text(encoding="utf-8")
    updates = re.findall(r"<updated>([^<]+)</updated>", atom)
    broken = {
        "two entries with the same value for atom:updated": atom.replace(updates[2], updates[1]),
        "relative link": atom.replace(f'href="{SITE_URL}posts/', 'href="/posts/', 1),
        '0 links with rel="self"': atom.replace('rel="self"', 'rel="via"'),
        "not the feed's own address": atom.replace(f'href="{own}"', f'href="{SITE_URL}cy/atom.xml"'),
        "is not an RFC 3339 date-time": atom.replace(updates[1], updates[1].replace("T", " ")),
        "xml:lang is None": atom.replace(' xml:lang="en"', ""),
        "is not a valid tag: URI": atom.replace("<id>tag:", "<id>tag:spaces in a name ", 1),
        "is not an absolute URI": atom.replace("<id>tag:", "<id>post-", 1),
        "unsafe <script> in the content": atom.replace("&lt;p&gt;", "&lt;script&gt;x()&lt;/script&gt;&lt;p&gt;", 1),
    }
    for warning, text in broken.items():
        assert warning in " ".join(atom_problems(text.encode("utf-8"), own, "en")), warning

    missing_id = tmp_path / "missing-id.xml"
    missing_id.write_text(re.sub(r"<id>[^<]*:post/[^<]*</id>", "", atom, count=1))
    assert 'missing required element "id"' in jing(ATOM_SCHEMA, [missing_id]).stdout

    rss = (feed_site / "feed.xml").read_text(encoding="utf-8")
    assert "is not an RFC 822 date" in " ".join(rss_problems(rss.replace(" +0000<", " BST<").encode(), SITE_URL + "feed.xml", "en"))
    assert "not the feed's own address" in " ".join(rss_problems(rss.encode(), SITE_URL + "cy/feed.xml", "en"))
    data = json.loads((feed_site / "feed.json").read_text(encoding="utf-8"))
    data["items"][0]["alternates"] = data["items"][0].pop("_alternates")
    data["items"][1]["date_published"] = "23 November 2026"
    found = " ".join(json_feed_problems(json.dumps(data), SITE_URL + "feed.json", "en"))
    assert "unknown field 'alternates'" in found and "'23 November 2026' is not an RFC 3339 date-time" in found
