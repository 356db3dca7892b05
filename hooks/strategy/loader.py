"""Loading and checking every post and the delivery plan, all problems at once."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from . import LANGUAGES, schemas
from .markers import BLOCK_NAMES, marker_problems
from .markup import unsafe_markup
from .model import Action, Change, Feedback, Content, Event, Mission, Outcome, Owner, Plan, Post, ProgressNote, Text
from .placeholders import placeholder_problems
from .problems import ContentError, Problem
from .translation import IN_STEP, MISSING, OUTDATED, source_hash
from .yamltext import MarkdownFile, YamlDocument, parse_yaml, split_front_matter

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
                 policy: TranslationPolicy = TranslationPolicy()) -> Content:
    """Load the whole site's content from ``root``, or raise ContentError listing every problem."""
    problems: list[Problem] = []
    plan = _load_plan(root, plan_file, problems)
    entries = _load_entries(root, docs_dir, policy, problems)
    if plan is not None:
        problems.extend(_check_references(entries, plan))
    problems.extend(_check_unique_ids(entries))
    problems.extend(placeholder_problems(root, tuple(entry for entry, _ in entries), docs_dir))
    if problems:
        raise ContentError(problems)
    return Content(plan=plan, entries=tuple(entry for entry, _ in entries))


# --- the delivery plan -------------------------------------------------------


def _load_plan(root: Path, plan_file: str, problems: list[Problem]) -> Plan | None:
    path = root / plan_file
    if not path.is_file():
        problems.append(Problem(plan_file, None, "", "the delivery plan file", "no such file"))
        return None
    text = path.read_text(encoding="utf-8")
    remembered = _REMEMBERED_ENTRIES.get((root, plan_file))
    if remembered is not None and remembered[0] == text:
        problems.extend(remembered[2])  # the same file as last time (see _REMEMBERED_ENTRIES)
        return remembered[1]
    count = len(problems)
    plan = _plan_from_text(text, plan_file, problems)
    _REMEMBERED_ENTRIES[(root, plan_file)] = (text, plan, problems[count:])
    return plan


def _plan_from_text(text: str, plan_file: str, problems: list[Problem]) -> Plan | None:
    document, found = parse_yaml(text, plan_file)
    problems.extend(found)
    if document is None:
        return None
    schema_problems = schemas.check("plan", document, plan_file)
    problems.extend(schema_problems)
    if schema_problems:
        return None
    link_problems = _check_plan_links(document, plan_file)
    problems.extend(link_problems)
    if link_problems:
        return None
    return _build_plan(document.data)


def _check_plan_links(document: YamlDocument, file: str) -> list[Problem]:
    """Ids are unique, and every owner and outcome an action names exists."""
    data, problems = document.data, []

    def duplicate(path, kind, value):
        problems.append(Problem(file, document.line_of(path), ".".join(map(str, path)),
                                f"a {kind} id used only once", f"'{value}' used again"))

    owner_ids = set()
    for index, owner in enumerate(data["owners"]):
        if owner["id"] in owner_ids:
            duplicate(("owners", index, "id"), "owner", owner["id"])
        owner_ids.add(owner["id"])

    seen_ids: set[str] = set()  # missions, outcomes and actions share one space of ids
    for m_index, mission in enumerate(data["missions"]):
        if mission["id"] in seen_ids:
            duplicate(("missions", m_index, "id"), "mission", mission["id"])
        seen_ids.add(mission["id"])
        outcome_ids = set()
        for o_index, outcome in enumerate(mission["outcomes"]):
            if outcome["id"] in seen_ids:
                duplicate(("missions", m_index, "outcomes", o_index, "id"), "outcome", outcome["id"])
            seen_ids.add(outcome["id"])
            outcome_ids.add(outcome["id"])
        for a_index, action in enumerate(mission["actions"]):
            base = ("missions", m_index, "actions", a_index)
            if action["id"] in seen_ids:
                duplicate(base + ("id",), "action", action["id"])
            seen_ids.add(action["id"])
            if action["owner"] not in owner_ids:
                problems.append(Problem(file, document.line_of(base + ("owner",)), ".".join(map(str, base + ("owner",))),
                                        f"the id of an owner listed under 'owners' ({', '.join(sorted(owner_ids))})",
                                        f"unknown owner '{action['owner']}'"))
            for i, outcome_id in enumerate(action["outcomes"]):
                if outcome_id not in outcome_ids:
                    path = base + ("outcomes", i)
                    problems.append(Problem(file, document.line_of(path), ".".join(map(str, path)),
                                            f"the id of an outcome of mission '{mission['id']}' ({', '.join(sorted(outcome_ids))})",
                                            f"unknown outcome '{outcome_id}'"))
    return problems


