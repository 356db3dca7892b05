"""Loading and checking every post and the delivery plan, all problems at once."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from . import LANGUAGES, schemas
from .across_files import check_references, check_unique_ids
from .bodies import BodyChecker
from .markers import BLOCK_NAMES, marker_problems
from .model import Change, Content, Event, Post, Text, WrittenAt
from .placeholders import placeholder_problems
from .plan_loader import load_plan
from .problems import ContentError, Problem
from .translation import IN_STEP, MISSING, OUTDATED, plan_outdated_problems, source_hash
from .values import PUBLICATION_TIME, control_character_problems, local_time_problems, publication_day, time_of_day
from .yamltext import MarkdownFile, read_text, split_front_matter

TEXT_FIELDS = ("title", "summary", "location")
"""Front matter fields written in each language; every other field is stated
once, in the source file."""


@dataclass(frozen=True)
class TranslationPolicy:
    """How strict the build is about translations (``extra.strategy.translations`` in mkdocs.yml).

    A post in one language only always fails, unless its source says
    ``translation: to-follow`` and ``to_follow`` is "allowed". An outdated
    translation is reported as a warning, or as an error when ``outdated`` is "error"."""

    to_follow: str = "allowed"  # allowed | refused
    outdated: str = "warning"  # warning | error


def load_content(root: Path, docs_dir: str = "docs", plan_file: str = "data/plan.yaml",
                 policy: TranslationPolicy = TranslationPolicy(), bodies: BodyChecker | None = None) -> Content:
    """Load the whole site's content from ``root``, or raise ContentError listing every
    problem. ``bodies`` checks each page's body as rendered (see bodies.py), and keeps
    what the checks across pages need."""
    problems: list[Problem] = []
    bodies = bodies or BodyChecker(render_all=False)  # bodies unchecked: the caller renders none
    plan = load_plan(root, plan_file, problems)
    entries, pages = _load_entries(root, docs_dir, policy, bodies, problems)
    if plan is not None:
        problems.extend(check_references(entries, plan))
        if policy.outdated == "error":
            problems.extend(plan_outdated_problems(plan))
    problems.extend(check_unique_ids(entries))
    problems.extend(placeholder_problems(tuple(entry for entry, _ in entries)))
    if problems:
        raise ContentError(problems)
    return Content(plan=plan, entries=tuple(entry for entry, _ in entries), page_files=frozenset(pages))


# --- posts and pages ---------------------------------------------------------


@dataclass(frozen=True)
class _Twin:
    language: str
    file: str  # as shown to editors, such as docs/en/posts/x.md
    parsed: MarkdownFile


def _load_entries(root: Path, docs_dir: str, policy: TranslationPolicy, bodies: BodyChecker,
                  problems: list[Problem]) -> tuple[list[tuple[Post, _Twin]], set[str]]:
    """Every Markdown page with the source file it was read from, and the paths of all pages."""
    paths_by_language = {
        language: {p.relative_to(root / docs_dir / language).as_posix()
                   for p in (root / docs_dir / language).rglob("*.md")}
        for language in LANGUAGES
    }
    entries = []
    for relative in sorted(set().union(*paths_by_language.values())):
        twins, count = [], len(problems)
        for language in LANGUAGES:
            if relative in paths_by_language[language]:
                file = f"{docs_dir}/{language}/{relative}"
                text, found = read_text(root / file, file)
                parsed, more = split_front_matter(text, file) if text is not None else (None, [])
                problems.extend(found + more)
                if parsed is not None:
                    twins.append(_Twin(language, file, parsed))
        missing = [f"{docs_dir}/{lang}/{relative}" for lang in LANGUAGES if relative not in paths_by_language[lang]]
        if missing:
            entry = _build_untranslated_entry(relative, twins, missing[0], policy, bodies, problems)
        elif len(problems) == count:
            entry = _build_entry(relative, twins, policy, bodies, problems)
        else:
            entry = None
        if entry is not None:
            entries.append(entry)
    return entries, set().union(*paths_by_language.values())


def _build_untranslated_entry(relative: str, twins: list[_Twin], missing_file: str, policy: TranslationPolicy,
                              bodies: BodyChecker, problems: list[Problem]) -> tuple[Post, _Twin] | None:
    """A post whose translation is to follow, or else one problem: its twin is missing."""
    if not twins:
        return None  # its only file could not be read; that problem is reported already
    source = twins[0]
    data = source.parsed.front_matter.data
    marked = data.get("translation") == "to-follow" and "translated_from" not in data
    if not marked or policy.to_follow != "allowed":
        why = ("" if not marked else " (this site does not publish posts whose translation is to follow)")
        problems.append(Problem(source.file, None, "", f"a twin in the other language at {missing_file}{why}",
                                "no such file"))
        return None
    found = schemas.check("post", source.parsed.front_matter, source.file)
    found += _check_values(source) if not found else []
    found += _check_markers(source) + _check_changes(source)
    # Until it is translated, the other language shows the source's text, links and all.
    found += _check_body(source, relative, bodies, LANGUAGES)
    problems.extend(found)
    if found:
        return None
    # Until it is translated, the other language shows the source's own text.
    post = _build_post(relative, source, {language: source for language in LANGUAGES}, problems)
    return replace(post, translation_state=MISSING, translation_file=missing_file), source


def _build_entry(relative: str, twins: list[_Twin], policy: TranslationPolicy, bodies: BodyChecker,
                 problems: list[Problem]) -> tuple[Post, _Twin] | None:
    translations = [twin for twin in twins if "translated_from" in twin.parsed.front_matter.data]
    sources = [twin for twin in twins if twin not in translations]
    if len(sources) != 1:
        files = " and ".join(twin.file for twin in twins)
        found = "it in both files" if not sources else "it in neither file"
        problems.append(Problem(twins[-1].file, None, "translated_from",
                                f"'translated_from' in exactly one of {files}: the translation, naming its source's language",
                                found))
        return None
    source, translation = sources[0], translations[0]
    found = schemas.check("post", source.parsed.front_matter, source.file)
    found += schemas.check("translation", translation.parsed.front_matter, translation.file)
    if not found:
        found = (_check_values(source) + _check_values(translation) + _check_twins_agree(source, translation)
                 + _check_markers(source, translation) + _check_changes(source)
                 + _check_body(source, relative, bodies) + _check_body(translation, relative, bodies))
    problems.extend(found)
    if found:
        return None
    state = _translation_state(source, translation)
    if state == OUTDATED and policy.outdated == "error":
        problems.append(_outdated_problem(source, translation))
        return None
    post = _build_post(relative, source, {twin.language: twin for twin in (source, translation)}, problems)
    return replace(post, translation_state=state, translation_file=translation.file), source


def _translation_state(source: _Twin, translation: _Twin) -> str:
    current = source_hash(source.parsed.front_matter.data, source.parsed.body)
    return IN_STEP if translation.parsed.front_matter.data.get("source_hash") == current else OUTDATED


def _outdated_problem(source: _Twin, translation: _Twin) -> Problem:
    document = translation.parsed.front_matter
    recorded = document.data.get("source_hash")
    return Problem(translation.file, document.line_of(("source_hash",)) or document.line_of(("translated_from",)),
                   "source_hash",
                   f"a translation of the current {source.file} (update it, then run 'make translated FILE={translation.file}')",
                   f"'{recorded}', an older version" if recorded else "no record of which version it translates")


def _check_twins_agree(source: _Twin, translation: _Twin) -> list[Problem]:
    """The translation names its source's language and translates every text field, no more."""
    problems = []
    source_data = source.parsed.front_matter.data
    translation_doc = translation.parsed.front_matter
    if translation_doc.data["translated_from"] != source.language:
        problems.append(Problem(translation.file, translation_doc.line_of(("translated_from",)), "translated_from",
                                f"'{source.language}', the language of its source {source.file}",
                                f"'{translation_doc.data['translated_from']}'"))
    source_changes, translated_changes = source_data.get("changes", []), translation_doc.data.get("changes", [])
    if len(source_changes) != len(translated_changes):
        problems.append(Problem(translation.file, translation_doc.line_of(("changes",)), "changes",
                                f"a translated note for each of the {len(source_changes)} changes in {source.file}",
                                f"{len(translated_changes)}"))
    for name in TEXT_FIELDS:
        if name in source_data and name not in translation_doc.data:
            problems.append(Problem(translation.file, None, name,
                                    f"a translation of the '{name}' that {source.file} has", "it missing"))
        if name in translation_doc.data and name not in source_data:
            problems.append(Problem(translation.file, translation_doc.line_of((name,)), name,
                                    f"only fields that {source.file} has too", f"'{name}', which it does not have"))
    return problems


