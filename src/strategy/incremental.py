"""What an edit changes, for the editors' preview: which pages to render again.

The preview (strategy/preview/) keeps each language's pages in memory and, when
files change, asks ``pages_to_render`` which pages show what changed, comparing
the content model before and after. Only an edit whose consequences are known is
rendered on its own: anything else answers None, and the preview builds
everything again. A stale page is worse than a slow one.

What shows what (the feeds, search index, calendar and site map are written
again after every edit, so they are not counted here):

- a post's body shows on its own page in both languages (its twin's notice says
  whether the translation is in step) and, when it changes whether the translation
  is in step, in the translation status page;
- a post's front matter (title, summary, date, mission, changes...) also shows in
  the pages that list posts: those placing a block (indexes, the archive and its
  later pages, events, showcase, changes, home; not the blocks below that show
  none) and the archive's page that lists it (every page of it when the order
  changed), the mission posts (their blocks), and the series neighbours, which link
  to it by title (every series post when the series' order changed);
- the delivery plan shows in every page placing a block (but the search form and
  the proofing report), the mission posts (their caption, blocks and feeds) and,
  when a mission's number changed, every page of the archive (which numbers them);
- the progress reports and the owners' pages (generated: events/progress_pages.py,
  events/owner_pages.py) show the plan and link the mission posts: they are rendered
  again after any edit of the plan or of a post's front matter, and a change of which
  of them exist (a period's first note, a new owner) builds everything again;
- a page's front matter (not a post's) is rare and may show anywhere (its title
  in the navigation, say): everything is built again.
"""

from __future__ import annotations

from dataclasses import replace

from .block_declarations import BLOCKS
from .list_views import ARCHIVE_PAGE_SIZE, archive_page_count
from .markers import placed_blocks
from .model import Post
from .publication import Publication
from .translation import MISSING
from .urls import archive_page_path, owner_page_path, owners_index_path, progress_index_path, progress_report_path

TRANSLATION_STATUS_PAGE = "translation-status.md"
"""Lists every translation's state, which a body edit can change (through the source's hash)."""

SHOW_NO_POSTS = frozenset(block.name for block in BLOCKS if not block.shows_posts)
"""Blocks that show nothing of a post's front matter (the translation status shows states only)."""

SHOW_NO_PLAN = frozenset(block.name for block in BLOCKS if not block.shows_plan)
"""Blocks that show nothing of the delivery plan."""




def edited_page(changed_file: str, languages: tuple[str, ...], docs_dir: str = "docs") -> str | None:
    """'docs/cy/posts/x.md' -> 'posts/x.md'; None for any other file (the plan, a template...)."""
    parts = changed_file.split("/", 2)
    if len(parts) == 3 and parts[0] == docs_dir and parts[1] in languages and parts[2].endswith(".md"):
        return parts[2]
    return None


def pages_to_render(before: Publication, after: Publication, edited: set[str],
                    plan_edited: bool = False) -> set[str] | None:
    """The pages (paths under each language folder, the archive's generated pages
    included) that differ between ``before`` and ``after`` when only the pages at the
    ``edited`` paths (and the plan, when ``plan_edited``) were written; None when the
    edit changed anything else, or anything not worked out here (a page added or
    removed, a translation to follow, the day or the consultation's state)."""
    if (before.as_of != after.as_of or before.earlier_plan != after.earlier_plan
            or _consultation_state(before) != _consultation_state(after) or before.options != after.options):
        return None
    old_entries = {entry.path: entry for entry in before.content.entries}
    new_entries = {entry.path: entry for entry in after.content.entries}
    if old_entries.keys() != new_entries.keys() or not edited <= new_entries.keys():
        return None
    if archive_page_count(before) != archive_page_count(after) or _plan_pages(before) != _plan_pages(after):
        return None
    changed = {path for path, new in new_entries.items() if new != old_entries[path]}
    plan_changed = before.content.plan != after.content.plan
    if not changed <= edited or (plan_changed and not plan_edited):
        return None  # what changed is not what was written: do not guess
    if any(MISSING in (old_entries[path].translation_state, new_entries[path].translation_state) for path in changed):
        return None  # a page made from its twin's body (events/untranslated.py)
    front_matter = {path for path in changed if not _only_body_changed(old_entries[path], new_entries[path])}
    if any(new_entries[path].is_page for path in front_matter):
        return None
    paths = set(changed)
    if any(old_entries[path].translation_state != new_entries[path].translation_state for path in changed):
        paths.add(TRANSLATION_STATUS_PAGE)
    if front_matter:
        paths |= _listing(before, after, SHOW_NO_POSTS) | _series_neighbours(before, after, front_matter)
        paths |= _archive_pages(before, after, front_matter) | _plan_pages(after)
    if plan_changed:
        paths |= _listing(before, after, SHOW_NO_PLAN) | _plan_pages(after)
        if _mission_numbers(before) != _mission_numbers(after):  # all the archive shows of the plan
            paths |= _archive_pages(before, after, None)
    return paths


def _only_body_changed(old: Post, new: Post) -> bool:
    """Whether ``new`` differs from ``old`` only in its bodies (and what follows from
    them: the translation's state, the lines the bodies start on)."""
    return replace(new, body=old.body, translation_state=old.translation_state) == old


def _listing(before: Publication, after: Publication, unaffected: frozenset[str]) -> set[str]:
    """The pages placing a block not in ``unaffected``, and the mission posts (whose
    blocks are placed for them), before and after the edit."""
    return {entry.path for publication in (before, after) for entry in publication.content.entries
            if entry.kind == "mission" or _blocks(entry) - unaffected}


def _series_neighbours(before: Publication, after: Publication, edited: set[str]) -> set[str]:
    """The series posts that link to an ``edited`` one; all of them when the series'
    order or length changed (each says 'Part 3 of 7')."""
    old, new = [post.path for post in before.series], [post.path for post in after.series]
    if old != new:
        return set(old) | set(new)
    return {new[index + step] for index, path in enumerate(new) if path in edited
            for step in (-1, 1) if 0 <= index + step < len(new)}


def _archive_pages(before: Publication, after: Publication, edited: set[str] | None) -> set[str]:
    """The archive's generated pages (archive.md, its first, places a block) listing an
    ``edited`` post; all of them when the posts' order changed, or for ``edited`` None."""
    old, new = [post.path for post in reversed(before.posts)], [post.path for post in reversed(after.posts)]
    numbers = range(2, archive_page_count(after) + 1)
    if old == new and edited is not None:
        numbers = {index // ARCHIVE_PAGE_SIZE + 1 for index, path in enumerate(new) if path in edited} - {1}
    return {archive_page_path(number) for number in numbers}


def _plan_pages(publication: Publication) -> set[str]:
    """The progress reports, the owners' pages and their indexes (generated pages)."""
    return ({progress_index_path(), owners_index_path()}
            | {progress_report_path(period.slug) for period in publication.progress_periods}
            | {owner_page_path(owner.id) for owner in publication.content.plan.owners})


def _mission_numbers(publication: Publication) -> list[tuple[str, int]]:
    return [(mission.id, mission.number) for mission in publication.content.plan.missions]


def _blocks(entry: Post) -> frozenset[str]:
    return placed_blocks(entry.body.en) | placed_blocks(entry.body.cy)


def _consultation_state(publication: Publication) -> str | None:
    consultation = publication.consultation
    return consultation.state(publication.moment) if consultation else None
