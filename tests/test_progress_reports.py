"""Progress reports by period, read from the built site: each period's counts by status,
how actions moved, its progress notes and its silent actions, in both languages; the
index newest first; the latest report linked from the home and delivery plan pages."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import jsonschema
import pytest

from conftest import build, parse
from strategy.progress_reports import period_containing

PREFIX = {"en": "", "cy": "cy/"}
COMPLETED = {
    "en": "Completed: Publish the service standards. (Centre for Digital Public Services): Not started → Complete",
    "cy": "Wedi'u cwblhau: Cyhoeddi'r safonau gwasanaeth. (Canolfan Gwasanaethau Cyhoeddus Digidol): "
          "Heb ddechrau → Wedi'i gwblhau"}


def words(element) -> str:
    return " ".join(element.text_content().split())


def table_counts(page, kind: str, key: str) -> dict[str, dict[str, int]]:
    """A report's counts table: {mission id ('' for the whole plan): {status or movement: count}}."""
    table = page.cssselect(f".strategy-table--report-{kind}")[0]
    return {row.get("data-mission"): {cell.get(key): int(words(cell)) for cell in row.cssselect("td")}
            for row in table.cssselect("tbody tr")}


def test_periods_are_calendar_quarters_months_or_years():
    assert period_containing(date(2026, 11, 25), "quarter").slug == "2026-q4"
    assert period_containing(date(2026, 12, 31), "quarter").end == date(2026, 12, 31)
    assert period_containing(date(2028, 2, 3), "month").end == date(2028, 2, 29)
    assert period_containing(date(2026, 3, 31), "year").slug == "2026"


@pytest.mark.parametrize("language", PREFIX)
def test_a_quarters_report_counts_each_missions_actions_at_its_end_and_how_they_moved(built_site, language):
    # The fixture: standards published (complete) 14 October; two actions started in the
    # quarter (updated 8 and 20 October, no notes); device lending delayed in September.
    page = parse(built_site / PREFIX[language] / "progress/2026-q4/index.html")

    counts = table_counts(page, "counts", "data-status")
    assert counts["digital-services"] == {"not-started": 1, "in-progress": 0, "delayed": 0, "complete": 1}
    assert counts["digital-inclusion"] == {"not-started": 0, "in-progress": 1, "delayed": 1, "complete": 0}
    assert counts[""] == {"not-started": 2, "in-progress": 4, "delayed": 1, "complete": 1}
    moved = table_counts(page, "moves", "data-movement")
    assert moved[""] == {"started": 2, "completed": 1, "delayed": 0, "recovered": 0}
    assert moved["digital-skills"]["started"] == 1
    # Each movement is named, with the statuses either side, in the page's language.
    completed = [words(li) for li in page.cssselect('.strategy-report-moves li[data-movement="completed"]')]
    assert completed == [COMPLETED[language]]
    # The period's notes, with the status a note moved its action to.
    notes = [words(li) for li in page.cssselect(".strategy-report-notes li")]
    assert len(notes) == 2
    assert any("14 Hydref 2026" in note if language == "cy" else "14 October 2026" in note for note in notes)
    assert ("Mae'r safonau wedi'u cyhoeddi." if language == "cy" else "The standards are out.") in " ".join(notes)


def test_the_report_of_a_running_period_says_what_day_it_counts_on(built_site):
    page = parse(built_site / "progress/2026-q4/index.html")
    dates = words(page.cssselect("p.strategy-report-dates")[0])
    assert dates == ("1 October 2026 to 31 December 2026. This period has not ended: its actions are counted "
                     "as they stood on 25 November 2026.")
    welsh = words(parse(built_site / "cy/progress/2026-q3/index.html").cssselect("p.strategy-report-dates")[0])
    assert welsh == "1 Gorffennaf 2026 i 30 Medi 2026. Camau gweithredu wedi'u cyfrif fel yr oeddent ar 30 Medi 2026."


