"""What an edit changes, for the editors' preview: which pages to render again.

The preview (hooks/preview/) keeps each language's pages in memory and, when
files change, asks ``pages_to_render`` which pages show what changed. Only an
edit whose consequences are known exactly is rendered on its own: anything
else answers None, and the preview rebuilds everything. A stale page is worse
than a slow one.
"""

from __future__ import annotations

from dataclasses import replace

from .publication import Publication
from .translation import MISSING

TRANSLATION_STATUS_PAGE = "translation-status.md"
"""Lists every translation's state, which a body edit can change (its source hash)."""


def edited_page(changed_file: str, languages: tuple[str, ...], docs_dir: str = "docs") -> str | None:
    """'docs/cy/posts/x.md' -> 'posts/x.md'; None for any other file (the plan, a template...)."""
    parts = changed_file.split("/", 2)
    if len(parts) == 3 and parts[0] == docs_dir and parts[1] in languages and parts[2].endswith(".md"):
        return parts[2]
    return None


def pages_to_render(before: Publication, after: Publication, edited: set[str]) -> list[str] | None:
    """The pages (paths under each language folder) that differ between ``before`` and
    ``after`` when only the bodies of the ``edited`` pages changed; None when the edit
    changed anything else (a title, a date, the plan, a page added or removed...).

    A body shows on its own page, in the feeds and in the search index (which the
    preview writes again after every edit), and in its source hash, which decides
    whether the twin's translation is outdated: so the twin and the translation
    status page are rendered again too."""
    if (before.content.plan != after.content.plan or before.earlier_plan != after.earlier_plan
            or before.as_of != after.as_of or _consultation_state(before) != _consultation_state(after)):
        return None
    old_entries = {entry.path: entry for entry in before.content.entries}
    new_entries = {entry.path: entry for entry in after.content.entries}
    if old_entries.keys() != new_entries.keys() or not edited <= new_entries.keys():
        return None
    for path, new in new_entries.items():
        old = old_entries[path]
        if path not in edited:
            if new != old:
                return None
        elif MISSING in (old.translation_state, new.translation_state) or \
                replace(new, body=old.body, translation_state=old.translation_state) != old:
            return None  # a page made from its twin's body, or more than the body changed
    if any(entry.path == TRANSLATION_STATUS_PAGE for entry in after.content.entries):
        return sorted(edited | {TRANSLATION_STATUS_PAGE})
    return sorted(edited)


def _consultation_state(publication: Publication) -> str | None:
    consultation = publication.consultation
    return consultation.state(publication.moment) if consultation else None
