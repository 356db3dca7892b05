"""The moments feeds and pages give a post: when it was published and last updated,
in Welsh local time with its offset from UTC.

A post may give its time of publication (``date: 2026-11-25 09:30``); most give
only the day. Feed readers and the W3C Feed Validator want every entry's
``updated`` distinct, and a reader marks an entry as changed (and shows it
again, unread) when its ``updated`` moves, so the moments must also stay the
same from build to build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .inputs import WALES
from .model import Post

SPREAD_SECONDS = 600  # a post without a time falls within the first ten minutes of its day


@dataclass(frozen=True)
class EntryMoments:
    published: datetime
    updated: datetime  # never before published


def _seconds_into_day(post_id: str) -> int:
    """A number of seconds chosen by the post's id alone: the same in every build,
    whatever else is published that day."""
    return int(hashlib.sha256(post_id.encode("utf-8")).hexdigest(), 16) % SPREAD_SECONDS


def _moment(day: date, post_id: str, time_of_day: time | None = None) -> datetime:
    """The moment a post (or a change to it) gives, or, without a time, a stable moment
    early in the day. Midnight happens exactly once in Wales (the clocks change at 01:00
    or 02:00), so the first ten minutes are never skipped or repeated."""
    if time_of_day is not None:
        return datetime.combine(day, time_of_day, tzinfo=WALES)  # the loader refuses times that are not one moment
    return datetime.combine(day, time(0, 0), tzinfo=WALES) + timedelta(seconds=_seconds_into_day(post_id))


def distinct_moments(days: dict[str, date]) -> dict[str, datetime]:
    """A stable moment early in each entry's day, by the entry's lasting key, every one
    distinct: as for posts (entry_moments), a key that meets another's second moves on."""
    taken: set[datetime] = set()
    moments = {}
    for key in sorted(days):
        moment = _moment(days[key], key)
        while moment in taken:
            moment += timedelta(seconds=1)
        taken.add(moment)
        moments[key] = moment
    return moments


def published_attribute(post: Post) -> str:
    """What a page's <time datetime> says of a post's publication: the moment with its
    offset when the post gives a time, else the day alone (never the feeds' made-up seconds)."""
    if post.time is None:
        return post.date.isoformat()
    return _moment(post.date, post.id, post.time).isoformat()


def entry_moments(posts: tuple[Post, ...] | list[Post]) -> dict[str, EntryMoments]:
    """Each post's moments by id, every ``updated`` distinct.

    Pass every published post, not one feed's: then a post has the same moments in
    every feed, whatever the feed's length. Two posts still meet only if they give the
    same time or their ids choose the same second of one day; then the post whose id
    sorts later moves one second on (again if need be). Only a post added on that very
    day, choosing that very second, can move another post's ``updated``."""
    taken: set[datetime] = set()
    moments = {}
    for post in sorted(posts, key=lambda post: post.id):
        published = _moment(post.date, post.id, post.time)
        updated = max(published, _moment(post.updated, post.id)) if post.updated else published
        while updated in taken:
            updated += timedelta(seconds=1)
        taken.add(updated)
        moments[post.id] = EntryMoments(published, updated)
    return moments