def test_actions_with_no_report_for_two_periods_are_named(built_site):
    page = parse(built_site / "progress/2026-q4/index.html")
    silent = [words(li) for li in page.cssselect(".strategy-report-unreported li")]
    # Unreported councils' teams (updated 1 August, no note): in the plan since the middle of
    # the quarter before, so not yet two whole periods without a report.
    assert not any(item.startswith("Build service teams") for item in silent)
    # Reported on in the quarter before (a note on 12 September): not silent.
    assert not any(item.startswith("Lend devices") for item in silent)
    # Complete: nothing more to report.
    assert not any(item.startswith("Publish the service standards") for item in silent)
    # The first report has no period before it: it names nobody.
    assert not parse(built_site / "progress/2026-q3/index.html").cssselect(".strategy-report-unreported li")


def test_an_action_is_named_once_it_has_gone_two_whole_periods_without_a_report(site_copy, tmp_path):
    result = build(site_copy, tmp_path / "site", build_date="2027-01-15")

    assert result.returncode == 0, result.stderr
    page = parse(tmp_path / "site/progress/2027-q1/index.html")
    silent = [words(li) for li in page.cssselect(".strategy-report-unreported li")]
    # In the plan since 1 August: the whole of October to December, and January, without a note.
    assert "Build service teams in councils. (Chief Digital Officer for local government)" in silent
    # First recorded on 20 October: the quarter before was not whole for it.
    assert not any(item.startswith("Run a programme for leaders") for item in silent)
    welsh = parse(tmp_path / "site/cy/progress/2027-q1/index.html")
    assert "Adeiladu timau gwasanaeth mewn cynghorau. (Prif Swyddog Digidol llywodraeth leol)" in [
        words(li) for li in welsh.cssselect(".strategy-report-unreported li")]


@pytest.mark.parametrize("language", PREFIX)
def test_a_report_counts_only_the_actions_the_plan_records_by_its_end(built_site, language):
    # By 30 September the plan records five of its eight actions (by a note or their
    # updated date); the standards (14 October), the adoption advice (8 October) and the
    # leaders' programme (20 October) come later and are not counted in the third quarter.
    page = parse(built_site / PREFIX[language] / "progress/2026-q3/index.html")
    counts = table_counts(page, "counts", "data-status")
    assert counts[""] == {"not-started": 2, "in-progress": 2, "delayed": 1, "complete": 0}
    assert counts["digital-services"] == {"not-started": 1, "in-progress": 0, "delayed": 0, "complete": 0}
    assert counts["digital-skills"] == {"not-started": 0, "in-progress": 0, "delayed": 0, "complete": 0}


