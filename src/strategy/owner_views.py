"""Roles and responsibilities: the views of each owner's page and of their index, plain values in the page's language.

Each function takes the page a block is placed on and returns what its template
(``theme/partials/strategy/<block>.html``) prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Owner, Plan
from .plan_views import ActionRow, action_row
from .urls import owner_page_path
from .views_common import MissionName, Page, UnknownName, mission_name


def owned(plan: Plan, owner: Owner):
    """(mission, the owner's actions in it) for each mission where it owns one, in the plan's order."""
    return [(mission, actions) for mission in plan.missions
            if (actions := [action for action in mission.actions if action.owner.id == owner.id])]


@dataclass(frozen=True)
class OwnedActions:
    mission: MissionName
    actions: list[ActionRow]


def owner_actions(page: Page, owner_id: str) -> dict:
    """An owner's page: its actions by mission, each with its status and latest progress."""
    plan = page.publication.content.plan
    owner = next((owner for owner in plan.owners if owner.id == owner_id), None)
    if owner is None:
        raise UnknownName(owner_id)
    missions = [OwnedActions(mission_name(page, mission), [action_row(action, page) for action in actions])
                for mission, actions in owned(plan, owner)]
    return {"owner": page.text(owner.name), "missions": missions}


@dataclass(frozen=True)
class OwnerLink:
    name: str
    href: str
    actions: int
    missions: int


def owners(page: Page) -> dict:
    """Every owner, with how many actions (in how many missions) it is responsible for."""
    plan = page.publication.content.plan
    rows = []
    for owner in plan.owners:
        parts = owned(plan, owner)
        rows.append(OwnerLink(page.text(owner.name), page.link_to(owner_page_path(owner.id)),
                              sum(len(actions) for _, actions in parts), len(parts)))
    return {"owners": rows}
