"""Every generated block, declared once: its name, its view, its headings, its script,
and where it may be placed. A new block is a line here, its view and its template.

This module imports nothing of the package, so that the content check (which reads
the names and anchors) does not load the views; ``blocks`` resolves each view.
"""

from __future__ import annotations

from dataclasses import dataclass

MISSION = "{mission}"
"""In a block's anchors: every mission's id (the delivery plan has a heading per mission)."""


@dataclass(frozen=True)
class Block:
    name: str
    """The marker's name (``<!-- strategy:NAME -->``) and the template's
    (``theme/partials/strategy/NAME.html``, which a site can override in its ``overrides/``)."""
    view: str
    """The function that makes the template's values, as ``module.function`` in this package."""
    anchors: tuple[str, ...] = ()
    """The ids of the headings the block may add to a page, so that the content check
    knows a link such as delivery-plan.md#digital-services is sound. A block leaves out
    a heading it has nothing for (no feedback, no past events): the build's own link
    check then has the last word."""
    script: str | None = None
    """A script the page loads only when it places the block (site-root relative)."""
    mission_posts_only: bool = False
    """Placed only on a mission post (it shows that mission's part of the plan)."""
    placed_by_marker: bool = True
    """False for a block no marker names: a mission post's own, placed after its text."""
    after_mission_posts: bool = False
    """Placed after every mission post's text, unless the post placed it (its first anchor) itself."""
    numbered: bool = False
    """Its marker may say ``page=N`` (the archive's pages)."""
    names: str | None = None
    """What its marker names, the block being one of many pages': "period" (``period=2026-q4``,
    a progress report's) or "owner" (``owner=cdps``, an owner's actions)."""
    shows_posts: bool = True
    """It may show something of a post's front matter: the preview renders the pages
    placing it again when a post's title, summary, date... change (incremental.py)."""
    shows_plan: bool = True
    """It may show something of the delivery plan: the same, when the plan changes."""


# In the order the content check names them, and a mission post shows its own.
BLOCKS = (
    Block("mission-index", "plan_views.mission_index"),
    Block("outcomes", "plan_views.outcomes", anchors=("outcomes",), mission_posts_only=True, after_mission_posts=True),
    Block("actions", "plan_views.actions", anchors=("actions",), mission_posts_only=True, after_mission_posts=True),
    Block("you-said-we-did", "list_views.you_said_we_did", anchors=("you-said-we-did",), placed_by_marker=False,
          after_mission_posts=True),
    Block("delivery-plan", "plan_views.delivery_plan", anchors=(MISSION, "open-data"),
          script="assets/javascripts/plan-filter.js"),
    Block("wellbeing-matrix", "plan_views.wellbeing_matrix"),
    Block("latest-posts", "list_views.latest_posts"),
    Block("archive", "list_views.archive", numbered=True),
    Block("feeds", "list_views.feed_list", script="assets/javascripts/copy.js"),
    Block("translation-status", "list_views.translation_status", shows_posts=False),  # states only
    Block("have-your-say", "list_views.have_your_say", anchors=("have-your-say",), after_mission_posts=True),
    Block("events", "list_views.events", anchors=("upcoming", "past")),
    Block("showcase-index", "list_views.showcase_index", anchors=(MISSION,)),
    Block("latest-progress-report", "progress_views.latest_progress_report"),
    Block("progress-reports", "progress_views.progress_reports"),
    Block("progress-report", "progress_views.progress_report", anchors=(MISSION,), names="period"),
    Block("owner-actions", "owner_views.owner_actions", anchors=(MISSION,), names="owner"),
    Block("owners", "owner_views.owners"),
    Block("changes-since", "plan_views.changes_since", anchors=("added", "removed", "reworded", "status")),
    Block("search", "list_views.search_form", script="assets/javascripts/search.js", shows_posts=False,
          shows_plan=False),
    Block("proofing-report", "list_views.proofing_report", shows_posts=False, shows_plan=False),
)
