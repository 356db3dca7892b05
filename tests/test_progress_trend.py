"""The plan over time, as the progress index shows it: for the whole plan and each mission, a
chart of each period's actions by status, drawn at build time as SVG, with a summary in words
and a table of the same numbers, which are the period reports' own counts; read in forced
colours by texture, not colour alone."""

from __future__ import annotations

import pytest

from conftest import build, parse, settle
from test_browser import LANGUAGE_ROOTS, page_url

PREFIX = {"en": "", "cy": "cy/"}


def words(element) -> str:
    return " ".join(element.text_content().split())


def trend_tables(index) -> dict[str, dict[str, dict[str, int]]]:
    """Each chart's table: {mission id ('' for the whole plan): {period: {status: actions}}}."""
    return {chart.get("data-mission"): {row.get("data-period"): {cell.get("data-status"): int(words(cell))
                                                                 for cell in row.cssselect("td")}
                                        for row in chart.cssselect("table.strategy-table--trend tbody tr")}
            for chart in index.cssselect(".strategy-trend")}


def report_counts(site, language: str, slug: str) -> dict[str, dict[str, int]]:
    page = parse(site / PREFIX[language] / f"progress/{slug}/index.html")
    table = page.cssselect(".strategy-table--report-counts")[0]
    return {row.get("data-mission"): {cell.get("data-status"): int(words(cell)) for cell in row.cssselect("td")}
            for row in table.cssselect("tbody tr")}


def chart_columns(chart) -> list[dict[str, float]]:
    """Each column of a chart's SVG: {status: the height of its bar}, left to right."""
    columns, current = [], None
    for element in chart.cssselect("svg.strategy-trend__chart > *"):
        if element.tag == "rect":
            current = current if current is not None else {}
            current[element.get("data-status")] = float(element.get("height"))
        elif element.tag == "text":
            columns.append(current or {})
            current = None
    return columns


@pytest.mark.parametrize("language", PREFIX)
def test_each_charts_table_gives_the_counts_of_every_periods_report(built_site, language):
    index = parse(built_site / PREFIX[language] / "progress/index.html")
    tables = trend_tables(index)
    assert set(tables) == {"", "digital-services", "digital-inclusion", "digital-skills", "digital-economy",
                           "digital-connectivity", "data-and-collaboration"}
    for slug in ("2026-q3", "2026-q4"):
        report = report_counts(built_site, language, slug)
        assert {mission: periods[slug] for mission, periods in tables.items()} == report
    # Oldest first; the whole plan as the fixture has it: five actions recorded by the end of
    # September, eight by the build's day.
    assert tables[""] == {"2026-q3": {"not-started": 2, "in-progress": 2, "delayed": 1, "complete": 0},
                          "2026-q4": {"not-started": 2, "in-progress": 4, "delayed": 1, "complete": 1}}


def test_the_bars_are_drawn_from_the_tables_numbers(built_site):
    index = parse(built_site / "progress/index.html")
    for chart in index.cssselect(".strategy-trend"):
        rows = [{status: int(words(cell)) for status, cell in
                 ((cell.get("data-status"), cell) for cell in row.cssselect("td")) if int(words(cell))}
                for row in chart.cssselect("table.strategy-table--trend tbody tr")]
        columns = chart_columns(chart)
        assert [set(column) for column in columns] == [set(row) for row in rows]
        # One scale across a chart: each bar's height is its count times the same number.
        scales = {round(height / row[status], 6) for column, row in zip(columns, rows) for status, height in column.items()}
        assert len(scales) == 1, chart.get("data-mission")


