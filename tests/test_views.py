"""The generated blocks without a build: the views the core makes of a small model of
its own, the templates that print them, and where the markup goes in a page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import jinja2
import lxml.html
import pytest

from conftest import REPO
from strategy import list_views, plan_views
from strategy.blocks import UnknownMarker, place_blocks, restore_blocks, template_name
from strategy.catalogue import translator
from strategy.charts import CHART_WIDTH, progress_bars
from strategy.consultation import WALES, Consultation
from strategy.exports import plan_as_data
from strategy.model import Action, Content, Event, Mission, Outcome, Owner, Plan, Post, ProgressNote, Text
from strategy.plan_diff import EarlierPlan
from strategy.proofing_report import FileTotals, ProofingTotals
from strategy.publication import Publication
from strategy.urls import SiteAddresses
from strategy.views_common import Page
from strategy.events.theme_templates import _markdown_inline

BUILD_MOMENT = datetime(2026, 11, 25, 12, 0, tzinfo=WALES)
TRICKY = "Data & <script>alert(1)</script> *bold* [link](x) {#id}"


def text(value: str) -> Text:
    return Text(en=value, cy=f"{value} (cy)")


OWNER = Owner("cdps", text("Centre for Digital Public Services"))


def action(number: int, status: str, outcomes: tuple[str, ...], progress=()) -> Action:
    return Action(f"a{number}", text(f"Action {number}"), OWNER, "short", status, outcomes, date(2026, 10, number),
                  tuple(progress))


SERVICES = Mission(
    "services", 1, text(TRICKY), text("Better services"), ("prosperous",), ("long-term",),
    (Outcome("o1", text("Faster services")), Outcome("o2", text("Services in Welsh"))),
    (action(1, "complete", ("o1",)),
     action(2, "in-progress", ("o1", "o2"), [ProgressNote(date(2026, 9, 1), text("Older note")),
                                            ProgressNote(date(2026, 10, 1), text("Latest note"))]),
     action(3, "not-started", ("o1",))),
)
SKILLS = Mission("skills", 2, text("Skills"), text("Skills for all"), (), ("prevention",), (), ())


def post(path: str, kind: str, day: date, **fields) -> Post:
    return Post(path=path, kind=kind, source_language="en", title=text(fields.pop("title", path)),
                summary=text("Summary"), body=text("Body"), id=path.split("/")[-1][:-3], date=day, **fields)


def event(path: str, start: datetime) -> Post:
    return post(path, "event", date(2026, 10, 1),
                event=Event(start, start.replace(hour=start.hour + 1), text("Online")))


def publication(posts=(), consultation=None) -> Publication:
    content = Content(plan=Plan((OWNER,), (SERVICES, SKILLS)), entries=tuple(posts))
    return Publication(content, BUILD_MOMENT, preview=False,
                       addresses=SiteAddresses.from_settings("https://example.org/"), consultation=consultation)


MISSION_POST = post("posts/missions/services.md", "mission", date(2026, 11, 2), mission_id="services")


def page_at(url: str, posts=(MISSION_POST,), language="en", on=None, **options) -> Page:
    return Page(publication(posts, **options), language, url, on)


# --- the views --------------------------------------------------------------------


def test_mission_cards_link_published_missions_and_say_when_in_the_pages_language():
    cards = plan_views.mission_index(page_at("cy/", language="cy"))["missions"]
    assert [(c.mission.number, c.mission.href) for c in cards] == [(1, "posts/missions/services/"), (2, None)]
    assert (cards[0].published.iso, cards[0].published.text) == ("2026-11-02", "2 Tachwedd 2026")
    assert (cards[0].outcomes, cards[0].actions, cards[0].complete) == (2, 3, 1)
    assert cards[1].published is None  # "coming soon"


def test_each_outcome_counts_the_actions_towards_it():
    view = plan_views.outcomes(page_at("posts/missions/services/", on=MISSION_POST))
    assert [(row.number, row.text, row.actions) for row in view["outcomes"]] == [
        (1, "Faster services", 3), (2, "Services in Welsh", 1)]


def test_an_action_shows_its_latest_progress_note_only():
    rows = plan_views.actions(page_at("posts/missions/services/", on=MISSION_POST))["actions"]
    assert [row.latest_note for row in rows] == [None, "Latest note", None]
    assert rows[1].latest_note_date.text == "1 October 2026"


def test_the_progress_bars_fill_the_chart_and_leave_out_empty_statuses():
    bars = progress_bars({"complete": 1, "in-progress": 2, "delayed": 0, "not-started": 1})
    assert [status for status, _, _ in bars] == ["complete", "in-progress", "not-started"]
    assert [round(x, 2) for _, x, _ in bars] == [0, 75, 225]
    assert sum(width for _, _, width in bars) == pytest.approx(CHART_WIDTH)


def test_the_archive_pages_link_to_the_pages_either_side():
    posts = [post(f"posts/p{n:02}.md", "series", date(2026, 1 + n // 28, 1 + n % 28)) for n in range(45)]
    first, second, last = (list_views.archive(page_at(url, posts), n)
                           for n, url in ((1, "archive/"), (2, "archive/page/2/"), (3, "archive/page/3/")))
    assert [len(v["posts"]) for v in (first, second, last)] == [20, 20, 5]
    assert first["posts"][0].title == "posts/p44.md"  # newest first
    assert (first["newer"], first["older"]) == (None, "page/2/")
    assert (second["newer"], second["older"]) == ("../../", "../3/")
    assert (last["pages"], last["older"]) == (3, None)


def test_events_are_upcoming_or_past_as_of_the_build():
    past, soon, later = (event("posts/events/past.md", datetime(2026, 11, 20, 10)),
                         event("posts/events/soon.md", datetime(2026, 12, 1, 10)),
                         event("posts/events/later.md", datetime(2027, 1, 5, 10)))
    view = list_views.events(page_at("events/", (later, past, soon)))
    assert [e.href for e in view["upcoming"]] == ["../posts/events/soon/", "../posts/events/later/"]
    assert [e.href for e in view["past"]] == ["../posts/events/past/"]
    assert view["calendar"] == "../events.ics"


@pytest.mark.parametrize("opens, closes, response, state", [
    ((2026, 12, 1), (2027, 1, 1), None, "not-open"),
    ((2026, 11, 1), (2027, 1, 1), None, "open"),
    ((2026, 11, 1), (2026, 11, 10), None, "analysing"),
    ((2026, 11, 1), (2026, 11, 10), "https://example.org/response", "responded"),
])
def test_the_invitation_to_respond_follows_the_consultation(opens, closes, response, state):
    consultation = Consultation(opens=datetime(*opens, tzinfo=WALES), closes=datetime(*closes, tzinfo=WALES),
                                email="a@example.org", response_url=response)
    view = list_views.have_your_say(page_at("posts/missions/services/", on=MISSION_POST, consultation=consultation))
    assert view["state"] == state


def test_an_email_about_a_mission_has_the_mission_in_its_subject_in_the_readers_language():
    consultation = Consultation(opens=datetime(2026, 11, 1, tzinfo=WALES), closes=datetime(2027, 1, 1, tzinfo=WALES),
                                email="a@example.org")
    view = list_views.have_your_say(page_at("cy/posts/missions/services/", language="cy", on=MISSION_POST,
                                            consultation=consultation))
    assert view["state"] == "open" and view["mailto"].startswith("mailto:a@example.org?subject=")
    assert "%28cy%29" in view["mailto"]  # the Welsh title, percent-encoded


def test_no_consultation_no_invitation():
    assert list_views.have_your_say(page_at("posts/missions/services/", on=MISSION_POST)) is None


# --- the templates ----------------------------------------------------------------


def render(name: str, view, language: str = "en") -> str:
    """A block's template as the build renders it: from overrides/, autoescape on."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "src/strategy/theme"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals["t"] = translator(language)
    env.filters["markdown_inline"] = _markdown_inline
    return env.get_template(template_name(name)).render(view=view)


