"""What a page template shows about its post, in one language, ready to print."""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import translate
from .dates import long_date
from .model import Plan, Post

TIME_FORMAT = "%H:%M"


@dataclass(frozen=True)
class PageView:
    language: str
    is_welsh: bool
    caption: str | None = None  # "Mission 2", "Showcase"...
    published: str | None = None  # "Published 6 November 2026"
    updated: str | None = None
    event_when: str | None = None
    event_where: str | None = None
    event_online_url: str | None = None
    event_booking_url: str | None = None


def page_view(post: Post | None, plan: Plan, language: str) -> PageView:
    view = {"language": language, "is_welsh": language == "cy"}
    if post is None or post.is_page:
        return PageView(**view)
    if post.kind == "mission":
        view["caption"] = translate("mission_number", language, number=plan.mission(post.mission_id).number)
    else:
        view["caption"] = translate(f"kind.{post.kind}", language)
    view["published"] = translate("published_on", language, date=long_date(post.date, language))
    if post.updated:
        view["updated"] = translate("updated_on", language, date=long_date(post.updated, language))
    if post.event:
        event = post.event
        view["event_when"] = (f"{long_date(event.start.date(), language)}, "
                              f"{event.start.strftime(TIME_FORMAT)}–{event.end.strftime(TIME_FORMAT)}")
        if event.end.date() != event.start.date():
            view["event_when"] = (f"{long_date(event.start.date(), language)} {event.start.strftime(TIME_FORMAT)} – "
                                  f"{long_date(event.end.date(), language)} {event.end.strftime(TIME_FORMAT)}")
        view["event_where"] = event.location.in_language(language)
        view["event_online_url"] = event.online_url
        view["event_booking_url"] = event.booking_url
    return PageView(**view)
