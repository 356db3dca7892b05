"""What an edit changes, for the editors' preview: which pages to render again.

The preview (hooks/preview/) keeps each language's pages in memory and, when
files change, asks ``pages_to_render`` which pages show what changed, comparing
the content model before and after. Only an edit whose consequences are known is
rendered on its own: anything else answers None, and the preview builds
everything again. A stale page is worse than a slow one.

What shows what:

- a post's body shows on its own page (in both languages: its twin's translation
  notice depends on the source's text), in the translation status page, in the
  feeds and in the search index (the preview writes those again after each edit);
- a post's front matter (title, summary, date, kind, mission, changes...) also
  shows wherever posts are listed: every page that is not a post (indexes, the
  archive's pages, events, showcase, changes, home...), every post that places a
  block (a block may list posts), and the series posts (each links to its
  neighbours by title);
- the delivery plan shows in the pages that are not posts, the posts that place a
  block, the mission posts (their caption and feeds name the mission) and the
  translation status page (the plan's translations).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .list_views import archive_page_count
from .markers import placed_blocks
from .model import Post
from .publication import Publication
from .translation import MISSING

TRANSLATION_STATUS_PAGE = "translation-status.md"
"""Lists every translation's state, which a body edit can change (its source hash)."""


@dataclass(frozen=True)
class PagesToRender:
    paths: frozenset[str]  # entries' pages (paths under each language folder) to render again
    listings: bool  # and every page that is not a post: those the content has, and those the hooks make


def edited_page(changed_file: str, languages: tuple[str, ...], docs_dir: str = "docs") -> str | None:
    """'docs/cy/posts/x.md' -> 'posts/x.md'; None for any other file (the plan, a template...)."""
    parts = changed_file.split("/", 2)
    if len(parts) == 3 and parts[0] == docs_dir and parts[1] in languages and parts[2].endswith(".md"):
        return parts[2]
    return None


def pages_to_render(before: Publication, after: Publication, edited: set[str],
                    plan_edited: bool = False) -> PagesToRender | None:
    """The pages that differ between ``before`` and ``after`` when only the pages at the
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
    if archive_page_count(before) != archive_page_count(after):
        return None
    changed = {path for path, new in new_entries.items() if new != old_entries[path]}
    plan_changed = before.content.plan != after.content.plan
    if not changed <= edited or (plan_changed and not plan_edited):
        return None  # what changed is not what was written: do not guess
    if any(MISSING in (old_entries[path].translation_state, new_entries[path].translation_state) for path in changed):
        return None  # a page made from its twin's body (hooks/untranslated.py)
    paths = set(changed)
    if TRANSLATION_STATUS_PAGE in new_entries:
        paths.add(TRANSLATION_STATUS_PAGE)
    listings = plan_changed or any(not _only_body_changed(old_entries[path], new_entries[path]) for path in changed)
    if listings:
        for publication in (before, after):
            paths |= {post.path for post in publication.series}
            paths |= {entry.path for entry in publication.content.entries if _places_blocks(entry)}
            if plan_changed:
                paths |= {post.path for post in publication.content.posts if post.kind == "mission"}
    return PagesToRender(frozenset(paths), listings)


def _only_body_changed(old: Post, new: Post) -> bool:
    """Whether ``new`` differs from ``old`` only in its bodies (and what follows from
    them: the translation's state, the lines the bodies start on)."""
    return replace(new, body=old.body, translation_state=old.translation_state, written_at=old.written_at) == old


def _places_blocks(entry: Post) -> bool:
    return any(placed_blocks(text) for text in (entry.body.en, entry.body.cy))


def _consultation_state(publication: Publication) -> str | None:
    consultation = publication.consultation
    return consultation.state(publication.moment) if consultation else None
