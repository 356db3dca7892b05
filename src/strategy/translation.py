"""Keeping translations in step with their source.

A translation records which version of its source it was made from: a short
hash of the source's text (title, summary, place, change notes and body). When
the source changes afterwards, the translation is reported as outdated until
an editor updates it and runs ``make translated``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .messages import message
from .problems import Problem, phrase

IN_STEP, OUTDATED, MISSING = "in-step", "outdated", "missing"
_SOURCE_HASH_LINE = re.compile(r"^source_hash:.*\n", re.MULTILINE)


def _normalised(text: str) -> str:
    """Text as far as a translator is concerned: trailing spaces and blank-line runs do not count."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def source_hash(front_matter: dict, body: str) -> str:
    """The version of a source file that a translation is made from."""
    text = {name: front_matter.get(name) for name in ("title", "summary", "location")}
    text["changes"] = [change.get("note") for change in front_matter.get("changes", [])]
    text["body"] = _normalised(body)
    return hashlib.sha256(json.dumps(text, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()[:12]


def record_source_hash(translation_file: Path, new_hash: str) -> bool:
    """Write ``source_hash`` into a translation's front matter; True if it changed."""
    text = translation_file.read_text(encoding="utf-8")
    end = text.index("\n---", 3)
    front, rest = text[: end + 1], text[end + 1:]
    line = f"source_hash: {yaml_text(new_hash)}\n"
    if _SOURCE_HASH_LINE.search(front):
        updated = _SOURCE_HASH_LINE.sub(line, front, count=1)
    else:
        updated = re.sub(r"^(translated_from:.*\n)", lambda m: m.group(1) + line, front, count=1, flags=re.MULTILINE)
    if updated == front:
        return False
    translation_file.write_text(updated + rest, encoding="utf-8")
    return True


def yaml_text(code: str) -> str:
    """A hash as YAML text: quoted when it is all digits, which YAML would read as a number."""
    return f"'{code}'" if code.isdigit() else code


def translation_files(docs: Path) -> list[Path]:
    """Every file under ``docs`` that is a translation (its front matter says translated_from)."""
    # Bytes that are not UTF-8 are replaced here: this only looks for the field; the
    # check reports such a file with its line.
    return sorted(path for path in docs.rglob("*.md")
                  if re.search(r"^translated_from:", path.read_text(encoding="utf-8", errors="replace").split("\n---", 1)[0],
                               re.MULTILINE))


class TranslationTargetError(Exception):
    """A file named to ``make translated`` that is not a translation; ``key`` names the
    catalogue message (``cli.translated.<key>``) that says why and what to do."""

    def __init__(self, key: str, **values: str):
        super().__init__(key)
        self.key, self.values = key, values


def translation_target(root: Path, name: str) -> tuple[Path, Path]:
    """The translation an editor named (as ``docs/cy/posts/x.md``) and its source file.
    Raises TranslationTargetError saying what is wrong with the name and what to run instead."""
    docs = (root / "docs").resolve()
    path = (root / name).resolve()
    if docs not in path.parents or path.suffix != ".md" or len(path.relative_to(docs).parts) < 2:
        raise TranslationTargetError("not_a_page", file=name)
    if not path.is_file():
        raise TranslationTargetError("no_such_file", file=name)
    language, *relative = path.relative_to(docs).parts
    try:
        front = path.read_text(encoding="utf-8").split("\n---", 1)[0]
    except UnicodeDecodeError:
        raise TranslationTargetError("not_utf8", file=name) from None
    written_in = re.search(r"^translated_from:\s*(\w+)", front, re.MULTILINE)
    if written_in is None:
        twins = [docs.joinpath(other, *relative) for other in ("en", "cy") if other != language]
        twin = next((t for t in twins if t.is_file()), None)
        if twin is None:
            raise TranslationTargetError("source_without_twin", file=name)
        raise TranslationTargetError("is_a_source", file=name, translation=twin.relative_to(root.resolve()).as_posix())
    source = docs.joinpath(written_in.group(1), *relative)
    if not source.is_file():
        raise TranslationTargetError("source_missing", file=name, source=source.relative_to(root.resolve()).as_posix())
    return path, source


@dataclass(frozen=True)
class ReportRow:
    file: str  # the translation's file (where it will go, if missing)
    source: str
    state: str


def translation_report(content) -> list[ReportRow]:
    """Every translation and its state, the ones needing work first."""
    order = {MISSING: 0, OUTDATED: 1, IN_STEP: 2}
    rows = [ReportRow(post.translation_file, f"docs/{post.source_language}/{post.path}", post.translation_state)
            for post in content.entries]
    return sorted(rows, key=lambda row: (order[row.state], row.file))


def outdated_warnings(content) -> list[str]:
    return [message("translation.outdated", file=row.file, source=row.source)
            for row in translation_report(content) if row.state == OUTDATED] + plan_outdated_warnings(content.plan)


# --- the delivery plan's texts (plan_translation.py finds them) ---------------


def outdated_plan_texts(plan) -> list:
    """The plan's texts whose translation is outdated, in the order of the file."""
    return [text for text in plan.translations if text.state == OUTDATED]


def plan_outdated_warnings(plan) -> list[str]:
    """One message per outdated text of the plan: where it is, what changed, what to run."""
    return [message(f"plan.{'changed' if text.recorded else 'unrecorded'}.{text.translation_language}",
                    file=text.file, line=text.translation_line, entry=text.name, source=text.source_text)
            for text in outdated_plan_texts(plan)]


def plan_outdated_problems(plan) -> list[Problem]:
    """The same, as problems that stop the build (``outdated: error``)."""
    return [Problem(text.file, text.translation_line, text.name, phrase("expected.current_plan_translation", entry=text.name),
                    phrase("found.older_version", recorded=text.recorded) if text.recorded else phrase("found.no_version"))
            for text in outdated_plan_texts(plan)]


def untranslated_view(post) -> dict:
    """The body a post's missing translation is published with (the template
    partials/strategy/untranslated.html): its source's text, tagged with the source's
    language (WCAG 3.1.2). Its title is the source's (strategy.page_source.page_meta)."""
    source = post.source_language
    return {"language": source, "body": post.body.in_language(source).strip()}
