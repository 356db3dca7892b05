"""What a page template shows about its post, in one language, ready to print."""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import LANGUAGES
from .catalogue import translate
from .consultation import WALES
from .dates import event_when, long_date
from .feed_times import published_attribute
from .feeds import MEDIA_TYPES
from .block_declarations import BLOCKS
from .markers import placed_blocks
from .model import Mission, Post
from .plan_history import plan_last_updated
from .publication import Publication
from .translation import MISSING, OUTDATED
from .social_image import FILE_NAME as SOCIAL_IMAGE
from .urls import (PROGRESS_FOLDER, SiteAddresses, feed_paths, page_url, plan_updates_feed_paths, search_box_url,
                   subscribe_url)

@dataclass(frozen=True)
class Link:
    title: str
    url: str  # site-root relative: templates pass it through MkDocs' |url filter


@dataclass(frozen=True)
class FeedLink:
    title: str
    media_type: str
    url: str  # site-root relative


@dataclass(frozen=True)
class LanguageOption:
    """One entry of the language switch: the same page in a language."""

    language: str
    name: str  # in its own language: "Cymraeg"
    href: str  # from the current page
    is_current: bool


@dataclass(frozen=True)
class PageView:
    language: str
    is_welsh: bool
    search_url: str = ""  # the box on this language's search page, site-root relative
    canonical: str = ""  # the page's absolute address
    # Printed where a page gives its address, by a page that has none (the not-found page,
    # served at any address): the site's home in its language, until a script puts in the
    # address the reader asked for.
    printed_address: str = ""
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, absolute address), x-default included
    languages: tuple[LanguageOption, ...] = ()
    translation_notices: tuple[tuple[str, str], ...] = ()  # (language, text), the reader's language first
    title_language: str | None = None  # the title's own, when not the page's (a translation to follow)
    feeds: tuple[FeedLink, ...] = ()  # announced in the page head for feed readers to discover
    caption: str | None = None  # "Mission 2", "Showcase"...
    published: str | None = None  # "Published 6 November 2026"
    published_datetime: str | None = None  # for <time datetime>: '2026-11-06', or with the time a post gives
    updated: str | None = None
    updated_datetime: str | None = None
    preview_notice: str | None = None  # why a draft or scheduled post is shown (previews only)
    series_label: str | None = None
    series_part: str | None = None  # "Part 3 of 7"
    series_previous: Link | None = None
    series_next: Link | None = None
    event_when: str | None = None
    event_where: str | None = None
    event_online_url: str | None = None
    event_booking_url: str | None = None
    structured_data: str | None = None  # schema.org JSON-LD, already safe inside <script>
    history_summary: str | None = None  # "Published 4 November 2026, last updated 20 November 2026"
    history: tuple[tuple[str, str], ...] = ()  # (date, note), newest first
    scripts: tuple[str, ...] = ()  # the scripts of this page's blocks, site-root relative
    mission_feed: str | None = None  # where the page's visible link to its mission's feed leads (the subscribe page)
    description: str | None = None  # the post's summary, for search results and shared links
    share_title: str | None = None  # Open Graph and Twitter cards
    share_image: str | None = None  # absolute address of the post's picture (social_image.py)
    share_locale: str = "en_GB"
    share_locale_alternates: tuple[str, ...] = ()


# The scripts only some blocks need: a page loads them only when it places the block.
BLOCK_SCRIPTS = {block.name: block.script for block in BLOCKS if block.script}


def _series_view(post: Post, publication: Publication, language: str) -> dict:
    series = publication.series
    index = publication.series_positions.get(post.path)
    if index is None:
        return {}

    def link(neighbour: Post) -> Link:
        return Link(neighbour.title.in_language(language), page_url(neighbour.path, language))

    return {
        "series_label": translate("series.label", language),
        "series_part": translate("series.part", language, part=index + 1, parts=len(series)),
        "series_previous": link(series[index - 1]) if index > 0 else None,
        "series_next": link(series[index + 1]) if index + 1 < len(series) else None,
    }


