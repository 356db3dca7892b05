"""Which posts a build publishes: drafts and scheduled posts only in a preview."""

from __future__ import annotations

import os
import posixpath

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from . import LANGUAGES
from .bodies import BodyChecker, PageAddresses, link_problems
from .consultation import WALES, Consultation, build_moment
from .plan_diff import EarlierPlan, load_earlier_plan
from .progress_reports import DEFAULT_PERIOD, Period, reporting_periods
from .loader import TranslationPolicy, load_content, page_paths
from .markers import anchors_before_the_content_reads, block_anchors
from .memo import Memo
from .site_options import SiteOptions, site_options as checked_options
from .model import Content, Post
from .problems import ContentError, Problem, phrase
from .rendering import MarkdownSettings
from .site_templates import template_problems
from .settings import CONFIG_FILE, page_listing, raw_site_options, site_config, theme_dir, theme_folders
from .site_files import PageListing, symbolic_link_problem, symbolic_links, theme_files
from .proofing_report import ProofingTotals, load_totals
from .urls import SiteAddresses, page_url

DOCS_DIR = "docs"

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
    proofing: ProofingTotals | None = None  # what the last `make proof` found, for editors
    options: SiteOptions | None = None  # extra.strategy in mkdocs.yml, checked
    bodies: BodyChecker = field(default_factory=BodyChecker, compare=False)  # each page's body, as rendered

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
    def progress_periods(self) -> tuple[Period, ...]:
        """The periods with a progress report, oldest first (progress_reports.py)."""
        kind = self.options.reporting_period if self.options else DEFAULT_PERIOD
        return reporting_periods(self.content.plan, kind, self.as_of)

    @cached_property
    def _mission_posts(self) -> dict[str, Post]:
        return {p.mission_id: p for p in self.posts if p.kind == "mission"}

    def mission_post(self, mission_id: str) -> Post | None:
        return self._mission_posts.get(mission_id)

    @cached_property
    def _paths_by_url(self) -> dict[str, dict[str, str]]:
        return {language: {page_url(post.path, language): post.path for post in self.content.entries}
                for language in LANGUAGES}

    def page_addresses(self, url: str, language: str) -> PageAddresses:
        """For a page published at ``url`` (site-root relative): where every page is."""
        return PageAddresses(url, self._paths_by_url[language])

    def page_problems(self) -> list[Problem]:
        """What the pages' rendered bodies hold (``bodies``): markup the allowlist refuses,
        links to a page or anchor that does not exist, and links from a page this build
        shows to a post it leaves out (each would be a broken link on the live site)."""
        rendered = self.bodies.rendered
        mission_ids = [mission.id for mission in self.content.plan.missions]
        anchors = {(path, language): body.ids | block_anchors(self.content.entry_at(path).body.in_language(language),
                                                              self.content.entry_at(path).kind, mission_ids)
                   for (path, language), body in rendered.items() if self.content.entry_at(path)}
        problems = self.bodies.problems + link_problems(rendered, anchors, set(self.content.page_files), DOCS_DIR)
        hidden = self.hidden_paths
        for (path, language), body in rendered.items():
            entry = self.content.entry_at(path)
            if entry is None or not self.shows(entry):
                continue
            for link in body.links:
                if link.target in hidden:
                    post = self.content.entry_at(link.target)
                    why = phrase("found.a_draft") if post.draft else phrase("found.scheduled", day=post.date)
                    problems.append(Problem(link.file, link.line, "", phrase("expected.published_links"),
                                            phrase("found.link_to_hidden", target=link.target, why=why)))
        return problems


