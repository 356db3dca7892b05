"""The content model: plain, typed objects with both languages resolved.

Everything the site shows comes from these objects. They know nothing of
MkDocs; ``loader.load_content`` builds them from the files in the repository.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cached_property


@dataclass(frozen=True)
class Text:
    """One piece of text in both languages."""

    en: str
    cy: str

    def in_language(self, language: str) -> str:
        return getattr(self, language)


@dataclass(frozen=True)
class Change:
    """A significant change to a post after it was published."""

    date: date
    note: Text


@dataclass(frozen=True)
class Owner:
    id: str
    name: Text


@dataclass(frozen=True)
class Outcome:
    id: str
    text: Text


@dataclass(frozen=True)
class ProgressNote:
    date: date
    note: Text
    status: str | None = None  # the status the action moved to on this date, if the note says (plan_history.py)


@dataclass(frozen=True)
class Action:
    id: str
    text: Text
    owner: Owner
    timescale: str  # short | medium | long
    status: str  # not-started | in-progress | delayed | complete
    outcome_ids: tuple[str, ...]
    updated: date
    progress: tuple[ProgressNote, ...] = ()


@dataclass(frozen=True)
class Feedback:
    """One theme raised in feedback, and the change made in response."""

    theme: Text
    response: Text


@dataclass(frozen=True)
class Mission:
    id: str
    number: int  # its place in the plan, from 1
    title: Text
    aim: Text
    wellbeing_goals: tuple[str, ...]
    ways_of_working: tuple[str, ...]
    outcomes: tuple[Outcome, ...]
    actions: tuple[Action, ...]
    feedback: tuple[Feedback, ...] = ()


@dataclass(frozen=True)
class Plan:
    owners: tuple[Owner, ...]
    missions: tuple[Mission, ...]
    changes: tuple[Change, ...] = ()  # oldest first
    translations: tuple = ()  # each text's PlanText: whether its translation is in step (plan_translation.py)

    def mission(self, mission_id: str) -> Mission | None:
        return next((mission for mission in self.missions if mission.id == mission_id), None)


@dataclass(frozen=True)
class Event:
    """When and where an event post's event happens (times in Europe/London)."""

    start: datetime
    end: datetime
    location: Text
    online_url: str | None = None
    booking_url: str | None = None


@dataclass(frozen=True)
class WrittenAt:
    """Where one language's text of a post is written, for messages that name a line."""

    file: str  # such as docs/cy/posts/x.md
    body_line: int  # the line its body starts on
    summary_line: int | None = None


@dataclass(frozen=True)
class Post:
    """A page of the site in both languages: a post of the series, or a plain page.

    ``path`` is where it lives under each language folder, such as
    ``posts/missions/digital-services.md``: the same for both twins.
    """

    path: str
    kind: str  # page | series | mission | showcase | event
    source_language: str
    title: Text
    summary: Text | None
    body: Text
    id: str | None = None  # every kind but page has one; it never changes once published
    date: date | None = None
    time: time | None = None  # the time of day it is published, in Welsh local time, if the post gives one
    changes: tuple[Change, ...] = ()  # oldest first
    draft: bool = False
    mission_id: str | None = None
    event: Event | None = None
    translation_state: str = "in-step"  # in-step | outdated | missing (see translation.py)
    translation_file: str | None = None  # the translation (or, when missing, where it will go)
    written_at: tuple[tuple[str, WrittenAt], ...] = field(default=(), compare=False)  # (language, where)

    @property
    def translated_language(self) -> str:
        """The language this post is translated into (the one that is not its source)."""
        return next(language for language in ("en", "cy") if language != self.source_language)

    def written_in(self, language: str) -> WrittenAt | None:
        """Where this language's text comes from (the source's file, for a translation to follow)."""
        return dict(self.written_at).get(language)

    @property
    def is_page(self) -> bool:
        return self.kind == "page"

    @property
    def updated(self) -> date | None:
        """The date of the latest change, if it has changed since publication."""
        return max((change.date for change in self.changes), default=None)


@dataclass(frozen=True)
class Content:
    """Everything the site is built from."""

    plan: Plan
    entries: tuple[Post, ...]
    page_files: frozenset[str] = frozenset()  # the path of every page file found, loaded or not
    _by_path: dict[str, Post] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self._by_path.update({entry.path: entry for entry in self.entries})

    @cached_property
    def posts(self) -> tuple[Post, ...]:
        """The posts of the series, oldest first."""
        return tuple(sorted((e for e in self.entries if not e.is_page), key=lambda p: (p.date, p.time or time(0), p.id)))

    def entry_at(self, path: str) -> Post | None:
        return self._by_path.get(path)
