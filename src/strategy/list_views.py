"""The views of the blocks that list posts, feeds and ways to take part: plain values in the page's language.

Each function takes the page a block is placed on and returns what its template
(``theme/partials/strategy/<block>.html``) prints, or None when the block
has nothing to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from .consultation import OPEN, WALES, mailto
from .catalogue import translate
from .dates import event_when, long_datetime
from .feed_times import published_attribute
from .model import Post
from .proofing_report import FileTotals, summary as proofing_summary
from .publication import SERIES_KINDS
from .translation import outdated_plan_texts, translation_report
from .urls import (PLAN_UPDATES_ANCHOR, SEARCH_BOX, archive_page_path, calendar_path, feed_anchor, feed_paths, page_url, plan_updates_feed_paths,
                   relative_url, search_folder)
from .views_common import Day, MissionName, Page, mission_name

ARCHIVE_PAGE_SIZE = 20
LATEST_COUNT = 3


@dataclass(frozen=True)
class PostLink:
    title: str
    href: str
    date: Day
    kind: str  # mission | series | showcase | event
    mission_number: int | None = None  # for a mission post
    summary: str | None = None


def post_link(post: Post, page: Page) -> PostLink:
    mission = page.publication.content.plan.mission(post.mission_id) if post.kind == "mission" else None
    published = Day(published_attribute(post), page.day(post.date).text)  # with the time, if the post gives one
    return PostLink(page.text(post.title), page.link_to(post.path), published, post.kind,
                    mission.number if mission else None, page.text(post.summary) if post.summary else None)


def archive_page_count(publication) -> int:
    return max(1, -(-len(publication.posts) // ARCHIVE_PAGE_SIZE))


def archive(page: Page, number: int = 1) -> dict:
    """Page ``number`` of every post, newest first, with links to the pages either side."""
    newest_first = list(reversed(page.publication.posts))
    pages = archive_page_count(page.publication)
    shown = newest_first[(number - 1) * ARCHIVE_PAGE_SIZE: number * ARCHIVE_PAGE_SIZE]
    return {
        "posts": [post_link(post, page) for post in shown],
        "page": number,
        "pages": pages,
        "newer": page.link_to(archive_page_path(number - 1)) if number > 1 else None,
        "older": page.link_to(archive_page_path(number + 1)) if number < pages else None,
    }


def latest_posts(page: Page) -> dict | None:
    """The newest showcase and event posts, for the home page."""
    latest = [post for post in reversed(page.publication.posts) if post.kind not in SERIES_KINDS][:LATEST_COUNT]
    return {"posts": [post_link(post, page) for post in latest]} if latest else None


@dataclass(frozen=True)
class FeedRow:
    mission: MissionName | None  # None: the feed of every post
    anchor: str  # the row's id, where the site's links to this feed lead (urls.subscribe_url)
    address: str  # the RSS feed's absolute address, to copy into a feed reader
    other_formats: list[tuple[str, str]]  # (format, absolute address): Atom and JSON Feed
    plan_updates: bool = False  # the plan's progress notes and changes of status, not posts


def feed_list(page: Page) -> dict:
    """Every feed (all posts, each mission's, the plan's updates), then the events calendar,
    each with the address to copy into a reader."""
    absolute = lambda path: page.publication.addresses.absolute_file(path, page.language)  # noqa: E731
    rows = []
    for mission in (None, *page.publication.content.plan.missions):
        mission_id = mission.id if mission else None
        paths = feed_paths(page.language, mission_id)
        rows.append(FeedRow(mission_name(page, mission) if mission else None, feed_anchor(mission_id),
                            absolute(paths["rss"]),
                            [(kind, absolute(path)) for kind, path in paths.items() if kind != "rss"]))
    plan_updates = plan_updates_feed_paths(page.language)
    rows.append(FeedRow(None, PLAN_UPDATES_ANCHOR, absolute(plan_updates["rss"]),
                        [(kind, absolute(path)) for kind, path in plan_updates.items() if kind != "rss"], True))
    return {"feeds": rows, "calendar_address": absolute(calendar_path(page.language))}


def translation_status(page: Page) -> dict:
    """Every post's translation, then the plan's texts whose translation is outdated."""
    plan = page.publication.content.plan
    return {"rows": translation_report(page.publication.content), "plan_rows": outdated_plan_texts(plan),
            "plan_total": len(plan.translations)}


@dataclass(frozen=True)
class ProofingReport:
    """What the last ``make proof`` found, for the Welsh-language editor's page."""

    summary: str  # 'No unknown words and no missing mutations in 40 files.'
    files: tuple[FileTotals, ...]  # the files with a finding; a file's language is 'cy', 'en' or 'en cy'