def history_view(published, changes, language: str, last_updated=None) -> dict:
    """GOV.UK-style history at the foot of a page: when published, when last updated, every update.
    ``last_updated``: when the page changed last, if later than its latest listed change."""
    summary = translate("history.published", language, date=long_date(published, language))
    latest = max([change.date for change in changes] + ([last_updated] if last_updated else []), default=None)
    if changes or (latest is not None and latest > published):
        summary += ", " + translate("history.updated", language, date=long_date(latest, language))
    entries = [(long_date(c.date, language), c.note.in_language(language)) for c in reversed(changes)]
    entries.append((long_date(published, language), translate("history.first_published", language)))
    return {"history_summary": summary, "history": tuple(entries)}


def feed_links(language: str, site_name: str, mission: Mission | None = None,
               plan_updates: bool = False) -> tuple[FeedLink, ...]:
    """The feeds a page announces: its language's site-wide feeds, a mission's own, and
    (``plan_updates``: the progress reports and the delivery plan) the plan's updates."""
    feeds = [(site_name, feed_paths(language))]
    if mission is not None:
        heading = translate("plan.mission_heading", language, number=mission.number, title=mission.title.in_language(language))
        feeds.append((f"{site_name}: {heading}", feed_paths(language, mission.id)))
    if plan_updates:
        feeds.append((f"{site_name}: {translate('plan_feed.title', language)}", plan_updates_feed_paths(language)))
    return tuple(
        FeedLink(translate("feed.link_title", language, feed=name, format=translate(f"feed.format.{kind}", language)),
                 MEDIA_TYPES[kind], path)
        for name, paths in feeds
        for kind, path in paths.items()
    )


def language_view(path: str, language: str, addresses: SiteAddresses) -> dict:
    """The page's own address, its twins for search engines, and the language switch."""
    alternates = [(other, addresses.absolute(path, other)) for other in LANGUAGES]
    alternates.append(("x-default", addresses.absolute(path, addresses.x_default)))
    return {
        "canonical": addresses.absolute(path, language),
        "alternates": tuple(alternates),
        "languages": tuple(
            LanguageOption(other, translate(f"language_name.{other}", other),
                           addresses.link(path, language, path, other), other == language)
            for other in LANGUAGES
        ),
    }


def page_view(post: Post | None, path: str, publication: Publication, language: str, site_name: str,
              addresses: SiteAddresses, title: str | None = None) -> PageView:
    """Everything the templates show about the page at ``path`` (as under docs/<language>/).
    ``title``: the heading of a page the hooks made (no ``post``), which it is shared by."""
    plan = publication.content.plan
    mission = plan.mission(post.mission_id) if post is not None and post.kind == "mission" else None
    blocks = placed_blocks(post.body.in_language(language)) if post is not None else frozenset()
    plan_updates = path.startswith(PROGRESS_FOLDER) or "delivery-plan" in blocks
    view = {"language": language, "is_welsh": language == "cy",
            "feeds": feed_links(language, site_name, mission, plan_updates),
            "search_url": search_box_url(language), **language_view(path, language, addresses)}
    if post is not None and language == post.translated_language and post.translation_state in (OUTDATED, MISSING):
        key = f"translation.{post.translation_state}.{language}"
        view["translation_notices"] = tuple((lang, translate(key, lang)) for lang in (language, post.source_language))
        if post.translation_state == MISSING:
            view["title_language"] = post.source_language
    view.update(sharing_view(post, language, view["canonical"], plan, title))
    blocks = placed_blocks(post.body.in_language(language)) if post is not None else frozenset()
    view["scripts"] = tuple(script for block, script in BLOCK_SCRIPTS.items() if block in blocks)
    if post is None or post.is_page:
        if "delivery-plan" in blocks and plan.changes:
            # The plan's own history; it was last updated by its latest change, action or progress note.
            view.update(history_view(plan.changes[0].date, plan.changes[1:], language, plan_last_updated(plan)))
        return PageView(**view)
    if mission is not None:
        view["mission_feed"] = subscribe_url(language, mission.id)
    if post.kind == "mission":
        view["caption"] = translate("mission_number", language, number=plan.mission(post.mission_id).number)
    else:
        view["caption"] = translate(f"kind.{post.kind}", language)
    view["published"] = translate("published_on", language, date=long_date(post.date, language))
    view["published_datetime"] = published_attribute(post)
    if post.updated:
        view["updated"] = translate("updated_on", language, date=long_date(post.updated, language))
        view["updated_datetime"] = post.updated.isoformat()
    if post.draft:
        view["preview_notice"] = translate("preview.draft", language)
    elif not publication.is_published(post):
        view["preview_notice"] = translate("preview.scheduled", language, date=long_date(post.date, language))
    view.update(_series_view(post, publication, language))
    view.update(history_view(post.date, post.changes, language))
    if post.event:
        view["event_when"] = event_when(post, language)
        view["event_where"] = post.event.location.in_language(language)
        view["event_online_url"] = post.event.online_url
        view["event_booking_url"] = post.event.booking_url
        view["structured_data"] = event_json_ld(post, language, view["canonical"], site_name)
    return PageView(**view)