@pytest.mark.parametrize("language", PREFIX)
def test_the_summary_says_the_first_and_latest_periods_counts_in_words(built_site, language):
    index = parse(built_site / PREFIX[language] / "progress/index.html")
    summary = words(index.cssselect('.strategy-trend[data-mission=""] .strategy-trend__summary')[0])
    assert summary == {
        "en": "Quarter 3 of 2026: Not started: 2, In progress: 2, Delayed: 1, Complete: 0. Quarter 4 of 2026, "
              "as it stood on 25 November 2026: Not started: 2, In progress: 4, Delayed: 1, Complete: 1.",
        "cy": "Chwarter 3 2026: Heb ddechrau: 2, Ar y gweill: 2, Wedi'i oedi: 1, Wedi'i gwblhau: 0. Chwarter 4 2026, "
              "fel yr oedd ar 25 Tachwedd 2026: Heb ddechrau: 2, Ar y gweill: 4, Wedi'i oedi: 1, Wedi'i gwblhau: 1."}[language]
    chart = index.cssselect('.strategy-trend[data-mission=""] svg')[0]
    assert chart.get("role") == "img" and chart.get("aria-label") == {
        "en": "The whole plan: actions by status, period by period",
        "cy": "Y cynllun cyfan: camau gweithredu yn ôl statws, fesul cyfnod"}[language]


def test_a_new_status_in_a_new_period_moves_the_trend(site_copy, tmp_path):
    # Device lending recovers in January: the first quarter of 2027 has a column of its own.
    plan = site_copy / "data/plan.yaml"
    text = plan.read_text(encoding="utf-8").replace("        status: delayed\n", "        status: in-progress\n", 1)
    text = text.replace("        updated: 2026-09-12\n", "        updated: 2027-01-10\n")
    text = text.replace("            status: delayed\n", "            status: delayed\n"
                        "          - date: 2027-01-10\n"
                        "            note: {en: The devices have arrived., cy: Mae'r dyfeisiau wedi cyrraedd.}\n"
                        "            status: in-progress\n")
    plan.write_text(text, encoding="utf-8")

    result = build(site_copy, tmp_path / "site", build_date="2027-01-20")

    assert result.returncode == 0, result.stderr
    tables = trend_tables(parse(tmp_path / "site/progress/index.html"))
    assert list(tables["digital-inclusion"]) == ["2026-q3", "2026-q4", "2027-q1"]
    assert tables["digital-inclusion"]["2026-q4"]["delayed"] == 1
    assert tables["digital-inclusion"]["2027-q1"] == {"not-started": 0, "in-progress": 2, "delayed": 0, "complete": 0}
    assert tables["digital-inclusion"]["2027-q1"] == report_counts(tmp_path / "site", "en", "2027-q1")["digital-inclusion"]


# Each status's look in the browser: its bar's fill and the directions of its hatching.
LOOKS = """() => Object.fromEntries([...document.querySelectorAll('.strategy-trend__swatch')].map(swatch => {
  const bar = swatch.querySelector('rect'), hatch = swatch.querySelector('path');
  const status = [...bar.classList].find(c => c.startsWith('strategy-trend__bar--')).split('--')[1];
  return [status, {fill: getComputedStyle(bar).fill,
                   hatch: hatch ? getComputedStyle(hatch).stroke + ' ' + (hatch.getAttribute('d').match(/M/g) || []).length : ''}];
}))"""


@pytest.fixture
def tab(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_in_forced_colours_each_status_still_looks_different(tab, site_url, language):
    tab.emulate_media(forced_colors="active")
    tab.goto(page_url(site_url, language, "progress/"))
    settle(tab)
    looks = tab.evaluate(LOOKS)
    assert set(looks) == {"complete", "in-progress", "delayed", "not-started"}
    # Told apart by fill and texture alone, in the theme's two colours.
    assert len({(look["fill"], look["hatch"]) for look in looks.values()}) == 4, looks
    assert len({look["fill"] for look in looks.values()}) <= 2, looks


@pytest.mark.parametrize("width", (320, 375, 1280))
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_the_charts_fit_the_page_at_every_width(tab, site_url, language, width):
    tab.set_viewport_size({"width": width, "height": 800})
    tab.goto(page_url(site_url, language, "progress/"))
    settle(tab)
    widest = tab.evaluate("Math.max(...[...document.querySelectorAll('.strategy-trend__chart')]"
                          ".map(svg => svg.getBoundingClientRect().right))")
    assert widest <= width and tab.evaluate("document.documentElement.scrollWidth") <= width
