"""The delivery plan's history comes from the plan itself: the progress notes that say
what status an action moved to, read as each action's status on any date."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, strategies as st

from conftest import FIXTURE, run_strategy
from strategy.loader import load_content
from strategy.model import Action, Owner, ProgressNote, Text
from strategy.plan_history import STATUSES, movement, status_on


def fixture_action(action_id: str) -> Action:
    plan = load_content(FIXTURE).plan
    return next(action for mission in plan.missions for action in mission.actions if action.id == action_id)


def test_an_actions_status_on_any_date_follows_its_notes():
    lending = fixture_action("di-device-lending")  # in progress on 1 July 2026, delayed on 12 September

    assert status_on(lending, date(2026, 6, 30)) == "not-started"
    assert status_on(lending, date(2026, 7, 1)) == "in-progress"
    assert status_on(lending, date(2026, 9, 11)) == "in-progress"
    assert status_on(lending, date(2026, 9, 12)) == "delayed"
    assert status_on(lending, date(2027, 1, 1)) == lending.status


def test_an_action_whose_notes_give_no_status_has_had_its_status_since_it_was_updated():
    teams = fixture_action("dc-local-broadband-fund")  # in progress, updated 1 September 2026, no notes

    assert status_on(teams, date(2026, 8, 31)) == "not-started"
    assert status_on(teams, date(2026, 9, 1)) == "in-progress"


def test_movements_are_named_by_where_the_action_ended():
    assert movement("not-started", "in-progress") == "started"
    assert movement("in-progress", "complete") == "completed"
    assert movement("delayed", "complete") == "completed"
    assert movement("in-progress", "delayed") == "delayed"
    assert movement("delayed", "in-progress") == "recovered"
    assert movement("in-progress", "in-progress") is None


@st.composite
def histories(draw):
    """An action with status notes as an editor writes them: oldest first, each a move."""
    day, status, notes = date(2026, 1, 1), "not-started", []
    for _ in range(draw(st.integers(0, 6))):
        day += timedelta(days=draw(st.integers(0, 60)))
        status = draw(st.sampled_from([s for s in STATUSES if s != status]))
        notes.append(ProgressNote(day, Text("n", "n"), status))
    owner = Owner("o", Text("o", "o"))
    return Action("a", Text("a", "a"), owner, "short", status, ("x",), day, tuple(notes))


@given(histories())
def test_every_note_gives_the_status_from_its_day_until_the_next(action):
    notes = action.progress
    for note, following in zip(notes, notes[1:] + (None,)):
        if following is None or following.date > note.date:
            assert status_on(action, note.date) == note.status
            if following is not None:
                assert status_on(action, following.date - timedelta(days=1)) == note.status
    if notes:
        assert status_on(action, notes[0].date - timedelta(days=1)) == "not-started"
        assert status_on(action, notes[-1].date) == action.status


def test_the_check_names_the_status_line_to_change_in_welsh_too(site_copy):
    plan = site_copy / "data/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("        status: delayed\n", "        status: complete\n", 1),
                    encoding="utf-8")

    english = run_strategy(site_copy, "check")
    welsh = run_strategy(site_copy, "check", env={"STRATEGY_LANG": "cy"})

    assert english.returncode == welsh.returncode == 1
    assert ("data/plan.yaml:102: field 'missions[digital-inclusion].actions[di-device-lending].status': "
            "expected 'delayed', the status its latest progress note gives (line 111)") in english.stderr
    assert "data/plan.yaml:102:" in welsh.stderr
    assert "y statws a rydd ei nodyn cynnydd diweddaraf (llinell 111)" in welsh.stderr