def proofing_report(page: Page) -> ProofingReport | None:
    """None until ``make proof`` has written data/proofing-report.json."""
    report = page.publication.proofing
    if report is None:
        return None
    return ProofingReport(proofing_summary(report, page.language), report.files)


@dataclass(frozen=True)
class EventLink:
    title: str
    href: str
    start: str  # ISO date and time
    when: str  # '8 December 2026, 10:00–11:30'
    where: str


def events(page: Page) -> dict:
    """Upcoming events, soonest first, then past events, latest first (as of the build)."""
    moment = page.publication.moment
    posts = [post for post in page.publication.posts if post.event]

    def link(post: Post) -> EventLink:
        return EventLink(page.text(post.title), page.link_to(post.path), post.event.start.isoformat(),
                         event_when(post, page.language), page.text(post.event.location))

    def ended(post: Post) -> bool:
        return post.event.end.replace(tzinfo=WALES) < moment

    return {
        "calendar": page.link_to_file(calendar_path(page.language)),
        "upcoming": [link(p) for p in sorted((p for p in posts if not ended(p)), key=lambda p: p.event.start)],
        "past": [link(p) for p in sorted((p for p in posts if ended(p)), key=lambda p: p.event.start, reverse=True)],
    }


def showcase_index(page: Page) -> dict:
    """Case studies from across Wales, under the mission each illustrates."""
    posts = list(reversed(page.publication.posts))
    return {"missions": [
        (mission_name(page, mission),
         [post_link(p, page) for p in posts if p.kind == "showcase" and p.mission_id == mission.id])
        for mission in page.publication.content.plan.missions
    ]}


def search_form(page: Page) -> dict:
    """Where search.js finds the site and this language's index (it does the searching in the
    browser), the box's id, and where a reader without scripts finds every post instead."""
    return {"site_root": relative_url(page.url, ""), "index": relative_url(page.url, search_folder(page.language)),
            "box": SEARCH_BOX, "all_posts": relative_url(page.url, page_url(archive_page_path(1), page.language))}


# --- taking part ---------------------------------------------------------------


def have_your_say(page: Page) -> dict | None:
    """How to respond to the consultation, or where it stands once it has closed."""
    consultation = page.publication.consultation
    if consultation is None:
        return None
    mission = page.mission
    state = consultation.state(page.publication.moment)
    view = {"state": state, "opens": long_datetime(consultation.opens, page.language),
            "closes": long_datetime(consultation.closes, page.language), "response_url": consultation.response_url}
    if state == OPEN:
        topic = (translate("plan.mission_heading", page.language, number=mission.number, title=page.text(mission.title))
                 if mission else translate("say.subject_general", page.language))
        subject = translate("say.subject", page.language, topic=topic)
        view.update(
            email=consultation.email, mailto=mailto(consultation.email, subject) if consultation.email else None,
            form_url=consultation.form_url,
            postal_address=page.text(consultation.postal_address).splitlines() if consultation.postal_address else None)
    return view


def you_said_we_did(page: Page) -> dict | None:
    mission = page.mission
    if not mission.feedback:
        return None
    return {"mission": mission_name(page, mission),
            "feedback": [(page.text(item.theme), page.text(item.response)) for item in mission.feedback]}