def test_a_block_escapes_every_value_in_its_html_and_its_markdown_heading():
    page = page_at("delivery-plan/")
    output = render("delivery-plan", plan_views.delivery_plan(page))
    assert "<script>" not in output and "&lt;script&gt;" in output
    heading = next(line for line in output.splitlines() if line.startswith("## "))
    assert heading.endswith("{#services}")
    assert r"\*bold\*" in heading and r"\[link\]\(x\)" in heading and r"\{\#id\}" in heading
    assert "&lt;script&gt;" in heading


def test_a_table_block_has_its_caption_headers_and_a_row_per_item():
    output = render("outcomes", plan_views.outcomes(page_at("posts/missions/services/", on=MISSION_POST)))
    table = lxml.html.fragment_fromstring(output.split("\n", 2)[2], create_parent="div")
    assert table.cssselect("caption")[0].text_content().startswith("Outcomes of mission 1")
    assert [th.text_content() for th in table.cssselect("thead th")] == ["No.", "Outcome", "Actions towards it"]
    assert [tr.cssselect("th")[0].text_content() for tr in table.cssselect("tbody tr")] == [
        "Faster services", "Services in Welsh"]


def test_every_cell_names_its_column_for_the_stacked_layout_of_narrow_screens():
    # strategy.css shows data-label above each value when a phone stacks the table.
    output = render("actions", plan_views.actions(page_at("cy/posts/missions/services/", language="cy",
                                                          on=MISSION_POST)), "cy")
    table = lxml.html.fragment_fromstring(output.split("\n", 2)[2], create_parent="div")
    headers = [th.text_content() for th in table.cssselect("thead th")]
    for row in table.cssselect("tbody tr"):
        assert [cell.get("data-label") for cell in row.cssselect("th, td")] == headers
    assert "Statws" in headers


