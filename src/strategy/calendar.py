"""The events as an iCalendar feed (RFC 5545), one per language, made with the icalendar library.

Times are Welsh local time (Europe/London) with the time zone written out, so
an event on the day the clocks change still lands at the right hour. Each event
keeps its UID from build to build: it comes from the post's id, never the date
or the address.
"""

from __future__ import annotations

from datetime import datetime, time, timezone

from icalendar import Calendar, Event

from .catalogue import translate
from .consultation import WALES
from .publication import Publication
from .urls import SiteAddresses

def event_uid(post_id: str, language: str, id_authority: str) -> str:
    """'draft-strategy-workshop-cy@strategy.example.gov.wales': stable, and distinct per language."""
    return f"{post_id}-{language}@{id_authority.split(',')[0]}"


def calendar_ics(publication: Publication, language: str, addresses: SiteAddresses, id_authority: str,
                 site_name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{id_authority.split(',')[0]}//strategy events//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", translate("events.calendar_name", language, site=site_name))
    calendar.add("x-wr-timezone", "Europe/London")
    events = sorted((p for p in publication.content.posts if p.event and publication.is_published(p)),
                    key=lambda p: (p.event.start, p.id))
    for post in events:
        url = addresses.absolute(post.path, language)
        event = Event()
        event.add("uid", event_uid(post.id, language, id_authority))
        # DTSTAMP: when this version of the event was published, not when the file was built.
        event.add("dtstamp", datetime.combine(post.updated or post.date, time(0, 0), tzinfo=timezone.utc))
        event.add("sequence", len(post.changes))
        event.add("dtstart", post.event.start.replace(tzinfo=WALES))
        event.add("dtend", post.event.end.replace(tzinfo=WALES))
        event.add("summary", post.title.in_language(language))
        summary = post.summary.in_language(language) if post.summary else ""
        event.add("description", f"{summary}\n\n{url}".strip())
        event.add("location", post.event.location.in_language(language))
        event.add("url", post.event.online_url or url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
