"""What a page template shows about its post, in one language, ready to print."""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import translate
from .dates import long_date
from .model import Post
from .publication import Publication
from .urls import page_url

TIME_FORMAT = "%H:%M"


@dataclass(frozen=True)
class Link:
    title: str
    url: str  # site-root relative: templates pass it through MkDocs' |url filter


@dataclass(frozen=True)
class PageView:
    language: str
    is_welsh: bool
    caption: str | None = None  # "Mission 2", "Showcase"...
    published: str | None = None  # "Published 6 November 2026"
    updated: str | None = None
    preview_notice: str | None = None  # why a draft or scheduled post is shown (previews only)
    series_label: str | None = None
    series_part: str | None = None  # "Part 3 of 7"
    series_previous: Link | None = None
    series_next: Link | None = None
    event_when: str | None = None
    event_where: str | None = None
    event_online_url: str | None = None
    event_booking_url: str | None = None


def _event_when(post: Post, language: str) -> str:
    start, end = post.event.start, post.event.end
    if end.date() == start.date():
        return f"{long_date(start.date(), language)}, {start.strftime(TIME_FORMAT)}–{end.strftime(TIME_FORMAT)}"
    return (f"{long_date(start.date(), language)} {start.strftime(TIME_FORMAT)} – "
            f"{long_date(end.date(), language)} {end.strftime(TIME_FORMAT)}")


def _series_view(post: Post, publication: Publication, language: str) -> dict:
    series = publication.series
    if post not in series:
        return {}
    index = series.index(post)

    def link(neighbour: Post) -> Link:
        return Link(neighbour.title.in_language(language), page_url(neighbour.path, language))

    return {
        "series_label": translate("series.label", language),
        "series_part": translate("series.part", language, part=index + 1, parts=len(series)),
        "series_previous": link(series[index - 1]) if index > 0 else None,
        "series_next": link(series[index + 1]) if index + 1 < len(series) else None,
    }


def page_view(post: Post | None, publication: Publication, language: str) -> PageView:
    view = {"language": language, "is_welsh": language == "cy"}
    if post is None or post.is_page:
        return PageView(**view)
    plan = publication.content.plan
    if post.kind == "mission":
        view["caption"] = translate("mission_number", language, number=plan.mission(post.mission_id).number)
    else:
        view["caption"] = translate(f"kind.{post.kind}", language)
    view["published"] = translate("published_on", language, date=long_date(post.date, language))
    if post.updated:
        view["updated"] = translate("updated_on", language, date=long_date(post.updated, language))
    if post.draft:
        view["preview_notice"] = translate("preview.draft", language)
    elif not publication.is_published(post):
        view["preview_notice"] = translate("preview.scheduled", language, date=long_date(post.date, language))
    view.update(_series_view(post, publication, language))
    if post.event:
        view["event_when"] = _event_when(post, language)
        view["event_where"] = post.event.location.in_language(language)
        view["event_online_url"] = post.event.online_url
        view["event_booking_url"] = post.event.booking_url
    return PageView(**view)
