"""What every block's view is built from: the page it is placed on, and dates ready to print."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import long_date
from .model import Mission, Post, Text
from .publication import Publication
from .urls import page_url, relative_url


@dataclass(frozen=True)
class Page:
    """The page a block is placed on."""

    publication: Publication
    language: str
    url: str  # site-root relative, such as 'cy/posts/missions/digital-skills/'
    post: Post | None = None  # the page's own post, if it is one

    def text(self, bilingual: Text) -> str:
        """A piece of the content in the page's language."""
        return bilingual.in_language(self.language)

    def link_to(self, path: str) -> str:
        """A link to the page at ``path`` (as under docs/<language>/), in this page's language."""
        return relative_url(self.url, page_url(path, self.language))

    def link_to_file(self, site_path: str) -> str:
        return relative_url(self.url, site_path)

    def day(self, value: date) -> Day:
        return Day(value.isoformat(), long_date(value, self.language))

    @property
    def mission(self) -> Mission | None:
        """The mission of a mission post."""
        if self.post is None or self.post.kind != "mission":
            return None
        return self.publication.content.plan.mission(self.post.mission_id)


class UnknownName(ValueError):
    """A block's marker names a period or an owner that this site has no page for (blocks.place_blocks)."""


@dataclass(frozen=True)
class Day:
    """A date for a <time> element: machine-readable and as a reader of the page's language reads it."""

    iso: str  # '2026-11-25'
    text: str  # '25 Tachwedd 2026'


@dataclass(frozen=True)
class MissionName:
    """A mission as headings and links name it: 'Mission 2: Digital inclusion'."""

    id: str
    number: int
    title: str
    href: str | None  # its post, if published


def mission_name(page: Page, mission: Mission) -> MissionName:
    post = page.publication.mission_post(mission.id)
    return MissionName(mission.id, mission.number, page.text(mission.title), page.link_to(post.path) if post else None)