def test_the_subscribe_page_lists_each_feed_and_the_calendar_with_an_address_to_copy():
    page = page_at("cy/subscribe/", language="cy")
    view = list_views.feed_list(page)
    assert [row.address for row in view["feeds"]] == [
        "https://example.org/cy/feed.xml", "https://example.org/cy/feeds/services/feed.xml",
        "https://example.org/cy/feeds/skills/feed.xml", "https://example.org/cy/progress/feed.xml"]  # the plan's updates last
    assert view["calendar_address"] == "https://example.org/cy/events.ics"
    assert view["feeds"][1].other_formats == [("atom", "https://example.org/cy/feeds/services/atom.xml"),
                                              ("json", "https://example.org/cy/feeds/services/feed.json")]
    table = lxml.html.fragment_fromstring(render("feeds", view, "cy"), create_parent="div")
    copies = table.cssselect("code[data-strategy-copy]")
    assert [code.text_content() for code in copies] == [
        *(address for row in view["feeds"] for address in (row.address, *(a for _, a in row.other_formats))),
        view["calendar_address"]]
    assert [row.get("id") for row in table.cssselect("tr[id]")] == ["feed-all", "feed-services", "feed-skills", "feed-plan-updates"]
    assert copies[-1].get("data-copy-label") == "Copïo'r cyfeiriad: Calendr digwyddiadau"
    assert table.cssselect("p.strategy-copy-status[role=status]")


def test_a_block_with_nothing_to_show_renders_nothing():
    assert render("latest-posts", None).strip() == ""
    assert render("have-your-say", None).strip() == ""


def test_a_rewording_in_one_language_is_listed_only_on_that_languages_page():
    earlier = plan_as_data(Plan((OWNER,), (SERVICES, SKILLS)))
    welsh_only = earlier["missions"][0]["actions"][0]
    welsh_only["text"] = {**welsh_only["text"], "cy": "Cam 1 gyda threiglad coll"}
    both = earlier["missions"][0]["actions"][1]
    both["text"] = {"en": "Old action 2", "cy": "Hen gam 2"}
    publication_with_earlier = replace(publication(), earlier_plan=EarlierPlan(text("Draft"), earlier))

    def reworded(language):
        view = plan_views.changes_since(Page(publication_with_earlier, language, "changes/"))
        return [row.id for row in dict(view["kinds"])["reworded"]]

    assert reworded("en") == ["a2"]
    assert reworded("cy") == ["a1", "a2"]