OPEN_GRAPH_LOCALES = {"en": "en_GB", "cy": "cy_GB"}


def share_kicker(post: Post, language: str, plan) -> str:
    """The line above a post's title in its shared picture: its mission, or its kind
    (a page, such as the home page or the plan, has none: its title says what it is)."""
    if post.is_page:
        return ""
    if post.kind == "mission":
        mission = plan.mission(post.mission_id)
        return translate("plan.mission_heading", language, number=mission.number, title=mission.title.in_language(language))
    return translate(f"kind.{post.kind}", language)


def sharing_view(post: Post | None, language: str, canonical: str, plan, title: str | None = None) -> dict:
    """What a search engine or a shared link shows of the page, in its language. A page the
    hooks made (archive pages 2 onwards, progress reports, owners' pages) has no post: it
    is shared by its ``title``, with a picture of it (events/reader_pages.py draws it)."""
    view = {"share_locale": OPEN_GRAPH_LOCALES[language],
            "share_locale_alternates": tuple(OPEN_GRAPH_LOCALES[other] for other in LANGUAGES if other != language)}
    if post is not None:
        view["share_title"] = post.title.in_language(language)
        if post.summary:
            view["description"] = post.summary.in_language(language)
    elif title:
        view["share_title"] = title
    else:
        return view
    view["share_image"] = canonical + SOCIAL_IMAGE  # every page, home and plan too, in its language
    return view


def event_json_ld(post: Post, language: str, url: str, organiser: str) -> str:
    """schema.org Event data for search engines. An event with a link to join is online."""
    event = post.event
    online = event.online_url is not None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": post.title.in_language(language),
        "description": post.summary.in_language(language) if post.summary else "",
        "startDate": event.start.replace(tzinfo=WALES).isoformat(),
        "endDate": event.end.replace(tzinfo=WALES).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/" + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
        "location": ({"@type": "VirtualLocation", "url": event.online_url} if online
                     else {"@type": "Place", "name": event.location.in_language(language)}),
        "inLanguage": language,
        "url": url,
        "organizer": {"@type": "Organization", "name": organiser},
    }
    if event.booking_url:
        data["offers"] = {"@type": "Offer", "url": event.booking_url, "price": "0", "priceCurrency": "GBP"}
    # Inside <script>, "<" could end the element early: write it, ">" and "&" as JSON escapes.
    return (json.dumps(data, ensure_ascii=False, sort_keys=True)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def not_found_view(language: str, addresses: SiteAddresses) -> PageView:
    """The not-found page is served at any address, so its links start from the site root."""
    def href(other: str) -> str:
        base = addresses.bases[other]
        return base if addresses.separate_domains else "/" + base.split("://", 1)[-1].split("/", 1)[1]

    options = tuple(LanguageOption(other, translate(f"language_name.{other}", other), href(other), other == language)
                    for other in LANGUAGES)
    return PageView(language=language, is_welsh=language == "cy", languages=options, search_url=search_box_url(language),
                    printed_address=addresses.bases[language])
