"""The strategy on the page: mission index, outcome and action tables, the delivery
plan, the well-being matrix, the archive and the series, read from the built HTML."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import jsonschema
import yaml

from conftest import FIXTURE, build, heading, parse, run_strategy, write_and_release
from strategy.exports import read_cell
from strategy.scaffold import NewPost, create_post

from strategy.yamltext import parse_yaml

PLAN = parse_yaml((FIXTURE / "data/plan.yaml").read_text(encoding="utf-8"), "data/plan.yaml")[0].data  # dates as text
STATUS = {"en": {"complete": "Complete", "in-progress": "In progress", "delayed": "Delayed", "not-started": "Not started"},
          "cy": {"complete": "Wedi'i gwblhau", "in-progress": "Ar y gweill", "delayed": "Wedi'i oedi",
                 "not-started": "Heb ddechrau"}}
PREFIX = {"en": "", "cy": "cy/"}


def words(element) -> str:
    return " ".join(element.text_content().split())


def owner_name(owner_id: str, language: str) -> str:
    return next(o["name"][language] for o in PLAN["owners"] if o["id"] == owner_id)


def test_the_home_page_shows_every_mission_under_the_vision(built_site):
    for language in ("en", "cy"):
        home = parse(built_site / PREFIX[language] / "index.html")
        cards = home.cssselect(".strategy-mission-card")
        assert [words(c.cssselect(".strategy-mission-card__title")[0]) for c in cards] == \
            [m["title"][language] for m in PLAN["missions"]]
        first = cards[0]
        assert words(first.cssselect(".strategy-mission-card__aim")[0]) == PLAN["missions"][0]["aim"][language]
        facts = [words(dd) for dd in first.cssselect("dd")]
        published = {"en": "4 November 2026", "cy": "4 Tachwedd 2026"}[language]
        progress = {"en": "1 of 2 actions complete", "cy": "1 o ddau gam gweithredu wedi'u cwblhau"}[language]
        assert facts == [published, "1", "2", progress]
        link = first.cssselect("a")[0].get("href")
        assert (built_site / PREFIX[language] / link / "index.html").is_file()


def test_each_mission_post_has_its_outcomes_and_actions_tables(built_site):
    for language in ("en", "cy"):
        for mission in PLAN["missions"]:
            page = parse(built_site / PREFIX[language] / "posts/missions" / mission["id"] / "index.html")
            outcomes, actions = page.cssselect("table.strategy-table--outcomes"), page.cssselect("table.strategy-table--actions")
            assert len(outcomes) == len(actions) == 1
            assert [words(th) for th in outcomes[0].cssselect("tbody th")] == [o["text"][language] for o in mission["outcomes"]]
            rows = [[words(cell) for cell in row] for row in actions[0].cssselect("tbody tr")]
            assert [th.text for th in actions[0].cssselect("tbody th")] == [a["text"][language] for a in mission["actions"]]
            assert [row[1] for row in rows] == [owner_name(a["owner"], language) for a in mission["actions"]]
            assert [row[3] for row in rows] == [STATUS[language][a["status"]] for a in mission["actions"]]


def test_tables_follow_the_post_text_unless_a_marker_places_them(site_copy, tmp_path):
    post = site_copy / "docs/cy/posts/missions/digital-skills.md"
    text = post.read_text()
    post.write_text(text.replace("## Beth fyddwn ni'n ei wneud", "<!-- strategy:actions -->\n\n## Beth fyddwn ni'n ei wneud"))
    assert build(site_copy, tmp_path / "site").returncode == 0

    page = parse(tmp_path / "site/cy/posts/missions/digital-skills/index.html")
    headings = [heading_text(h) for h in page.cssselect(".md-content h2")]
    assert headings == ["Pam mae hyn yn bwysig", "Camau gweithredu", "Beth fyddwn ni'n ei wneud", "Canlyniadau",
                        "Dweud eich dweud"]
    english = parse(tmp_path / "site/posts/missions/digital-skills/index.html")
    assert [heading_text(h) for h in english.cssselect(".md-content h2")] == \
        ["Why this matters", "What we will do", "Outcomes", "Actions", "Have your say"]


def heading_text(h) -> str:
    for permalink in h.cssselect(".headerlink"):
        permalink.drop_tree()
    return words(h)


def test_the_delivery_plan_lists_every_action_with_a_described_chart_per_mission(built_site):
    for language in ("en", "cy"):
        page = parse(built_site / PREFIX[language] / "delivery-plan/index.html")
        tables = page.cssselect("table.strategy-table--actions")
        assert len(tables) == len(PLAN["missions"])
        for mission, table in zip(PLAN["missions"], tables):
            assert [row.get("data-owner") for row in table.cssselect("tbody tr")] == [a["owner"] for a in mission["actions"]]
            assert [row.get("data-status") for row in table.cssselect("tbody tr")] == [a["status"] for a in mission["actions"]]
        charts = page.cssselect("svg.strategy-chart")
        assert len(charts) == len(PLAN["missions"])
        first = PLAN["missions"][0]
        description = charts[0].find("{http://www.w3.org/2000/svg}desc")
        description = description if description is not None else charts[0].find("desc")
        complete = sum(a["status"] == "complete" for a in first["actions"])
        assert f"{STATUS[language]['complete']}: {complete}" in description.text
        assert charts[0].get("role") == "img" and charts[0].get("aria-labelledby")
        legend = words(page.cssselect(".strategy-chart__legend")[0])
        assert f"{STATUS[language]['complete']}: {complete}" in legend
        # Filters are an enhancement: hidden until the script shows them.
        assert page.cssselect("form.strategy-filter")[0].get("hidden") is not None


def test_the_wellbeing_matrix_marks_each_missions_goals_and_ways_of_working(built_site):
    goals_header = {"en": "A Wales of vibrant culture and thriving Welsh language",
                    "cy": "Cymru â diwylliant bywiog lle mae'r Gymraeg yn ffynnu"}
    for language, yes in (("en", "Yes"), ("cy", "Ydy")):
        page = parse(built_site / PREFIX[language] / "wellbeing/index.html")
        goals, ways = page.cssselect("table.strategy-table--matrix")
        headers = [words(th) for th in goals.cssselect("thead th")]
        assert len(headers) == 8 and goals_header[language] in headers
        order = ["prosperous", "resilient", "healthier", "more-equal", "cohesive-communities", "vibrant-culture",
                 "globally-responsible"]
        for mission, row in zip(PLAN["missions"], goals.cssselect("tbody tr")):
            marked = [key for key, cell in zip(order, row.cssselect("td")) if words(cell) == f"●{yes}"]
            assert marked == [key for key in order if key in mission["wellbeing_goals"]]
        assert len(ways.cssselect("thead th")) == 6


def test_the_series_is_numbered_with_previous_and_next_links(built_site):
    page = parse(built_site / "cy/posts/missions/digital-inclusion/index.html")
    nav = page.cssselect("nav.strategy-series-nav")[0]
    assert "Rhan 3 o 7" in words(nav)
    previous, following = nav.cssselect("a[rel=prev]")[0], nav.cssselect("a[rel=next]")[0]
    assert words(previous) == "Blaenorol Gwasanaethau digidol"
    assert words(following) == "Nesaf Sgiliau digidol"
    here = built_site / "cy/posts/missions/digital-inclusion"
    assert (here / previous.get("href") / "index.html").resolve() == built_site / "cy/posts/missions/digital-services/index.html"
    first = parse(built_site / "posts/setting-the-context/index.html").cssselect("nav.strategy-series-nav")[0]
    assert "Part 1 of 7" in words(first) and not first.cssselect("a[rel=prev]")
    assert not parse(built_site / "posts/showcase/community-digital-champions/index.html").cssselect("nav.strategy-series-nav")


def test_the_archive_lists_every_post_newest_first(built_site):
    for language, first in (("en", "Online workshop on the draft strategy"), ("cy", "Gweithdy ar-lein ar y strategaeth ddrafft")):
        page = parse(built_site / PREFIX[language] / "archive/index.html")
        titles = [words(h) for h in page.cssselect(".strategy-archive__title")]
        assert len(titles) == 10 and titles[0] == first  # the draft left out
        dates = [t.get("datetime") for t in page.cssselect(".strategy-archive time")]
        assert dates == sorted(dates, reverse=True)
        assert not page.cssselect(".strategy-pagination")


def test_a_long_archive_is_split_into_pages_in_both_languages(site_copy, tmp_path):
    # Started as `make post` starts them (its own test runs the command: tests/test_scaffold.py).
    for number in range(25):
        create_post(site_copy, NewPost(kind="series", titles={"en": f"Update {number}", "cy": f"Diweddariad {number}"},
                                       published=date(2026, 10, number + 1)), today=date(2026, 11, 25))
        write_and_release(site_copy, f"posts/update-{number}.md")
    assert build(site_copy, tmp_path / "site").returncode == 0

    site = tmp_path / "site"
    first, second = parse(site / "cy/archive/index.html"), parse(site / "cy/archive/page/2/index.html")
    assert len(first.cssselect(".strategy-archive__item")) == 20
    assert len(second.cssselect(".strategy-archive__item")) == 35 - 20
    assert words(second.cssselect(".strategy-pagination [aria-current=page]")[0]) == "Tudalen 2 o 2"
    older = first.cssselect(".strategy-pagination a[rel=next]")[0]
    assert (site / "cy/archive" / older.get("href") / "index.html").resolve() == site / "cy/archive/page/2/index.html"
    switch = {a.get("hreflang"): a.get("href") for a in second.cssselect("a.strategy-language-switch__link")}
    assert (site / "cy/archive/page/2" / switch["en"] / "index.html").resolve() == site / "archive/page/2/index.html"
    assert parse(site / "archive/page/2/index.html").get("lang") == "en"
    # ...and shared like the first, with a picture of its own in its language.
    for folder, title in (("", "All posts (Page 2 of 2)"), ("cy/", "Pob cofnod (Tudalen 2 o 2)")):
        page = parse(site / folder / "archive/page/2/index.html")
        [image] = [m.get("content") for m in page.cssselect('meta[property="og:image"]')]
        assert image == f"https://plan.council.example/{folder}archive/page/2/social.png"
        assert [m.get("content") for m in page.cssselect('meta[property="og:title"]')] == [title]
        assert (site / folder / "archive/page/2/social.png").is_file()


def test_drafts_and_scheduled_posts_appear_only_in_a_preview(site_copy, tmp_path):
    skills = site_copy / "docs/en/posts/missions/digital-skills.md"
    skills.write_text(skills.read_text().replace("date: 2026-11-10\n", "date: 2026-11-10\ndraft: true\n"))
    showcase = site_copy / "docs/en/posts/showcase/community-digital-champions.md"
    showcase.write_text(showcase.read_text().replace("date: 2026-11-19", "date: 2026-12-01"))

    assert build(site_copy, tmp_path / "site").returncode == 0
    site = tmp_path / "site"
    for prefix in ("", "cy/"):
        assert not (site / prefix / "posts/missions/digital-skills").exists()
        assert not (site / prefix / "posts/showcase/community-digital-champions").exists()
        archive = words(parse(site / prefix / "archive/index.html"))
        assert "Digital skills" not in archive and "Sgiliau digidol" not in archive
        card = parse(site / prefix / "index.html").cssselect("#mission-digital-skills")[0]
        assert not card.cssselect("a") and ("Coming soon" in words(card) or "Yn fuan" in words(card))
    assert "Part 3 of 6" in words(parse(site / "posts/missions/digital-inclusion/index.html").cssselect(".strategy-series-nav")[0])

    assert build(site_copy, tmp_path / "preview", preview=True).returncode == 0
    preview = tmp_path / "preview"
    notice = parse(preview / "cy/posts/showcase/community-digital-champions/index.html").cssselect(".strategy-preview-notice")
    assert "1 Rhagfyr 2026" in words(notice[0])
    assert parse(preview / "posts/missions/digital-skills/index.html").cssselect(".strategy-preview-notice")


HOSTILE = "Dig | ital <script>alert('x')</script> & *bold* [link](https://example.org) `code` ~~gone~~ # not a heading"


def test_hostile_text_stays_plain_text_everywhere(site_copy, tmp_path):
    plan = yaml.safe_load((site_copy / "data/plan.yaml").read_text())
    plan["missions"][0]["title"]["en"] = HOSTILE
    plan["missions"][0]["actions"][0]["text"]["cy"] = HOSTILE
    owner = next(o for o in plan["owners"] if o["id"] == plan["missions"][0]["actions"][0]["owner"])
    owner["name"]["en"] = "=HYPERLINK(\"https://example.org\") " + HOSTILE
    (site_copy / "data/plan.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))
    post = site_copy / "docs/en/posts/setting-the-context.md"
    post.write_text(post.read_text().replace("title: Setting the context", f'title: "{HOSTILE}"'.replace("'", "''").replace('"', "'", 1)[:-1] + "'"))
    assert run_strategy(site_copy, "check").returncode == 0
    assert build(site_copy, tmp_path / "site").returncode == 0
    site = tmp_path / "site"

    pages = [site / "index.html", site / "posts/missions/digital-services/index.html", site / "delivery-plan/index.html",
             site / "wellbeing/index.html", site / "archive/index.html", site / "cy/delivery-plan/index.html",
             site / "cy/posts/missions/digital-services/index.html", site / "posts/missions/digital-inclusion/index.html"]
    generated = ".strategy-missions, .strategy-table-wrap, .strategy-archive, .md-content h2, .strategy-series-nav, .strategy-progress"
    for path in pages:
        for block in parse(path).cssselect(generated):
            assert not list(block.iter("script")), path
            assert not block.cssselect("strong, em, del, a[href='https://example.org']"), path
            assert not [code for code in block.iter("code") if code.text == "code"], path
    card = parse(site / "index.html").cssselect("#mission-digital-services .strategy-mission-card__title")[0]
    assert words(card) == " ".join(HOSTILE.split())
    plan_page = parse(site / "delivery-plan/index.html")
    assert f"Mission 1: {' '.join(HOSTILE.split())}" in [heading_text(h) for h in plan_page.cssselect("h2")]
    welsh_row = parse(site / "cy/delivery-plan/index.html").cssselect("table.strategy-table--actions tbody th")[0]
    assert words(welsh_row).startswith(" ".join(HOSTILE.split()))
    archive_titles = [words(h) for h in parse(site / "archive/index.html").cssselect(".strategy-archive__title")]
    assert " ".join(HOSTILE.split()) in archive_titles
    series_link = parse(site / "posts/missions/digital-services/index.html").cssselect(".strategy-series-nav a[rel=prev]")[0]
    assert words(series_link) == "Previous " + " ".join(HOSTILE.split())

    exported = json.loads((site / "data/delivery-plan.json").read_text())
    assert exported["missions"][0]["title"]["en"] == HOSTILE
    rows = list(csv.DictReader(io.StringIO((site / "data/delivery-plan.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0]["mission_title_en"] == HOSTILE and rows[0]["action_cy"] == HOSTILE
    assert rows[0]["owner_en"].startswith("'=HYPERLINK"), "a formula must not run in a spreadsheet"
    assert read_cell(rows[0]["owner_en"]) == owner["name"]["en"]


def without_translation_records(value):
    """The plan as published: which source text each translation was made from is the editors' bookkeeping."""
    if isinstance(value, dict):
        return {key: without_translation_records(item) for key, item in value.items()
                if key not in ("source_hash", "translated_from")}
    return [without_translation_records(item) for item in value] if isinstance(value, list) else value


