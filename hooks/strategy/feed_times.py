"""Distinct moments for feed entries whose posts carry a date but no time."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime, timedelta

SPREAD_SECONDS = 600  # entries of one day fall within ten minutes after midnight


def distinct_updates(items: tuple) -> tuple:
    """Posts of one day would share a moment; feed validators and readers want
    each entry's ``updated`` distinct. Each moves a few seconds past its moment by
    its own identity (``id``: stable from build to build, whatever else is
    published that day), and on a clash one second more. Moving forward keeps
    ``updated`` at or after ``published``."""
    taken: set[datetime] = set()
    moved = {}
    for item in sorted(items, key=lambda item: item.id):
        updated = item.updated + timedelta(seconds=int(hashlib.sha256(item.id.encode("utf-8")).hexdigest(), 16)
                                           % SPREAD_SECONDS)
        while updated in taken:
            updated += timedelta(seconds=1)
        taken.add(updated)
        moved[item.id] = replace(item, updated=updated)
    return tuple(moved[item.id] for item in items)