def _check_changes(source: _Twin) -> list[Problem]:
    data = source.parsed.front_matter.data
    change_dates, published = [change["date"] for change in data.get("changes", [])], publication_day(data.get("date", ""))
    if change_dates and (change_dates != sorted(change_dates) or change_dates[0] < published):
        return [Problem(source.file, source.parsed.front_matter.line_of(("changes",)), "changes",
                        f"changes oldest first, none before the publication date {published}",
                        ", ".join(change_dates))]
    return []


def _check_values(twin: _Twin) -> list[Problem]:
    """What the schema's patterns cannot say: no control characters in any text, and
    event and publication times that happen exactly once in Wales."""
    document = twin.parsed.front_matter
    return (control_character_problems(document, twin.file) + local_time_problems(document, twin.file, ("start", "end"))
            + local_time_problems(document, twin.file, ("date",), PUBLICATION_TIME))


def _check_body(twin: _Twin, relative: str, bodies: BodyChecker, languages: tuple[str, ...] = ()) -> list[Problem]:
    """The body as readers get it, rendered, must pass the allowlist (safe_html.py).
    Front matter text (titles, summaries) is always shown as escaped text: a title
    may mention <script> safely. ``languages`` are those whose page shows this body
    (by default, the file's own)."""
    return bodies.add(twin.file, relative, twin.parsed.body, twin.parsed.body_line, languages or (twin.language,))


