"""Roles and responsibilities, read from the built site: a page per owner in both languages
listing its actions by mission with status and latest progress, linked from the plan's tables."""

from __future__ import annotations

import pytest

from conftest import parse

PREFIX = {"en": "", "cy": "cy/"}


def words(element) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.parametrize("language", PREFIX)
def test_an_owners_page_lists_its_actions_by_mission_with_status_and_latest_progress(built_site, language):
    page = parse(built_site / PREFIX[language] / "owners/public-bodies/index.html")

    assert words(page.cssselect("h1")[0]).rstrip("¶").strip() == {
        "en": "Public bodies across Wales", "cy": "Cyrff cyhoeddus ledled Cymru"}[language]
    assert [h.get("id") for h in page.cssselect("article h2")] == ["digital-inclusion", "data-and-collaboration"]
    tables = page.cssselect(".strategy-table--owner-actions")
    rows = [[row.get("data-status") for row in table.cssselect("tbody tr")] for table in tables]
    assert rows == [["in-progress", "delayed"], ["not-started"]]
    lending = words(tables[0].cssselect("tbody tr")[1].cssselect("th")[0])
    assert lending == {
        "en": "Lend devices while people learn.Latest progress (12 September 2026): The devices are late from the supplier.",
        "cy": "Benthyca dyfeisiau tra bydd pobl yn dysgu.Y cynnydd diweddaraf (12 Medi 2026): "
              "Mae'r dyfeisiau'n hwyr gan y cyflenwr."}[language]
    # The owner's name, after "i" in Welsh, takes the soft mutation.
    caption = words(tables[0].cssselect("caption")[0])
    assert caption == {"en": "Actions of mission 2 owned by Public bodies across Wales",
                       "cy": "Camau gweithredu cenhadaeth 2 sy'n eiddo i Gyrff cyhoeddus ledled Cymru"}[language]


@pytest.mark.parametrize("language", PREFIX)
def test_the_plans_tables_link_each_owner_to_its_page_and_the_index_lists_every_owner(built_site, language):
    plan = parse(built_site / PREFIX[language] / "delivery-plan/index.html")
    owner_links = {a.get("href") for a in plan.cssselect(".strategy-table--actions td a")}
    assert owner_links == {"../owners/welsh-government-cdo/", "../owners/local-government-cdo/", "../owners/cdps/",
                           "../owners/public-bodies/"}
    mission_post = parse(built_site / PREFIX[language] / "posts/missions/digital-inclusion/index.html")
    assert {a.get("href") for a in mission_post.cssselect(".strategy-table--actions td a")} == {
        "../../../owners/public-bodies/"}
    index = parse(built_site / PREFIX[language] / "owners/index.html")
    assert [a.get("href") for a in index.cssselect(".strategy-owners a")] == [
        "welsh-government-cdo/", "local-government-cdo/", "cdps/", "public-bodies/"]
    assert words(index.cssselect(".strategy-owners li")[3]).endswith(
        {"en": "actions: 3, in missions: 2", "cy": "camau gweithredu: 3, mewn cenadaethau: 2"}[language])
