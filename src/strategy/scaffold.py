"""Starting a new post: both language files, valid front matter, never overwriting."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from . import LANGUAGES
from .inputs import MAX_NAME_LENGTH, one_line_text, option_with_value, plain_name
from .catalogue import translate
from .messages import message, shown
from .translation import source_hash
from .yamltext import parse_yaml, split_front_matter

TITLE_ARGUMENTS = {"en": "--title", "cy": "--title-cy"}
KIND_FOLDERS = {"series": "posts", "mission": "posts/missions", "showcase": "posts/showcase", "event": "posts/events"}

# What the author replaces, from the catalogue (scaffold.*).
PLACEHOLDER_SUMMARY = {language: translate("scaffold.summary", language) for language in LANGUAGES}
PLACEHOLDER_BODY = {language: translate("scaffold.body", language) + "\n" for language in LANGUAGES}
PLACEHOLDER_TRANSLATION_BODY = {language: translate("scaffold.translation_body", language) + "\n"
                                for language in LANGUAGES}
ONLINE = {language: translate("scaffold.online", language) for language in LANGUAGES}


class ScaffoldError(Exception):
    pass


@dataclass(frozen=True)
class NewPost:
    kind: str
    titles: dict[str, str]  # language -> title
    source_language: str = "en"
    mission: str | None = None
    published: date | None = None
    slug: str | None = None


@dataclass
class ExistingContent:
    """What a new post must not clash with, read leniently: a broken file elsewhere is
    for `make check` to report, not a reason to refuse a new post."""

    mission_ids: list[str] = field(default_factory=list)  # in data/plan.yaml
    mission_posts: dict[str, str] = field(default_factory=dict)  # mission id -> the file presenting it
    post_ids: dict[str, str] = field(default_factory=dict)  # post id -> its file


def existing_content(root: Path) -> ExistingContent:
    existing = ExistingContent()
    plan_file = root / "data" / "plan.yaml"
    if plan_file.is_file():
        plan, _ = parse_yaml(plan_file.read_text(encoding="utf-8", errors="replace"), "data/plan.yaml")
        missions = plan.data.get("missions") if plan and isinstance(plan.data, dict) else None
        existing.mission_ids = [m["id"] for m in missions or () if isinstance(m, dict) and isinstance(m.get("id"), str)]
    for path in sorted((root / "docs").glob("*/**/*.md")):
        name = path.relative_to(root).as_posix()
        parsed, _ = split_front_matter(path.read_text(encoding="utf-8", errors="replace"), name)
        data = parsed.front_matter.data if parsed else {}
        if isinstance(data.get("id"), str):
            existing.post_ids.setdefault(data["id"], name)
        if data.get("kind") == "mission" and isinstance(data.get("mission"), str):
            existing.mission_posts.setdefault(data["mission"], name)
    return existing


def _clashes(new: NewPost, slug: str, existing: ExistingContent) -> list[str]:
    """Why ``new`` cannot be started, checked before anything is written."""
    found = []
    if new.mission and new.mission not in existing.mission_ids:
        close = difflib.get_close_matches(new.mission, existing.mission_ids, n=1)
        hint = message("new.did_you_mean", name=option_with_value("--mission", close[0])) if close else ""
        found.append(message("new.unknown_mission", mission=new.mission,
                             missions=", ".join(existing.mission_ids) or message("new.no_missions"), hint=hint))
    elif new.kind == "mission" and new.mission in existing.mission_posts:
        found.append(message("new.mission_has_post", mission=new.mission, file=existing.mission_posts[new.mission]))
    if slug in existing.post_ids:
        found.append(message("new.id_in_use", id=slug, file=existing.post_ids[slug], option=_slug_option()))
    return found


def _slug_option() -> str:
    return option_with_value("--slug", "...")


def slugify(title: str) -> str:
    """A file name from a title: 'Gwasanaethau digidol i bawb' -> 'gwasanaethau-digidol-i-bawb',
    cut at a word to at most MAX_NAME_LENGTH characters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > MAX_NAME_LENGTH:
        cut = slug[:MAX_NAME_LENGTH + 1]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut else cut[:MAX_NAME_LENGTH]).strip("-")
    if not slug:
        raise ScaffoldError(message("new.no_file_name", title=shown(title), option=_slug_option()))
    return slug


def _front_matter(fields: dict) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def create_post(root: Path, new: NewPost, today: date) -> list[Path]:
    """Write the source and translation files of ``new``; return their paths. Everything
    is checked before anything is written: raises ScaffoldError, or InvalidInput naming
    the argument."""
    if new.kind not in KIND_FOLDERS:
        raise ScaffoldError(message("new.unknown_kind", kinds=", ".join(KIND_FOLDERS), kind=shown(new.kind)))
    if new.kind in ("mission", "showcase") and not new.mission:
        raise ScaffoldError(message("new.needs_mission", kind=new.kind, option=option_with_value("--mission", "...")))
    missing = [language for language in LANGUAGES if not new.titles.get(language, "").strip()]
    if missing:
        how = ", ".join(option_with_value(TITLE_ARGUMENTS[language], '"..."') for language in missing)
        raise ScaffoldError(message("new.needs_titles", how=how))
    for language in LANGUAGES:
        one_line_text(new.titles[language], TITLE_ARGUMENTS[language])
    if new.mission is not None:
        plain_name(new.mission, "--mission")

    slug = plain_name(new.slug, "--slug") if new.slug is not None else slugify(new.titles[new.source_language])
    relative = f"{KIND_FOLDERS[new.kind]}/{slug}.md"
    paths = {language: root / "docs" / language / relative for language in LANGUAGES}
    existing = [str(path.relative_to(root)) for path in paths.values() if path.exists()]
    if existing:
        raise ScaffoldError(message("new.exists", files=", ".join(existing), option=_slug_option()))
    clashes = _clashes(new, slug, existing_content(root))
    if clashes:
        raise ScaffoldError("; ".join(clashes))

    published = new.published or today  # a date, which YAML writes without quotation marks, as the guides do
    source_fields = {"kind": new.kind, "id": slug, "title": new.titles[new.source_language],
                     "summary": PLACEHOLDER_SUMMARY[new.source_language], "date": published, "draft": True}
    if new.mission:
        source_fields["mission"] = new.mission
    if new.kind == "event":
        source_fields.update({"start": f"{published}T10:00", "end": f"{published}T12:00",
                              "location": ONLINE[new.source_language]})

    # The placeholder translation is in step with the placeholder source: once the
    # source is written, the translation shows as outdated until it is translated.
    recorded = source_hash(source_fields, PLACEHOLDER_BODY[new.source_language])
    for language, path in paths.items():
        if language == new.source_language:
            fields = source_fields
        else:
            fields = {"translated_from": new.source_language, "source_hash": recorded,
                      "title": new.titles[language], "summary": PLACEHOLDER_SUMMARY[language]}
            if new.kind == "event":
                fields["location"] = ONLINE[language]
        path.parent.mkdir(parents=True, exist_ok=True)
        body = PLACEHOLDER_BODY if language == new.source_language else PLACEHOLDER_TRANSLATION_BODY
        path.write_text(_front_matter(fields) + "\n" + body[language], encoding="utf-8")
    return list(paths.values())