def prepare(root, raw_options: dict | None, preview: bool, site_url: str, bodies: BodyChecker,
            memo: Memo | None = None, theme: tuple[str, ...] = (), listing: PageListing = PageListing(),
            theme_dir: str | None = None) -> Publication:
    """What one build publishes, in every language, from mkdocs.yml (``site_url`` and
    the ``extra.strategy`` options as written, checked and typed here). Raises
    ContentError listing every problem: the options, the content, the earlier plan to
    compare with and, when ``bodies`` renders every page's body (the editors' check),
    the links between pages. A build checks those as it renders each page
    (``Publication.page_problems``). ``memo``: see memo.py. ``theme``: the theme's
    folders, whose files no file of docs/ may replace; ``listing``: which pages the menu
    lists or leaves out on purpose (both in site_files.py); ``theme_dir``: the site's own
    theme folder (custom_dir), read with data/ and schemas/, in none of which a symbolic
    link may be (site_files.symbolic_links)."""
    linked = symbolic_links(root, (CONFIG_FILE, DOCS_DIR), ("data", "schemas", *_within(root, theme_dir)))
    problems, options, moment = [symbolic_link_problem(file) for file in linked], None, build_moment()
    try:
        options = checked_options(raw_options, root)
    except ContentError as error:
        problems += error.problems  # the content is still checked, with the default policy
    content = earlier_plan = mission_ids = None
    try:
        content = load_content(root, policy=options.translations if options else TranslationPolicy(), bodies=bodies,
                               memo=memo, theme=tuple(sorted(theme_files(theme))),
                               as_of=moment.astimezone(WALES).date(), unread=frozenset(linked))
    except ContentError as error:
        problems += error.problems
        mission_ids = error.mission_ids
    if bodies.site_files is not None:  # the files the content's loader found
        problems += listing.problems(bodies.site_files, DOCS_DIR)
    if not any(_under_any(folder, linked) for folder in _within(root, theme_dir)):  # a link is refused as such
        problems += template_problems(Path(root), theme_dir)
    if options and options.compare_with and not _under_any(options.compare_with.name, linked):
        try:
            earlier_plan = load_earlier_plan(options.compare_with)
        except ContentError as error:
            problems += error.problems
    if problems:
        raise ContentError(problems + bodies.check_unrendered()
                           + _broken_links_before_the_content_reads(Path(root), bodies, mission_ids))
    publication = Publication(
        content, moment=moment, preview=preview, options=options, consultation=options.consultation,
        addresses=SiteAddresses.from_settings(site_url, options.language_site_urls, options.x_default_language),
        earlier_plan=earlier_plan, bodies=bodies,
        proofing=load_totals(Path(root)),
    )
    if not bodies.render_all:
        # A build checks each page as MkDocs renders it, one language per process, and the
        # first to fail stops the other. Links to the posts it leaves out, and to files that
        # only one language's folder has (a picture kept once), are checked now, in every
        # language at once, on the few pages whose text names one.
        bodies.check_pages_mentioning({posixpath.basename(path) for path in publication.hidden_paths}
                                      | {posixpath.basename(path) for path in bodies.site_files.in_one_language()})
    problems = publication.page_problems()
    if problems:
        raise ContentError(problems)
    return publication


def _within(root, folder: str | None) -> tuple[str, ...]:
    """``folder`` (absolute, or relative to ``root``) as a path under ``root``; none if it is outside."""
    if not folder:
        return ()
    relative = os.path.relpath(os.path.join(root, folder), root)
    return () if relative == os.curdir or relative.startswith(os.pardir) else (relative.replace(os.sep, "/"),)


def _under_any(file: str, paths) -> bool:
    return any(file == path or file.startswith(path + "/") for path in paths)


def _broken_links_before_the_content_reads(root: Path, bodies: BodyChecker, mission_ids) -> list[Problem]:
    """Links to pages that do not exist, and to anchors their page does not have, found
    even when other problems stop the content from being read whole, so that a broken
    link is not hidden behind them. Links to drafts need each post's state, and anchors
    that the plan's missions give a page need the plan (``mission_ids``, None when it did
    not read): they are checked once it reads."""
    pages = set().union(*page_paths(root, DOCS_DIR).values())
    anchors = {}
    for key, body in bodies.rendered.items():
        from_blocks = anchors_before_the_content_reads(bodies.sources[key].body, mission_ids)
        if from_blocks is not None:
            anchors[key] = body.ids | from_blocks
    return link_problems(bodies.rendered, anchors, pages, DOCS_DIR)


def check_content(root: Path) -> Publication:
    """The editors' check: everything a published build of this moment checks, read from
    mkdocs.yml as the build reads it, with every page's body rendered here."""
    config = site_config(root)
    bodies = BodyChecker(MarkdownSettings.from_config_list(config.get("markdown_extensions")), render_all=True)
    return prepare(root, raw_site_options(root, config), preview=False, site_url=str(config.get("site_url") or ""),
                   bodies=bodies, theme=theme_folders(root, config), listing=page_listing(config),
                   theme_dir=theme_dir(config))