def test_the_proofing_page_asks_for_a_report_until_make_proof_has_written_one():
    output = render("proofing-report", list_views.proofing_report(page_at("proofing-report/")))
    assert "run <code>make proof</code>, then commit <code>data/proofing-report.json</code>" in output


def test_the_proofing_page_lists_each_file_with_findings_in_the_readers_language():
    report = ProofingTotals(12, (FileTotals("docs/cy/<b>.md", "cy", 2, 1), FileTotals("data/plan.yaml", "en cy", 0, 3)))
    page = Page(replace(publication(), proofing=report), "cy", "cy/proofing-report/")
    output = render("proofing-report", list_views.proofing_report(page), "cy")
    table = lxml.html.fragment_fromstring(output, create_parent="div")
    assert table.cssselect("p")[0].text_content() == "Geiriau anhysbys: 2. Treigladau coll: 4. Ffeiliau ag un neu'r llall: 2 o 12."
    assert [[cell.text_content() for cell in row.cssselect("th, td")] for row in table.cssselect("tbody tr")] == [
        ["docs/cy/<b>.md", "Cymraeg", "2", "1"], ["data/plan.yaml", "Saesneg, Cymraeg", "0", "3"]]


def test_templates_t_mutates_as_translate_does():
    t = translator("cy")
    assert t("feed.mission_description", mission="Cenhadaeth 2: Cynhwysiant") == (
        "Cofnodion am Genhadaeth 2: Cynhwysiant, y mwyaf diweddar yn gyntaf.")
    assert translator("en")("feed.mission_description", mission="Mission 2") == "Posts about Mission 2, newest first."


# --- placing blocks in a page -------------------------------------------------------


def fake_render(name: str, view) -> str:
    return f"## {name} {{#{name}}}\n\n<div>\n<p>{name}</p>\n</div>\n"


def test_a_marker_becomes_its_headings_in_markdown_and_its_html_set_aside():
    markdown, stash = place_blocks("Intro\n\n<!-- strategy:feeds -->\n\nEnd\n", page_at("subscribe/"), fake_render)
    assert "## feeds {#feeds}" in markdown and "<div>" not in markdown
    assert stash == ["<div>\n<p>feeds</p>\n</div>"]
    placeholder = markdown.split("{#feeds}")[1].split("End")[0].strip()
    assert placeholder == "<!--strategy-block:0-->"  # Markdown keeps an HTML comment as it is
    assert restore_blocks(f"<h2>feeds</h2>\n{placeholder}\n<p>End</p>", stash) == (
        "<h2>feeds</h2>\n<div>\n<p>feeds</p>\n</div>\n<p>End</p>")


def test_a_mission_post_without_markers_gets_its_tables_and_invitation_after_its_text():
    placed = []

    def recording_render(name, view):
        placed.append(name)
        return "" if view is None else fake_render(name, view)

    markdown, _ = place_blocks("Text\n", page_at("posts/missions/services/", on=MISSION_POST), recording_render)
    assert placed == ["outcomes", "actions", "you-said-we-did", "have-your-say"]
    assert markdown.index("{#outcomes}") < markdown.index("{#actions}")


def test_a_marker_out_of_place_is_refused():
    with pytest.raises(UnknownMarker, match="belongs on a mission post"):
        place_blocks("<!-- strategy:outcomes -->\n", page_at("index/"), fake_render)
    with pytest.raises(UnknownMarker, match="unknown block 'nonsense'"):
        place_blocks("<!-- strategy:nonsense -->\n", page_at("index/"), fake_render)


def test_every_declared_block_has_a_view_and_a_template():
    from strategy.block_declarations import BLOCKS
    from strategy.blocks import VIEWS

    for block in BLOCKS:
        assert callable(VIEWS[block.name]), block.name
        assert (REPO / "src/strategy/theme" / template_name(block.name)).is_file(), block.name