def _text(value: dict) -> Text:
    return Text(en=value["en"], cy=value["cy"])


def _build_plan(data: dict) -> Plan:
    owners = {owner["id"]: Owner(owner["id"], _text(owner["name"])) for owner in data["owners"]}
    missions = tuple(
        Mission(
            id=mission["id"],
            number=number,
            title=_text(mission["title"]),
            aim=_text(mission["aim"]),
            wellbeing_goals=tuple(mission["wellbeing_goals"]),
            ways_of_working=tuple(mission["ways_of_working"]),
            outcomes=tuple(Outcome(o["id"], _text(o["text"])) for o in mission["outcomes"]),
            actions=tuple(
                Action(
                    id=action["id"],
                    text=_text(action["text"]),
                    owner=owners[action["owner"]],
                    timescale=action["timescale"],
                    status=action["status"],
                    outcome_ids=tuple(action["outcomes"]),
                    updated=date.fromisoformat(action["updated"]),
                    progress=tuple(
                        ProgressNote(date.fromisoformat(note["date"]), _text(note["note"]))
                        for note in action.get("progress", ())
                    ),
                )
                for action in mission["actions"]
            ),
            feedback=tuple(Feedback(_text(item["theme"]), _text(item["response"]))
                           for item in mission.get("feedback", ())),
        )
        for number, mission in enumerate(data["missions"], start=1)
    )
    changes = tuple(Change(date.fromisoformat(c["date"]), _text(c["note"])) for c in data.get("changes", ()))
    return Plan(owners=tuple(owners.values()), missions=missions, changes=changes)


# --- posts and pages ---------------------------------------------------------


@dataclass(frozen=True)
class _Twin:
    language: str
    file: str  # as shown to editors, such as docs/en/posts/x.md
    parsed: MarkdownFile


def _load_entries(root: Path, docs_dir: str, policy: TranslationPolicy,
                  problems: list[Problem]) -> list[tuple[Post, _Twin]]:
    """Every Markdown page with the source file it was read from."""
    paths_by_language = {language: _markdown_files(os.path.join(root, docs_dir, language)) for language in LANGUAGES}
    entries = []
    for relative in sorted(set().union(*paths_by_language.values())):
        texts = {language: _read(os.path.join(root, docs_dir, language, relative))
                 for language in LANGUAGES if relative in paths_by_language[language]}
        remembered = _REMEMBERED_ENTRIES.get((root, docs_dir, relative))
        if remembered is not None and remembered[0] == (texts, policy):
            problems.extend(remembered[2])  # the same files as last time: the same entry and problems
            if remembered[1] is not None:
                entries.append(remembered[1])
            continue
        twins, count = [], len(problems)
        for language in LANGUAGES:
            if relative in paths_by_language[language]:
                file = f"{docs_dir}/{language}/{relative}"
                parsed, found = split_front_matter(texts[language], file)
                problems.extend(found)
                if parsed is not None:
                    twins.append(_Twin(language, file, parsed))
        missing = [f"{docs_dir}/{lang}/{relative}" for lang in LANGUAGES if relative not in paths_by_language[lang]]
        if missing:
            entry = _build_untranslated_entry(relative, twins, missing[0], policy, problems)
        elif len(problems) == count:
            entry = _build_entry(relative, twins, policy, problems)
        else:
            entry = None
        if entry is not None:
            entries.append(entry)
        _REMEMBERED_ENTRIES[(root, docs_dir, relative)] = ((texts, policy), entry, problems[count:])
    return entries


