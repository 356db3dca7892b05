"""Markers an author puts in a page to place a generated block: ``<!-- strategy:NAME -->``."""

from __future__ import annotations

import re

from .problems import Phrase, phrase

MARKER = re.compile(r"^<!--\s*strategy:(?P<name>[a-z-]+)(?:\s+page=(?P<page>\d+))?\s*-->[ \t]*$", re.MULTILINE)
BLOCK_NAMES = ("mission-index", "outcomes", "actions", "delivery-plan", "wellbeing-matrix", "latest-posts", "archive",
               "feeds", "translation-status", "have-your-say", "events", "showcase-index",
               "changes-since", "search", "proofing-report")
MISSION_POST_BLOCKS = ("outcomes", "actions")


def placed_blocks(markdown: str) -> frozenset[str]:
    """The names of the blocks ``markdown`` places."""
    return frozenset(match.group("name") for match in MARKER.finditer(markdown))


def marker_problems(markdown: str, kind: str | None) -> list[tuple[int, Phrase]]:
    """(line within ``markdown``, what was found) for each marker that names no block or is
    out of place (in a post of ``kind``; None when its kind is not known)."""
    problems = []
    for match in MARKER.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        name = match.group("name")
        if name not in BLOCK_NAMES:
            problems.append((line, phrase("found.unknown_block", name=name)))
        elif name in MISSION_POST_BLOCKS and kind is not None and kind != "mission":
            problems.append((line, phrase("found.block_outside_mission", name=name)))
    return problems


# The headings each block may add to a page, by their anchors, so that the content check
# knows a link such as delivery-plan.md#digital-services is sound (MISSION stands for
# every mission's id). A block leaves out a heading it has nothing for (no feedback, no
# past events): the build's own link check then has the last word.
MISSION = "{mission}"
BLOCK_ANCHORS = {
    "outcomes": ("outcomes",), "actions": ("actions",), "have-your-say": ("have-your-say",),
    "events": ("upcoming", "past"), "delivery-plan": (MISSION, "open-data"), "showcase-index": (MISSION,),
    "changes-since": ("added", "removed", "reworded", "status"),
}
MISSION_POST_ANCHORS = ("outcomes", "actions", "you-said-we-did", "have-your-say")
"""What a mission post gets even without markers (blocks.place_blocks)."""


def block_anchors(markdown: str, kind: str, mission_ids) -> frozenset[str]:
    """The anchors that the blocks placed in ``markdown`` give its page."""
    anchors = set(MISSION_POST_ANCHORS if kind == "mission" else ())
    for name in placed_blocks(markdown):
        for anchor in BLOCK_ANCHORS.get(name, ()):
            anchors.update(mission_ids if anchor == MISSION else (anchor,))
    return frozenset(anchors)


def anchors_before_the_content_reads(markdown: str, mission_ids) -> frozenset[str] | None:
    """The anchors that blocks may give a page whose kind is not known, when other problems
    stop the content from reading whole: every anchor a mission post gets, as it may be
    one, and those of its blocks. None when a block's anchors are the plan's mission ids
    and these could not be read (``mission_ids`` None)."""
    if mission_ids is None and any(MISSION in BLOCK_ANCHORS.get(name, ()) for name in placed_blocks(markdown)):
        return None
    return block_anchors(markdown, "mission", mission_ids or ())