def test_the_exports_round_trip_to_the_plan(built_site):
    exported = json.loads((built_site / "data/delivery-plan.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "data/delivery-plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(exported, schema, format_checker=jsonschema.FormatChecker())
    plan = without_translation_records(PLAN)

    assert exported["owners"] == plan["owners"]
    for number, (mission, source) in enumerate(zip(exported["missions"], plan["missions"]), start=1):
        assert mission.pop("number") == number
        for action in source["actions"]:
            action.setdefault("progress", [])
        assert mission == source

    rows = list(csv.DictReader(io.StringIO((built_site / "data/delivery-plan.csv").read_text(encoding="utf-8-sig"), newline="")))
    expected = [
        (m["id"], m["title"]["en"], m["title"]["cy"], a["id"], a["text"]["en"], a["text"]["cy"], a["owner"],
         owner_name(a["owner"], "en"), owner_name(a["owner"], "cy"), a["timescale"], a["status"],
         a["outcomes"], a["updated"])
        for m in PLAN["missions"] for a in m["actions"]
    ]
    found = [
        tuple(read_cell(row[c]) for c in ("mission_id", "mission_title_en", "mission_title_cy", "action_id", "action_en",
                                           "action_cy", "owner_id", "owner_en", "owner_cy", "timescale", "status"))
        + (row["outcome_ids"].split(), row["updated"])
        for row in rows
    ]
    assert found == expected


def test_the_delivery_plan_links_its_open_data_in_both_languages(built_site):
    for language in ("en", "cy"):
        page_dir = built_site / PREFIX[language] / "delivery-plan"
        links = [a.get("href") for a in parse(page_dir / "index.html").cssselect(".strategy-open-data a")]
        assert [(page_dir / link).resolve() for link in links] == [
            built_site / "data/delivery-plan.json", built_site / "data/delivery-plan.csv",
            built_site / "data/delivery-plan.schema.json"]


def test_a_published_page_may_not_link_to_a_draft(site_copy, tmp_path):
    context = site_copy / "docs/en/posts/setting-the-context.md"
    context.write_text(context.read_text().replace("date: 2026-11-02", "date: 2026-11-02\ndraft: true"))

    result = build(site_copy, tmp_path / "site")

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert ("docs/en/index.md:14: file: expected links only to published posts, found a link to "
            "posts/setting-the-context.md, which is a draft and not published in this build") in output
    assert "docs/cy/index.md:15: file: expected links only to published posts" in output
    assert build(site_copy, tmp_path / "preview", preview=True).returncode == 0