def _check_markers(source: _Twin, *translations: _Twin) -> list[Problem]:
    kind = source.parsed.front_matter.data["kind"]
    return [
        Problem(twin.file, twin.parsed.body_line + line - 1, "",
                f"a block marker <!-- strategy:NAME --> naming one of: {', '.join(BLOCK_NAMES)}", found)
        for twin in (source, *translations)
        for line, found in marker_problems(twin.parsed.body, kind)
    ]


def _build_post(relative: str, source: _Twin, by_language: dict[str, _Twin], problems: list[Problem]) -> Post:
    """``by_language`` names the file each language's text comes from."""

    def text(name: str) -> Text | None:
        if name not in source.parsed.front_matter.data:
            return None
        return Text(**{lang: twin.parsed.front_matter.data[name] for lang, twin in by_language.items()})

    data = source.parsed.front_matter.data
    event = None
    if data["kind"] == "event":
        start, end = (datetime.fromisoformat(data["start"]), datetime.fromisoformat(data["end"]))
        if end <= start:
            problems.append(Problem(source.file, source.parsed.front_matter.line_of(("end",)), "end",
                                    f"a time after the start ({data['start']})", f"'{data['end']}'"))
        event = Event(start=start, end=end, location=text("location"),
                      online_url=data.get("online_url"), booking_url=data.get("booking_url"))
    return Post(
        path=relative,
        kind=data["kind"],
        source_language=source.language,
        title=text("title"),
        summary=text("summary"),
        body=Text(**{lang: twin.parsed.body for lang, twin in by_language.items()}),
        id=data.get("id"),
        date=date.fromisoformat(publication_day(data["date"])) if "date" in data else None,
        time=time_of_day(data["date"]) if "date" in data else None,
        changes=tuple(
            Change(date.fromisoformat(change["date"]),
                   Text(**{language: twin.parsed.front_matter.data["changes"][index]["note"]
                           for language, twin in by_language.items()}))
            for index, change in enumerate(data.get("changes", []))
        ),
        draft=data.get("draft", False),
        mission_id=data.get("mission"),
        event=event,
        written_at=tuple((language, WrittenAt(twin.file, twin.parsed.body_line,
                                              twin.parsed.front_matter.line_of(("summary",))))
                         for language, twin in by_language.items()),
    )
