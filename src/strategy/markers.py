"""Markers an author puts in a page to place a generated block: ``<!-- strategy:NAME -->``."""

from __future__ import annotations

import re

from .block_declarations import BLOCKS, MISSION
from .problems import Phrase, phrase

MARKER = re.compile(r"^<!--\s*strategy:(?P<name>[a-z-]+)(?:\s+page=(?P<page>\d+)|\s+(?P<key>period|owner)=(?P<value>[0-9a-z-]+))?"
                    r"\s*-->[ \t]*$", re.MULTILINE)
PLACED_BY_MARKER = {block.name: block for block in BLOCKS if block.placed_by_marker}
BLOCK_NAMES = tuple(PLACED_BY_MARKER)
MISSION_POST_ANCHORS = tuple(block.anchors[0] for block in BLOCKS if block.after_mission_posts)
"""What a mission post gets even without markers (blocks.place_blocks)."""

# What a marker becomes while Markdown renders the page (blocks.set_aside_html), until the
# block's HTML takes its place.
BLOCK_PLACEHOLDER = "<!--strategy-block:{}-->"
BLOCK_PLACEHOLDER_PATTERN = re.compile(r"<!--strategy-block:(\d+)-->")


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
        elif PLACED_BY_MARKER[name].mission_posts_only and kind is not None and kind != "mission":
            problems.append((line, phrase("found.block_outside_mission", name=name)))
    return problems


def _anchors(name: str) -> tuple[str, ...]:
    """The anchors of the block a marker names (none for a name that is no block's)."""
    block = PLACED_BY_MARKER.get(name)
    return block.anchors if block else ()


def block_anchors(markdown: str, kind: str, mission_ids) -> frozenset[str]:
    """The anchors that the blocks placed in ``markdown`` give its page."""
    anchors = set(MISSION_POST_ANCHORS if kind == "mission" else ())
    for name in placed_blocks(markdown):
        for anchor in _anchors(name):
            anchors.update(mission_ids if anchor == MISSION else (anchor,))
    return frozenset(anchors)


def anchors_before_the_content_reads(markdown: str, mission_ids) -> frozenset[str] | None:
    """The anchors that blocks may give a page whose kind is not known, when other problems
    stop the content from reading whole: every anchor a mission post gets, as it may be
    one, and those of its blocks. None when a block's anchors are the plan's mission ids
    and these could not be read (``mission_ids`` None)."""
    if mission_ids is None and any(MISSION in _anchors(name) for name in placed_blocks(markdown)):
        return None
    return block_anchors(markdown, "mission", mission_ids or ())
