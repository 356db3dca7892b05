"""Taking part: have your say, the consultation window, events and their calendar, case studies."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from icalendar import Calendar

from conftest import build, parse

SAY = ".strategy-say"


def words(element) -> str:
    return " ".join(element.text_content().split())


def say(site: Path, page: str):
    return parse(site / page / "index.html").cssselect(SAY)[0]


def set_consultation(root: Path, **values: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text()
    for key, value in values.items():
        text = re.sub(rf"(?m)^(\s+)#? ?{key}: .*$", rf"\g<1>{key}: {value}", text)
    config.write_text(text)


def test_while_open_every_mission_and_the_home_page_invite_responses_in_the_readers_language(built_site):
    for prefix, closes in (("", "29 January 2027 at 17:00"), ("cy/", "29 Ionawr 2027 am 17:00")):
        for page in (prefix, f"{prefix}posts/missions/digital-economy/"):
            box = say(built_site, page)
            assert "strategy-say--open" in box.get("class")
            assert closes in words(box)
            assert box.cssselect("a[href^=mailto]") and box.cssselect("a[href^='https://forms.']")
            assert box.cssselect("address")
    english = say(built_site, "posts/missions/digital-economy/").cssselect("a[href^=mailto]")[0].get("href")
    assert unquote(urlsplit(english).query) == "subject=Digital strategy: Mission 4: Digital economy (English)"
    welsh = say(built_site, "cy/").cssselect("a[href^=mailto]")[0].get("href")
    assert unquote(urlsplit(welsh).query) == "subject=Strategaeth ddigidol: y cynllun cyfan (Cymraeg)"  # the fixture's wording (strings.yml)


def test_before_the_window_opens_the_pages_say_when_it_will(site_copy, tmp_path):
    set_consultation(site_copy, opens="2026-12-01T09:00")
    assert build(site_copy, tmp_path / "site").returncode == 0
    english, welsh = say(tmp_path / "site", ""), say(tmp_path / "site", "cy/posts/missions/digital-skills/")
    assert words(english) == "Comments open on 1 December 2026 at 09:00 and close on 29 January 2027 at 17:00."
    assert words(welsh) == ("Bydd y cyfnod sylwadau'n agor ar 1 Rhagfyr 2026 am 09:00 ac yn cau ar "
                            "29 Ionawr 2027 am 17:00.")
    assert not english.cssselect("a[href^=mailto]")


def test_the_window_closes_at_the_minute_set_and_then_the_pages_say_what_happens(site_copy, tmp_path):
    assert build(site_copy, tmp_path / "before", build_date="2027-01-29T16:59").returncode == 0
    assert "strategy-say--open" in say(tmp_path / "before", "").get("class")

    assert build(site_copy, tmp_path / "after", build_date="2027-01-29T17:00").returncode == 0
    assert words(say(tmp_path / "after", "")) == "The consultation closed on 29 January 2027 at 17:00. We are analysing your feedback."
    assert words(say(tmp_path / "after", "cy/posts/missions/digital-skills/")) == \
        "Daeth yr ymgynghoriad i ben ar 29 Ionawr 2027 am 17:00. Rydyn ni'n dadansoddi eich adborth."

    set_consultation(site_copy, response_url="https://www.example.gov.wales/digital-strategy-response")
    assert build(site_copy, tmp_path / "responded", build_date="2027-03-01").returncode == 0
    welsh = say(tmp_path / "responded", "cy/")
    assert "Diolch i bawb a ymatebodd" in words(welsh)
    link = welsh.cssselect("a")[0]
    assert (words(link), link.get("href")) == ("Darllen ein hymateb i'r ymgynghoriad",
                                               "https://www.example.gov.wales/digital-strategy-response")


def test_a_mailto_subject_keeps_welsh_letters(site_copy, tmp_path):
    plan = site_copy / "data/plan.yaml"
    plan.write_text(plan.read_text().replace("cy: Economi ddigidol", "cy: Economi â ŵ ŷ", 1))
    assert build(site_copy, tmp_path / "site").returncode == 0
    href = say(tmp_path / "site", "cy/posts/missions/digital-economy/").cssselect("a[href^=mailto]")[0].get("href")
    assert "%C3%A2%20%C5%B5%20%C5%B7" in href  # â ŵ ŷ as UTF-8, percent-encoded
    assert unquote(urlsplit(href).query) == "subject=Strategaeth ddigidol: Cenhadaeth 4: Economi â ŵ ŷ (Cymraeg)"


def test_you_said_we_did_appears_on_the_mission_in_both_languages(built_site):
    english = parse(built_site / "posts/missions/digital-inclusion/index.html").cssselect("table.strategy-table--feedback")
    welsh = parse(built_site / "cy/posts/missions/digital-inclusion/index.html").cssselect("table.strategy-table--feedback")
    assert len(english[0].cssselect("tbody tr")) == len(welsh[0].cssselect("tbody tr")) == 2
    assert [words(th) for th in welsh[0].cssselect("thead th")] == ["Dywedoch chi", "Gwnaethon ni"]
    assert not parse(built_site / "posts/missions/digital-skills/index.html").cssselect("table.strategy-table--feedback")


CLOCK_CHANGE_EVENT = """---
kind: event
id: spring-forward-drop-in
title: Drop-in on the night the clocks change
summary: A late drop-in.
date: 2026-11-21
start: 2027-03-28T00:30
end: 2027-03-28T03:30
location: Aberystwyth Library
booking_url: https://events.example.org/drop-in
---

