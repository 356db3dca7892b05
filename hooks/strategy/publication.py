"""Which posts a build publishes: drafts and scheduled posts only in a preview."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from .consultation import WALES, Consultation, build_moment
from .plan_diff import EarlierPlan, load_earlier_plan
from .dates import long_date
from .loader import load_content
from .site_options import SiteOptions
from .model import Content, Post
from .problems import ContentError, Problem
from .urls import SiteAddresses

# Markdown links to another page: [text](path.md#anchor) and [label]: path.md
_PAGE_LINK = re.compile(r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?)(?P<target>[^)\s>#]+\.md)\b", re.MULTILINE)

SERIES_KINDS = ("series", "mission")
"""The kinds of post that make up the numbered strategy series."""


@dataclass(frozen=True)
class Publication:
    """The content as one build publishes it."""

    content: Content
    moment: datetime  # the build's time (build_moment): what is published, upcoming or past
    preview: bool  # a local preview shows drafts and scheduled posts, marked as such
    addresses: SiteAddresses  # where each language's pages are published
    consultation: Consultation | None = None
    earlier_plan: EarlierPlan | None = None  # the plan of an earlier version, to show what changed
    options: SiteOptions | None = None  # extra.strategy in mkdocs.yml, checked

    @cached_property
    def as_of(self) -> date:
        """The day in Wales this build publishes as of: a post dated later is scheduled."""
        return self.moment.astimezone(WALES).date()

    def is_published(self, post: Post) -> bool:
        return post.is_page or (not post.draft and post.date <= self.as_of)

    def shows(self, post: Post) -> bool:
        return self.preview or self.is_published(post)

    # Worked out once per build, not once per page: every page asks.

    @cached_property
    def posts(self) -> tuple[Post, ...]:
        """The posts this build shows, oldest first."""
        return tuple(post for post in self.content.posts if self.shows(post))

    @cached_property
    def series(self) -> tuple[Post, ...]:
        """The strategy series in reading order: the context post, then the missions."""
        return tuple(post for post in self.posts if post.kind in SERIES_KINDS)

    @cached_property
    def series_positions(self) -> dict[str, int]:
        """Each series post's place in the series, from 0, by path."""
        return {post.path: index for index, post in enumerate(self.series)}

    @cached_property
    def hidden_paths(self) -> set[str]:
        """The pages this build leaves out."""
        return {post.path for post in self.content.entries if not self.shows(post)}

    @cached_property
    def _mission_posts(self) -> dict[str, Post]:
        return {p.mission_id: p for p in self.posts if p.kind == "mission"}

    def mission_post(self, mission_id: str) -> Post | None:
        return self._mission_posts.get(mission_id)

    def links_to_unpublished(self) -> list[Problem]:
        """Links from a published page to a post this build leaves out: each would be a
        broken link on the live site."""
        hidden = self.hidden_paths
        if not hidden:
            return []  # a preview shows every post
        problems = []
        for entry in self.content.entries:
            if not self.shows(entry):
                continue
            for language in ("en", "cy"):
                body = entry.body.in_language(language)
                for match in _PAGE_LINK.finditer(body):
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(entry.path), match.group("target")))
                    if target in hidden:
                        post = self.content.entry_at(target)
                        why = ("a draft" if post.draft
                               else f"scheduled for {long_date(post.date, 'en')}")
                        problems.append(Problem(f"docs/{language}/{entry.path}", None, "",
                                                "links only to published posts",
                                                f"a link to {target}, which is {why} and not published in this build"))
        return problems


def prepare(root, options: SiteOptions, preview: bool, site_url: str) -> Publication:
    """What one build publishes, in every language, from mkdocs.yml (``site_url`` and
    the ``extra.strategy`` options, checked). Raises ContentError listing every problem,
    links to unpublished posts included."""
    content = load_content(root, policy=options.translations)
    addresses = SiteAddresses.from_settings(site_url, options.language_site_urls, options.x_default_language)
    publication = Publication(
        content, moment=build_moment(), preview=preview, addresses=addresses, options=options,
        consultation=options.consultation,
        earlier_plan=load_earlier_plan(options.compare_with) if options.compare_with else None,
    )
    problems = publication.links_to_unpublished()
    if problems:
        raise ContentError(problems)
    return publication