def test_the_plans_last_updated_date_is_its_latest_progress_note(site_copy, tmp_path):
    plan = site_copy / "data/plan.yaml"
    text = plan.read_text(encoding="utf-8").replace(
        "            note: {en: Twenty champions are trained., cy: Mae ugain hyrwyddwr wedi'u hyfforddi., "
        "source_hash: 42089e52b89d}\n",
        "            note: {en: Twenty champions are trained., cy: Mae ugain hyrwyddwr wedi'u hyfforddi., "
        "source_hash: 42089e52b89d}\n"
        "          - date: 2026-11-24\n"
        "            note: {en: Forty champions are trained., cy: Mae deugain hyrwyddwr wedi'u hyfforddi.}\n")
    plan.write_text(text, encoding="utf-8")

    result = build(site_copy, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    footer = parse(tmp_path / "site/delivery-plan/index.html").cssselect("footer.strategy-history p")[0]
    assert words(footer) == "Published 2 November 2026, last updated 24 November 2026"
    welsh = parse(tmp_path / "site/cy/delivery-plan/index.html").cssselect("footer.strategy-history p")[0]
    assert words(welsh) == "Cyhoeddwyd 2 Tachwedd 2026, diweddarwyd ddiwethaf 24 Tachwedd 2026"


@pytest.mark.parametrize("language", PREFIX)
def test_the_index_lists_every_period_newest_first_and_the_home_and_plan_link_the_latest(built_site, language):
    index = parse(built_site / PREFIX[language] / "progress/index.html")
    links = [a.get("href") for a in index.cssselect(".strategy-table--reports tbody th a")]
    assert links == ["2026-q4/", "2026-q3/"]  # from the first note's quarter to the build's
    for page, prefix in (("index.html", ""), ("delivery-plan/index.html", "../")):
        latest = parse(built_site / PREFIX[language] / page).cssselect(".strategy-latest-report a")
        assert [a.get("href") for a in latest] == [f"{prefix}progress/2026-q4/", f"{prefix}progress/"]
    assert words(parse(built_site / "cy/index.html").cssselect(".strategy-latest-report a")[0]) == (
        "Yr adroddiad cynnydd diweddaraf: Chwarter 4 2026")


def test_a_recovery_and_monthly_reports_follow_the_editors_notes(site_copy, tmp_path):
    # The lending action's devices arrive in November: it is back in progress.
    plan = site_copy / "data/plan.yaml"
    text = plan.read_text(encoding="utf-8").replace("        status: delayed\n", "        status: in-progress\n", 1)
    text = text.replace("        updated: 2026-09-12\n", "        updated: 2026-11-10\n")
    text = text.replace("            status: delayed\n", "            status: delayed\n"
                        "          - date: 2026-11-10\n"
                        "            note: {en: The devices have arrived., cy: Mae'r dyfeisiau wedi cyrraedd.}\n"
                        "            status: in-progress\n")
    plan.write_text(text, encoding="utf-8")
    options = site_copy / "mkdocs.yml"
    options.write_text(options.read_text(encoding="utf-8").replace("reporting_period: quarter", "reporting_period: month"),
                       encoding="utf-8")

    result = build(site_copy, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    index = parse(tmp_path / "site/cy/progress/index.html")
    assert [a.get("href") for a in index.cssselect(".strategy-table--reports tbody th a")] == [
        "2026-11/", "2026-10/", "2026-09/", "2026-08/", "2026-07/"]
    assert words(index.cssselect(".strategy-table--reports tbody th a")[0]) == "Tachwedd 2026"
    november = parse(tmp_path / "site/progress/2026-11/index.html")
    assert table_counts(november, "moves", "data-movement")["digital-inclusion"] == {
        "started": 0, "completed": 0, "delayed": 0, "recovered": 1}
    assert "Recovered: Lend devices while people learn. (Public bodies across Wales): Delayed → In progress" in [
        words(li) for li in november.cssselect(".strategy-report-moves li")]
    assert not (tmp_path / "site/progress/2026-06").exists()  # before the first note: no page


def test_the_history_is_open_data_one_row_per_action_and_date_in_csv_and_json(built_site):
    raw = (built_site / "data/plan-history.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark, for spreadsheets
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    data = json.loads((built_site / "data/plan-history.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "data/plan-history.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)

    assert [(row["date"], row["action_id"]) for row in rows] == [
        (row["date"], row["action_id"]) for row in data["rows"]] == [
        ("2026-07-01", "di-device-lending"), ("2026-08-05", "di-community-champions"),
        ("2026-09-01", "dc-local-broadband-fund"), ("2026-09-12", "di-device-lending"),
        ("2026-10-02", "di-community-champions"), ("2026-10-08", "de-adoption-advice"),
        ("2026-10-14", "ds-publish-standards"), ("2026-10-20", "dsk-leadership-programme")]
    lending = rows[3]
    assert (lending["previous_status"], lending["status"], lending["note_cy"]) == (
        "in-progress", "delayed", "Mae'r dyfeisiau'n hwyr gan y cyflenwr.")
    # A note that changes nothing is a row of its own; a change with no note (updated) too.
    assert (rows[4]["previous_status"], rows[4]["status"]) == ("in-progress", "in-progress")
    assert data["rows"][7]["note"] is None and (rows[7]["previous_status"], rows[7]["status"]) == (
        "not-started", "in-progress")
    # The progress reports' index links them.
    index = parse(built_site / "cy/progress/index.html")
    assert {a.get("href") for a in index.cssselect("article ul.strategy-links a")} == {
        "../../data/plan-history.csv", "../../data/plan-history.json", "../../data/plan-history.schema.json"}