# Each page's entry (and problems), by the texts of its files: a long-running process
# that loads the content again (the editors' preview, hooks/preview/) reads every
# file but parses and checks only the files whose text has changed.
_REMEMBERED_ENTRIES: dict[tuple, tuple] = {}


def _markdown_files(folder: str) -> set[str]:
    """Every .md file under ``folder``, as a path relative to it ('posts/x.md'). With os.walk,
    not Path.rglob: several times quicker on a thousand files, which the preview lists after each edit."""
    return {os.path.relpath(os.path.join(directory, name), folder).replace(os.sep, "/")
            for directory, _, names in os.walk(folder) for name in names if name.endswith(".md")}


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as file:
        return file.read()


def _build_untranslated_entry(relative: str, twins: list[_Twin], missing_file: str, policy: TranslationPolicy,
                              problems: list[Problem]) -> tuple[Post, _Twin] | None:
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
    found += _check_markers(source) + _check_changes(source) + _check_markup(source)
    problems.extend(found)
    if found:
        return None
    # Until it is translated, the other language shows the source's own text.
    post = _build_post(relative, source, {language: source for language in LANGUAGES}, problems)
    return replace(post, translation_state=MISSING, translation_file=missing_file), source


def _build_entry(relative: str, twins: list[_Twin], policy: TranslationPolicy,
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
        found = (_check_twins_agree(source, translation) + _check_markers(source, translation)
                 + _check_changes(source) + _check_markup(source) + _check_markup(translation))
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
    change_dates = [change["date"] for change in data.get("changes", [])]
    if change_dates and (change_dates != sorted(change_dates) or change_dates[0] < data["date"]):
        return [Problem(source.file, source.parsed.front_matter.line_of(("changes",)), "changes",
                        f"changes oldest first, none before the publication date {data['date']}",
                        ", ".join(change_dates))]
    return []


def _check_markup(twin: _Twin) -> list[Problem]:
    """Raw HTML in the body runs in the reader's browser, so script is refused there.
    Front matter text (titles, summaries) is always shown as escaped text: a title
    may mention <script> safely."""
    expected = "text and Markdown without script, event handlers, javascript: URLs or embeds"
    return [Problem(twin.file, twin.parsed.body_line + line - 1, "", expected, what)
            for line, what in unsafe_markup(twin.parsed.body)]


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
        date=date.fromisoformat(data["date"]) if "date" in data else None,
        changes=tuple(
            Change(date.fromisoformat(change["date"]),
                   Text(**{language: twin.parsed.front_matter.data["changes"][index]["note"]
                           for language, twin in by_language.items()}))
            for index, change in enumerate(data.get("changes", []))
        ),
        draft=data.get("draft", False),
        mission_id=data.get("mission"),
        event=event,
    )


# --- across files ------------------------------------------------------------


def _check_references(entries: list[tuple[Post, _Twin]], plan: Plan) -> list[Problem]:
    problems = []
    known = ", ".join(mission.id for mission in plan.missions)
    presented: dict[str, str] = {}
    for post, source in entries:
        if post.mission_id is None:
            continue
        file, line = source.file, source.parsed.front_matter.line_of(("mission",))
        if plan.mission(post.mission_id) is None:
            problems.append(Problem(file, line, "mission", f"the id of a mission in data/plan.yaml ({known})",
                                    f"unknown mission '{post.mission_id}'"))
        elif post.kind == "mission":
            if post.mission_id in presented:
                problems.append(Problem(file, line, "mission",
                                        f"a mission that no other mission post presents ({presented[post.mission_id]} presents it)",
                                        f"'{post.mission_id}'"))
            presented[post.mission_id] = file
    return problems


def _check_unique_ids(entries: list[tuple[Post, _Twin]]) -> list[Problem]:
    problems, first_file = [], {}
    for post, source in entries:
        if post.id is None:
            continue
        file = source.file
        if post.id in first_file:
            problems.append(Problem(file, source.parsed.front_matter.line_of(("id",)), "id", f"an id no other post uses ({first_file[post.id]} uses it)",
                                    f"'{post.id}'"))
        else:
            first_file[post.id] = file
    return problems
