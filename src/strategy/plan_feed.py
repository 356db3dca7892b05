"""The plan-updates feed of each language: an entry for each action and day on which the
plan records progress notes or a change of status (plan_history.HistoryEntry), newest first.

It is a ``feeds.Feed`` like the posts' feeds, so feed_formats.py writes it as RSS, Atom
and JSON Feed alike. An entry's id names its action and day, which stay the same from
build to build (an action's id is kept once published), so a reader never sees an entry
twice; a note added later to the same day changes the entry's content, not its id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from . import LANGUAGES
from .catalogue import translate
from .dates import long_date
from .feed_times import distinct_moments
from .feeds import Feed, FeedItem, FeedSettings, RenderContent, xml_safe
from .inputs import WALES
from .plan_history import HistoryEntry, history_entries
from .progress_reports import Period
from .publication import Publication
from .urls import plan_updates_feed_paths, progress_index_path, progress_report_path


def entry_key(entry: HistoryEntry) -> str:
    """What names an entry for good: its action and day ('di-device-lending/2026-09-12')."""
    return f"{entry.action.id}/{entry.day.isoformat()}"


def entry_title(entry: HistoryEntry, language: str) -> str:
    """'Delayed: Lend devices while people learn.', or 'Progress: ...' when the status held."""
    action = entry.action.text.in_language(language)
    if entry.changed:
        return translate("plan_feed.entry_changed", language, status=translate(f"status.{entry.status}", language),
                         action=action)
    return translate("plan_feed.entry_progress", language, action=action)


def entry_content(entry: HistoryEntry, language: str) -> dict:
    """What an entry's content shows (the template plan-update-item.html), in ``language``;
    the action itself is the entry's title."""
    mission = entry.mission
    return {
        "mission": translate("plan.mission_heading", language, number=mission.number,
                             title=mission.title.in_language(language)),
        "owner": entry.action.owner.name.in_language(language),
        "date": long_date(entry.day, language),
        "previous_status": entry.previous_status if entry.changed else None,
        "status": entry.status,
        "notes": tuple(note.note.in_language(language) for note in entry.notes),
    }


def _report_of(day: date, periods: tuple[Period, ...]) -> str:
    """The progress report of the period of ``day``; their index for a day before the first
    report's period (a change known only from an action's ``updated`` date, before any note)."""
    period = next((period for period in periods if period.start <= day <= period.end), None)
    return progress_report_path(period.slug) if period else progress_index_path()


@dataclass(frozen=True)
class _Dated:
    entry: HistoryEntry
    moment: datetime


def build_plan_updates_feed(publication: Publication, language: str, settings: FeedSettings, site_name: str,
                            render: RenderContent) -> Feed:
    """The plan's newest updates (``settings.limit`` of them), each linking to its period's
    progress report. ``render`` makes an entry's content from ``entry_content``."""
    plan, periods = publication.content.plan, publication.progress_periods
    entries = [entry for entry in history_entries(plan) if entry.day <= publication.as_of]
    # Of every entry, so that an entry's moment does not hang on which others are in the feed.
    moments = distinct_moments({entry_key(entry): entry.day for entry in entries})
    dated = sorted((_Dated(entry, moments[entry_key(entry)]) for entry in entries),
                   key=lambda item: item.moment, reverse=True)[: settings.limit]
    items = []
    for item in dated:
        entry = item.entry
        report = _report_of(entry.day, periods)
        notes = " ".join(note.note.in_language(language) for note in entry.notes)
        items.append(FeedItem(
            id=f"tag:{settings.id_authority}:plan-update/{entry_key(entry)}/{language}",
            url=settings.addresses.absolute(report, language),
            title=xml_safe(entry_title(entry, language)),
            summary=xml_safe(notes),
            content_html=xml_safe(render(entry_content(entry, language))),
            published=item.moment,
            updated=item.moment,
            category=translate("mission_number", language, number=entry.mission.number),
            alternates=tuple((other, settings.addresses.absolute(report, other)) for other in LANGUAGES
                             if other != language),
        ))
    paths = plan_updates_feed_paths(language)
    title = translate("plan_feed.title", language)
    return Feed(
        language=language,
        id=f"tag:{settings.id_authority}:feed/plan-updates/{language}",
        title=f"{site_name}: {title}",
        description=translate("plan_feed.description", language),
        home_url=settings.addresses.bases[language],
        paths=paths,
        urls={kind: settings.addresses.absolute_file(path, language) for kind, path in paths.items()},
        alternates=tuple((other, settings.addresses.absolute_file(plan_updates_feed_paths(other)["rss"], other))
                         for other in LANGUAGES if other != language),
        author=site_name,
        updated=max((item.updated for item in items),
                    default=datetime.combine(date(2000, 1, 1), time(0, 0), tzinfo=WALES)),
        items=tuple(items),
    )

