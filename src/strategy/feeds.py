"""The feeds of each language, site-wide and per mission, described once (``Feed``).

Small pure functions: choose the items and describe them; feed_formats.py then
writes each format (RSS 2.0, Atom 1.0, JSON Feed 1.1), escaping for it at the edge.
Nothing here reads the clock: every date comes from the content, so two builds of
one commit are identical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable
from datetime import date, datetime, time
from urllib.parse import urljoin

import lxml.html

from . import LANGUAGES
from .catalogue import translate
from .dates import event_when, long_date
from .feed_times import EntryMoments, entry_moments
from .inputs import WALES
from .model import Mission, Post
from .publication import Publication
from .urls import SiteAddresses, feed_paths

MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
ATOM = "http://www.w3.org/2005/Atom"

# An item links to the same post in the other language with rel="related" and
# hreflang. Not rel="alternate": feed readers take an item's alternate link as
# the item's own address, and some take the last one, which would send an
# English reader to the Welsh page.
TWIN_RELATION = "related"

# Characters XML 1.0 cannot carry at all; they are dropped from every feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


RenderContent = Callable[[dict], str]


@dataclass(frozen=True)
class FeedSettings:
    addresses: SiteAddresses
    id_authority: str  # the tag: URI authority, such as 'digital-strategy.gov.wales,2026'; never changed
    limit: int = 20
    full_content: bool = True


@dataclass(frozen=True)
class FeedItem:
    id: str
    url: str
    title: str
    summary: str
    content_html: str
    published: datetime
    updated: datetime
    category: str
    alternates: tuple[tuple[str, str], ...]  # (language, url) of the same post in the other languages


@dataclass(frozen=True)
class Feed:
    language: str
    id: str
    title: str
    description: str
    home_url: str
    paths: dict[str, str]  # format -> where this feed is published, relative to the site root
    urls: dict[str, str]  # format -> absolute URL of this feed
    alternates: tuple[tuple[str, str], ...]  # (language, absolute URL of the same feed's RSS) for the other languages
    author: str
    updated: datetime
    items: tuple[FeedItem, ...]


@lru_cache(maxsize=4096)  # a post is in two feeds, and the editors' preview writes them after each edit
def feed_html(html: str, base_url: str) -> str:
    """A post's rendered HTML as a feed carries it: every link and image absolute,
    without the permalink symbols. (It holds no title: the theme prints that.)"""
    if not html.strip():
        return ""
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    for anchor in fragment.xpath('.//a[contains(concat(" ", @class, " "), " headerlink ")]'):
        anchor.drop_tree()
    for table in fragment.xpath('.//table[contains(concat(" ", @class, " "), " strategy-table--stacked ")]'):
        _read_as_a_list(table)
    for element in fragment.iter():
        for attribute in ("href", "src", "poster"):
            value = element.get(attribute)
            if value is not None and not value.startswith("#"):
                element.set(attribute, urljoin(base_url, value))
        if element.get("srcset"):
            element.set("srcset", ", ".join(
                " ".join([urljoin(base_url, part.split()[0]), *part.split()[1:]])
                for part in element.get("srcset").split(",") if part.strip()))
    return (fragment.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in fragment)


def _read_as_a_list(table) -> None:
    """A table that a phone shows as a card per row (strategy-table--stacked: each cell
    carries its column's name in data-label) becomes, in a feed, its caption then a
    list with an item per row and a line per cell, "Owner: ...". Feed readers that show
    text (newsboat) cut a wide table's last columns and run its caption into its
    header row; every reader shows a list whole."""
    caption = table.find("caption")
    title = lxml.html.Element("p")
    if caption is not None:
        lxml.html.etree.SubElement(title, "strong").text = caption.text_content().strip()
    rows = lxml.html.Element("ul")
    for row in table.xpath("./tbody/tr"):
        item = lxml.html.etree.SubElement(rows, "li")
        for cell in row.xpath("./th | ./td"):
            line = lxml.html.etree.SubElement(item, "div")
            if cell.get("data-label"):
                name = lxml.html.etree.SubElement(line, "strong")
                name.text, name.tail = cell.get("data-label") + ":", " " + (cell.text or "")
            else:
                line.text = cell.text
            line.extend(list(cell))  # the cell's own markup (a status, a date), as it was
    box = table.getparent()
    replaced = box if box is not None and "strategy-table-wrap" in (box.get("class") or "") else table
    replaced.addnext(rows)
    replaced.addnext(title)
    rows.tail, replaced.tail = replaced.tail, None
    replaced.drop_tree()


def _category(post: Post, publication: Publication, language: str) -> str:
    if post.kind == "mission":
        return translate("mission_number", language, number=publication.content.plan.mission(post.mission_id).number)
    return translate(f"kind.{post.kind}", language)


def item_content(post: Post, language: str, body_html: str | None) -> dict:
    """What an item's content shows (the template feed-item.html): the latest update and
    an event's time and place, then the post (``body_html``, feed-ready) or its summary."""
    latest = post.changes[-1] if post.changes else None
    return {
        "update_date": long_date(latest.date, language) if latest else None,
        "update_note": latest.note.in_language(language) if latest else None,
        "event_when": event_when(post, language) if post.event else None,
        "event_where": post.event.location.in_language(language) if post.event else None,
        "body_html": body_html,  # already HTML: the template prints it as it is
        "summary": post.summary.in_language(language) if post.summary else "",
    }


def _item(post: Post, publication: Publication, language: str, settings: FeedSettings,
          rendered: dict[str, str], render: RenderContent, moments: EntryMoments) -> FeedItem:
    url = settings.addresses.absolute(post.path, language)
    summary = post.summary.in_language(language) if post.summary else ""
    body = feed_html(rendered[post.path], url) if settings.full_content and rendered.get(post.path) else None
    content = render(item_content(post, language, body))
    return FeedItem(
        id=f"tag:{settings.id_authority}:post/{post.id}/{language}",
        url=url,
        # Control characters are dropped from every format alike: XML cannot carry them.
        title=xml_safe(post.title.in_language(language)),
        summary=xml_safe(summary),
        content_html=xml_safe(content),
        published=moments.published,
        updated=moments.updated,
        category=_category(post, publication, language),
        alternates=tuple((other, settings.addresses.absolute(post.path, other)) for other in LANGUAGES if other != language),
    )


def build_feeds(publication: Publication, language: str, settings: FeedSettings, site_name: str,
                rendered: dict[str, str], render: RenderContent) -> list[Feed]:
    """The site-wide feed, then each mission's (see build_feed)."""
    posts = [post for post in publication.content.posts if publication.is_published(post)]
    moments = entry_moments(posts)  # worked out once for every feed
    return [build_feed(publication, language, settings, site_name, rendered, render, mission, moments)
            for mission in (None, *publication.content.plan.missions)]


def build_feed(publication: Publication, language: str, settings: FeedSettings, site_name: str,
               rendered: dict[str, str], render: RenderContent, mission: Mission | None = None,
               moments: dict[str, EntryMoments] | None = None) -> Feed:
    """The feed of every published post (or of one mission's posts), newest first.
    ``rendered``: each post's HTML by path; ``render`` makes an item's content from ``item_content``;
    ``moments``: entry_moments of every published post, when the caller has them.

    Drafts and scheduled posts never appear, even in a preview build."""
    posts = [post for post in publication.content.posts if publication.is_published(post)]
    # Of every published post, so that every feed gives a post the same moments.
    moments = moments if moments is not None else entry_moments(posts)
    if mission is not None:
        posts = [post for post in posts if post.mission_id == mission.id]
    newest_first = sorted(posts, key=lambda post: (moments[post.id].published, post.id), reverse=True)[: settings.limit]
    items = tuple(_item(post, publication, language, settings, rendered, render, moments[post.id])
                  for post in newest_first)
    if mission is None:
        title = site_name
        description = translate("feed.description", language, site=site_name)
        scope = "all"
    else:
        heading = translate("plan.mission_heading", language, number=mission.number,
                            title=mission.title.in_language(language))
        title = f"{site_name}: {heading}"
        description = translate("feed.mission_description", language, mission=heading)
        scope = f"mission/{mission.id}"
    mission_id = mission.id if mission else None
    paths = feed_paths(language, mission_id)
    latest = max((item.updated for item in items), default=datetime.combine(date(2000, 1, 1), time(0, 0), tzinfo=WALES))
    return Feed(
        language=language,
        id=f"tag:{settings.id_authority}:feed/{scope}/{language}",
        title=title,
        description=description,
        home_url=settings.addresses.bases[language],
        paths=paths,
        urls={kind: settings.addresses.absolute_file(path, language) for kind, path in paths.items()},
        alternates=tuple((other, settings.addresses.absolute_file(feed_paths(other, mission_id)["rss"], other))
                         for other in LANGUAGES if other != language),
        author=site_name,
        updated=latest,
        items=items,
    )
