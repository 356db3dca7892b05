"""The views of the delivery plan's blocks: plain values in the page's language.

Each function takes the page a block is placed on and returns what its template
(``theme/partials/strategy/<block>.html``) prints. The markup and the
interface strings are the templates' (through ``t()``); the choices are made here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import translate
from .charts import CHART_HEIGHT, CHART_WIDTH, progress_bars, status_counts
from .exports import CSV_COLUMNS
from .model import Action, Mission
from .progress_views import latest_progress_report
from .plan_diff import ADDED, REMOVED, REWORDED, STATUS, compare
from .urls import EXPORT_FILES, owner_page_path, owners_index_path
from .views_common import Day, MissionName, Page, mission_name

from .plan_history import STATUSES
GOALS = ("prosperous", "resilient", "healthier", "more-equal", "cohesive-communities", "vibrant-culture",
         "globally-responsible")
WAYS_OF_WORKING = ("long-term", "prevention", "integration", "collaboration", "involvement")
CHANGE_KINDS = (ADDED, REMOVED, REWORDED, STATUS)


@dataclass(frozen=True)
class MissionCard:
    mission: MissionName
    aim: str
    published: Day | None  # None: its post is still to come
    outcomes: int
    actions: int
    complete: int


def mission_index(page: Page) -> dict:
    cards = []
    for mission in page.publication.content.plan.missions:
        post = page.publication.mission_post(mission.id)
        cards.append(MissionCard(mission_name(page, mission), page.text(mission.aim),
                                 page.day(post.date) if post else None, len(mission.outcomes),
                                 len(mission.actions), status_counts(mission)["complete"]))
    return {"missions": cards}


@dataclass(frozen=True)
class OutcomeRow:
    number: int
    text: str
    actions: int  # how many actions work towards it


def outcomes(page: Page) -> dict:
    mission = page.mission
    rows = [OutcomeRow(number, page.text(outcome.text), sum(outcome.id in a.outcome_ids for a in mission.actions))
            for number, outcome in enumerate(mission.outcomes, start=1)]
    return {"mission": mission_name(page, mission), "outcomes": rows}


@dataclass(frozen=True)
class ActionRow:
    text: str
    owner_id: str
    owner: str
    owner_href: str  # the owner's page: its roles and responsibilities
    timescale: str  # short | medium | long
    status: str  # one of STATUSES
    updated: Day
    latest_note: str | None = None  # the latest progress note, if any
    latest_note_date: Day | None = None


def action_rows(mission: Mission, page: Page) -> list[ActionRow]:
    return [action_row(action, page) for action in mission.actions]


def action_row(action: Action, page: Page) -> ActionRow:
    note = max(action.progress, key=lambda n: n.date) if action.progress else None
    return ActionRow(page.text(action.text), action.owner.id, page.text(action.owner.name),
                     page.link_to(owner_page_path(action.owner.id)), action.timescale,
                     action.status, page.day(action.updated), page.text(note.note) if note else None,
                     page.day(note.date) if note else None)


def actions(page: Page) -> dict:
    mission = page.mission
    return {"mission": mission_name(page, mission), "actions": action_rows(mission, page)}


@dataclass(frozen=True)
class ProgressChart:
    """A stacked bar of a mission's actions by status, with the numbers beside it."""

    id: str  # for the SVG's title and description
    title: str
    description: str  # the numbers, for screen readers
    counts: dict[str, int]  # status -> actions, in STATUS_ORDER
    bars: tuple[tuple[str, float, float], ...]  # (status, x, width) in the chart's coordinates
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT


@dataclass(frozen=True)
class PlanMission:
    mission: MissionName
    chart: ProgressChart
    actions: list[ActionRow]


def progress_chart(mission: Mission, page: Page) -> ProgressChart:
    counts = status_counts(mission)
    language = page.language
    described = ", ".join(f"{translate(f'status.{status}', language)}: {count}" for status, count in counts.items())
    return ProgressChart(
        f"chart-{mission.id}",
        translate("plan.chart_title", language, number=mission.number, title=page.text(mission.title)),
        translate("plan.chart_description", language, count=sum(counts.values()), counts=described),
        counts, progress_bars(counts))


def delivery_plan(page: Page) -> dict:
    """Every mission's chart and actions, filters for readers with JavaScript, and the open data.
    The plan's history is at the foot of the page (see views.page_view)."""
    plan = page.publication.content.plan
    missions = []
    for mission in plan.missions:
        missions.append(PlanMission(mission_name(page, mission), progress_chart(mission, page),
                                    action_rows(mission, page)))
    return {
        "owners": [(owner.id, page.text(owner.name)) for owner in plan.owners],
        "statuses": STATUSES,
        "total": sum(len(m.actions) for m in plan.missions),
        "missions": missions,
        "exports": {kind: page.link_to_file(path) for kind, path in EXPORT_FILES.items()},
        "csv_columns": CSV_COLUMNS,
        "progress_reports": latest_progress_report(page),
        "owners_page": page.link_to(owners_index_path()),
    }


def wellbeing_matrix(page: Page) -> dict:
    """Which well-being goals and ways of working each mission serves: (mission, (key, yes or no)...)."""
    missions = page.publication.content.plan.missions

    def matrix(keys, chosen):
        return [(mission_name(page, m), [(key, key in chosen(m)) for key in keys]) for m in missions]

    return {"goals": GOALS, "ways": WAYS_OF_WORKING,
            "goal_rows": matrix(GOALS, lambda m: m.wellbeing_goals),
            "way_rows": matrix(WAYS_OF_WORKING, lambda m: m.ways_of_working)}


@dataclass(frozen=True)
class ChangeRow:
    id: str
    mission: str
    item: str  # outcome | action
    before: str | None  # the text, or for a change of status the status (a catalogue key's suffix)
    after: str | None


def changes_since(page: Page) -> dict | None:
    """What changed in the plan since an earlier version, by kind of change; None when there is none to compare."""
    earlier = page.publication.earlier_plan
    if earlier is None:
        return None
    changes = compare(earlier.data, page.publication.content.plan)

    def shown(text):
        return None if text is None else page.text(text)

    # A correction in one language (a Welsh mutation put right) is a rewording for its readers only.
    kinds = [(kind, [ChangeRow(c.id, page.text(c.mission), c.item, shown(c.before), shown(c.after))
                     for c in changes if c.change == kind
                     and (kind != REWORDED or shown(c.before) != shown(c.after))])
             for kind in CHANGE_KINDS]
    return {"version": page.text(earlier.title), "kinds": kinds, "status_kind": STATUS}