Text.
"""
CLOCK_CHANGE_TWIN = """---
translated_from: en
title: Sesiwn galw heibio ar noson newid y clociau
summary: Sesiwn galw heibio hwyr.
location: Llyfrgell Aberystwyth
---

Testun.
"""


def read_calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_the_calendars_have_one_event_each_at_the_right_times_with_stable_uids(site_copy, tmp_path):
    (site_copy / "docs/en/posts/events/spring-forward-drop-in.md").write_text(CLOCK_CHANGE_EVENT)
    (site_copy / "docs/cy/posts/events/spring-forward-drop-in.md").write_text(CLOCK_CHANGE_TWIN)
    assert build(site_copy, tmp_path / "one").returncode == 0
    assert build(site_copy, tmp_path / "two").returncode == 0

    for language in ("", "cy/"):
        calendar = read_calendar(tmp_path / "one" / language / "events.ics")
        events = calendar.walk("VEVENT")
        assert len(events) == 2
        assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/London"
        drop_in = next(e for e in events if "spring-forward" in str(e["UID"]))
        # 00:30 is still GMT; by 03:30 the clocks have gone forward to BST.
        assert drop_in.decoded("DTSTART").astimezone(timezone.utc) == datetime(2027, 3, 28, 0, 30, tzinfo=timezone.utc)
        assert drop_in.decoded("DTEND").astimezone(timezone.utc) == datetime(2027, 3, 28, 2, 30, tzinfo=timezone.utc)
        workshop = next(e for e in events if "draft-strategy-workshop" in str(e["UID"]))
        assert workshop.decoded("DTSTART").astimezone(timezone.utc) == datetime(2026, 12, 8, 10, 0, tzinfo=timezone.utc)
        assert (tmp_path / "one" / language / "events.ics").read_bytes() == (tmp_path / "two" / language / "events.ics").read_bytes()
    welsh = read_calendar(tmp_path / "one/cy/events.ics")
    assert {str(e["SUMMARY"]) for e in welsh.walk("VEVENT")} == {"Sesiwn galw heibio ar noson newid y clociau",
                                                                "Gweithdy ar-lein ar y strategaeth ddrafft"}
    english_uids = {str(e["UID"]) for e in read_calendar(tmp_path / "one/events.ics").walk("VEVENT")}
    assert english_uids == {"draft-strategy-workshop-en@plan.council.example",
                            "spring-forward-drop-in-en@plan.council.example"}


def test_the_events_page_lists_upcoming_and_past_events_as_of_the_build(site_copy, tmp_path):
    assert build(site_copy, tmp_path / "december", build_date="2026-12-01").returncode == 0
    page = parse(tmp_path / "december/cy/events/index.html")
    assert [words(a) for a in page.cssselect("#upcoming ~ ul.strategy-events h3 a")] == ["Gweithdy ar-lein ar y strategaeth ddrafft"]
    assert not page.cssselect("#past")
    assert build(site_copy, tmp_path / "january", build_date="2027-01-10").returncode == 0
    page = parse(tmp_path / "january/events/index.html")
    assert words(page.cssselect("#upcoming ~ p")[0]) == "There are no upcoming events at the moment."
    assert [words(a) for a in page.cssselect("#past ~ ul.strategy-events h3 a")] == ["Online workshop on the draft strategy"]
    calendar_link = page.cssselect("a[type='text/calendar']")[0].get("href")
    assert (tmp_path / "january/events" / calendar_link).resolve() == (tmp_path / "january/events.ics")


def test_event_pages_carry_schema_org_event_data(built_site):
    for prefix, language, name in (("", "en", "Online workshop on the draft strategy"),
                                   ("cy/", "cy", "Gweithdy ar-lein ar y strategaeth ddrafft")):
        page = parse(built_site / prefix / "posts/events/draft-strategy-workshop/index.html")
        data = json.loads(page.cssselect('script[type="application/ld+json"]')[0].text)
        assert data["@type"] == "Event" and data["name"] == name
        assert data["startDate"] == "2026-12-08T10:00:00+00:00" and data["endDate"] == "2026-12-08T11:30:00+00:00"
        assert data["location"] == {"@type": "VirtualLocation", "url": "https://events.example.org/draft-strategy-workshop"}
        assert data["inLanguage"] == language


def test_the_case_studies_page_lists_each_case_study_under_its_mission(built_site):
    page = parse(built_site / "cy/showcase/index.html")
    listed = page.cssselect("#digital-inclusion ~ ul.strategy-showcase a")
    assert [words(a) for a in listed][:1] == ["Helpu pobl i fynd ar-lein yn eu cymuned eu hunain"]
    assert words(page.cssselect("#digital-services ~ p")[0]) == "Dim astudiaethau achos ar gyfer y genhadaeth hon eto."
