"""Keeping the delivery plan's two languages in step, as translation.py does for posts.

Every text of data/plan.yaml is written in English and Welsh side by side. Beside the
two, ``source_hash`` records which version of the source text the translation was
made from (a short hash of it). The source is the English, or the Welsh where the
text says ``translated_from: cy``:

    text:
      en: Fund 200 digital apprenticeships in public bodies.
      cy: Ariannu 200 o brentisiaethau digidol mewn cyrff cyhoeddus.
      source_hash: 5d1c0e2b7a90

When the source text changes, the translation is outdated until an editor updates it
and runs ``make translated ENTRY=...``, which rewrites only the ``source_hash`` values
(plan_marking.py keeps every comment and every other character of the file as it was).
A text with no ``source_hash`` yet is outdated too: nothing says it was checked.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from . import LANGUAGES
from .translation import IN_STEP, OUTDATED
from .yamltext import YamlDocument

PLAN_FILE = "data/plan.yaml"
SOURCE_HASH, TRANSLATED_FROM = "source_hash", "translated_from"


def text_hash(text: str) -> str:
    """The version of a source text: spaces and line breaks within it do not count."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class PlanText:
    """One bilingual text of the plan and whether its translation is in step."""

    name: str  # as editors see it: missions[digital-skills].actions[ds-3].text
    path: tuple  # into the data: ("missions", 2, "actions", 0, "text")
    file: str
    line: int | None  # the line of its source_hash, or of the text when it has none
    translation_line: int | None  # the line of its translation: what an editor updates when it is outdated
    source_language: str
    source_text: str
    recorded: str | None  # the source_hash written beside it
    current: str  # the hash of its source text now

    @property
    def translation_language(self) -> str:
        return next(language for language in LANGUAGES if language != self.source_language)

    @property
    def state(self) -> str:
        return IN_STEP if self.recorded == self.current else OUTDATED


def is_bilingual(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(language), str) for language in LANGUAGES)


def plan_texts(document: YamlDocument, file: str = PLAN_FILE) -> tuple[PlanText, ...]:
    """Every bilingual text of a parsed plan, in the order of the file."""
    found = []
    for path, value in _bilingual_values(document.data, ()):
        source = value.get(TRANSLATED_FROM) if value.get(TRANSLATED_FROM) in LANGUAGES else "en"
        recorded = value.get(SOURCE_HASH)
        found.append(PlanText(
            name=entry_name(document.data, path), path=path, file=file,
            line=document.line_of(path + (SOURCE_HASH,)) if recorded is not None else document.line_of(path),
            translation_line=document.line_of(path + (next(code for code in LANGUAGES if code != source),)),
            source_language=source, source_text=value[source],
            recorded=recorded if isinstance(recorded, str) else None, current=text_hash(value[source])))
    return tuple(found)


def _bilingual_values(value: object, path: tuple):
    if is_bilingual(value):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _bilingual_values(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _bilingual_values(child, path + (index,))


def entry_name(data: object, path: tuple) -> str:
    """``missions[digital-skills].actions[ds-3].text``: an item of a list is named by its
    id, or by its position counted from 1 (``changes[2].note``) when it has none."""
    name, value = "", data
    for step in path:
        if isinstance(step, int):
            item = value[step]
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else step + 1
            name += f"[{label}]"
        else:
            name += f".{step}" if name else str(step)
        value = value[step]
    return name


def chosen_texts(texts: tuple[PlanText, ...], entry: str) -> list[PlanText]:
    """The texts an editor's ENTRY names: one text by its full name, everything under a
    part of the plan (``missions[digital-skills].actions[ds-3]``), or everything under an
    id (``ds-3``)."""
    entry = entry.strip()
    return [text for text in texts
            if text.name == entry or text.name.startswith((entry + ".", entry + "["))
            or (entry and not set(entry) & set(".[]") and f"[{entry}]" in text.name)]


def outdated_texts(texts: tuple[PlanText, ...]) -> list[PlanText]:
    return [text for text in texts if text.state == OUTDATED]
