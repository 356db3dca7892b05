"""The plan-updates feed, read from the built site as a feed reader and a subscriber meet it:
an entry for each action and day with progress notes or a change of status, each note
once, in RSS, Atom and JSON Feed in both languages, valid, with its text escaped, ids and
moments that hold from build to build; linked from the subscribe page and the progress pages."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from conftest import build, copy_site_sources, parse
from feed_checks import ATOM, ATOM_SCHEMA, atom_problems, jing, json_feed_problems, rss_problems

SITE_URL = "https://plan.council.example/"
PREFIX = {"en": "", "cy": "cy/"}
# A note an editor might write, with characters each format must escape.
TRICKY = {"en": 'Costs <under> £5 & "fair" for <script>alert(1)</script> users',
          "cy": 'Costau <dan> £5 & "teg" i <script>alert(1)</script> ddefnyddwyr'}


def add_notes(root: Path) -> None:
    """Two editors' notes of 23 November: the champions' (a note, no change of status) and
    the councils' teams starting (a change of status, with the note above)."""
    plan = root / "data/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    champions = "source_hash: 42089e52b89d}\n"
    text = text.replace(champions, champions +
                        "          - date: 2026-11-23\n"
                        "            note: {en: Forty champions are trained., cy: Mae deugain hyrwyddwr wedi'u hyfforddi.}\n", 1)
    teams = "        status: not-started\n        outcomes: [ds-standards]\n        updated: 2026-08-01\n"
    assert teams in text
    text = text.replace(teams, "        status: in-progress\n        outcomes: [ds-standards]\n        updated: 2026-11-23\n"
                        "        progress:\n"
                        "          - date: 2026-11-23\n"
                        f"            note: {{en: '{TRICKY['en']}', cy: '{TRICKY['cy']}'}}\n"
                        "            status: in-progress\n")
    plan.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def updated_site(tmp_path_factory) -> Path:
    root = copy_site_sources(tmp_path_factory.mktemp("plan-feed") / "repo")
    add_notes(root)
    site = root.parent / "site"
    result = build(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def atom_entries(site: Path, language: str) -> list[dict]:
    root = etree.parse(str(site / PREFIX[language] / "progress/atom.xml")).getroot()
    return [{"id": entry.findtext(f"{ATOM}id"), "title": entry.findtext(f"{ATOM}title"),
             "updated": entry.findtext(f"{ATOM}updated"), "link": entry.find(f"{ATOM}link").get("href"),
             "content": entry.findtext(f"{ATOM}content")} for entry in root.iter(f"{ATOM}entry")]


@pytest.mark.parametrize("language", PREFIX)
def test_each_note_and_change_of_status_is_an_entry_carrying_each_note_once(updated_site, language):
    entries = atom_entries(updated_site, language)
    rss = etree.parse(str(updated_site / PREFIX[language] / "progress/feed.xml")).getroot()
    items = json.loads((updated_site / PREFIX[language] / "progress/feed.json").read_text(encoding="utf-8"))["items"]
    # The fixture's eight days of history and the two new notes' entries, newest first, alike in each format.
    assert len(entries) == len(items) == len(rss.findall("channel/item")) == 10
    assert [entry["id"] for entry in entries] == [item["id"] for item in items] == [
        item.findtext("guid") for item in rss.iter("item")]
    assert len({entry["id"] for entry in entries}) == 10
    newest = {entry["id"].split(":")[-1]: entry for entry in entries[:2]}
    started = newest[f"plan-update/ds-service-teams/2026-11-23/{language}"]
    held = newest[f"plan-update/di-community-champions/2026-11-23/{language}"]
    assert started["title"] == {"en": "In progress: Build service teams in councils.",
                                "cy": "Ar y gweill: Adeiladu timau gwasanaeth mewn cynghorau."}[language]
    assert held["title"] == {"en": "Progress: Train champions in libraries and community groups.",
                             "cy": "Cynnydd: Hyfforddi hyrwyddwyr mewn llyfrgelloedd a grwpiau cymunedol."}[language]
    assert {"en": "Not started → In progress", "cy": "Heb ddechrau → Ar y gweill"}[language] in started["content"]
    # Each entry leads to the report of its period, in its language.
    assert started["link"] == f"{SITE_URL}{PREFIX[language]}progress/2026-q4/"
    # Every note of the plan is in exactly one entry, in every format.
    forty = {"en": "Forty champions are trained.", "cy": "Mae deugain hyrwyddwr wedi'u hyfforddi."}[language]
    for note in (forty, TRICKY[language], {"en": "The devices are late from the supplier.",
                                          "cy": "Mae'r dyfeisiau'n hwyr gan y cyflenwr."}[language]):
        assert sum(note in text_of(entry["content"]) for entry in entries) == 1, note
        assert sum(note in text_of(item["content_html"]) for item in items) == 1, note
        assert sum(note in text_of(item.findtext("description")) for item in rss.iter("item")) == 1, note


def text_of(html: str) -> str:
    """What a feed reader shows of an entry's HTML content."""
    return lxml.html.fragment_fromstring(html, create_parent="div").text_content()


def test_an_editors_markup_characters_are_text_in_every_format(updated_site):
    entry = next(e for e in atom_entries(updated_site, "en") if "ds-service-teams/2026-11-23" in e["id"])
    content = lxml.html.fragment_fromstring(entry["content"], create_parent="div")
    assert not content.cssselect("script, under")  # the note's "tags" are not markup
    assert TRICKY["en"] in content.text_content()
    item = next(i for i in json.loads((updated_site / "progress/feed.json").read_text(encoding="utf-8"))["items"]
                if "ds-service-teams/2026-11-23" in i["id"])
    assert item["summary"] == TRICKY["en"]  # plain text, as written


def test_the_plan_updates_feeds_are_valid(updated_site):
    atoms = [updated_site / PREFIX[language] / "progress/atom.xml" for language in PREFIX]
    result = jing(ATOM_SCHEMA, atoms)
    assert result.returncode == 0, result.stdout + result.stderr
    for language in PREFIX:
        folder = updated_site / PREFIX[language] / "progress"
        own = f"{SITE_URL}{PREFIX[language]}progress/"
        assert atom_problems((folder / "atom.xml").read_bytes(), own + "atom.xml", language) == []
        assert rss_problems((folder / "feed.xml").read_bytes(), own + "feed.xml", language) == []
        assert json_feed_problems((folder / "feed.json").read_text(encoding="utf-8"), own + "feed.json", language) == []


def test_entries_keep_their_ids_and_moments_when_the_plan_moves_on(built_site, updated_site):
    # The fixture as it was, then with two more notes: what a subscriber already has stays as it was.
    for language in PREFIX:
        before = {entry["id"]: entry["updated"] for entry in atom_entries(built_site, language)}
        after = {entry["id"]: entry["updated"] for entry in atom_entries(updated_site, language)}
        assert before and {key: after.get(key) for key in before} == before
        assert len(after) == len(before) + 2


@pytest.mark.parametrize("language", PREFIX)
def test_the_subscribe_page_and_the_progress_pages_lead_to_the_feed(built_site, language):
    subscribe = parse(built_site / PREFIX[language] / "subscribe/index.html")
    row = subscribe.cssselect("tr#feed-plan-updates")[0]
    assert row.cssselect("th")[0].text_content() == {"en": "Plan updates", "cy": "Diweddariadau'r cynllun"}[language]
    addresses = [code.text_content() for code in row.cssselect("code")]
    assert addresses == [f"{SITE_URL}{PREFIX[language]}progress/{name}" for name in ("feed.xml", "atom.xml", "feed.json")]
    for page in ("progress/index.html", "progress/2026-q4/index.html"):
        html = parse(built_site / PREFIX[language] / page)
        link = html.cssselect(".strategy-plan-updates a")[0]
        assert link.get("href").endswith("subscribe/#feed-plan-updates")
        announced = [(link.get("type"), link.get("href")) for link in html.cssselect('head link[rel="alternate"][type]')]
        folder = "../" if "2026-q4" in page else ""
        assert ("application/atom+xml", f"{folder}atom.xml") in announced
    plan = parse(built_site / PREFIX[language] / "delivery-plan/index.html")
    assert "../progress/feed.xml" in [link.get("href") for link in plan.cssselect('head link[rel="alternate"][type]')]
