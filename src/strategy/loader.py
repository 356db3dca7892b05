"""Loading and checking every post and the delivery plan, all problems at once: each
file is checked as far as it can be read, and the checks across files look at every
part that is usable, so that one mistake never hides another."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from . import LANGUAGES
from .bodies import BodyChecker
from .inputs import MAX_NAME_LENGTH, PLAIN_NAME
from .memo import Memo
from .model import Change, Content, Event, Post, Text, WrittenAt
from .placeholders import placeholder_problems
from .plan_loader import load_plan
from .post_files import SOURCE, TRANSLATION, Twin, check_twin, outdated_problem, translation_state, twins_agree
from .problems import ContentError, Problem, phrase
from .references import reference_problems, unique_id_problems
from .site_files import SiteFiles, check_site_files
from .translation import MISSING, OUTDATED, plan_outdated_problems
from .values import publication_day, time_of_day
from .visible_text import character_name
from .yamltext import split_front_matter


@dataclass(frozen=True)
class TranslationPolicy:
    """How strict the build is about translations (``extra.strategy.translations`` in mkdocs.yml).

    A post in one language only always fails, unless its source says
    ``translation: to-follow`` and ``to_follow`` is "allowed". An outdated
    translation is reported as a warning, or as an error when ``outdated`` is "error"."""

    to_follow: str = "allowed"  # allowed | refused
    outdated: str = "warning"  # warning | error


def load_content(root: Path, docs_dir: str = "docs", plan_file: str = "data/plan.yaml",
                 policy: TranslationPolicy = TranslationPolicy(), bodies: BodyChecker | None = None,
                 memo: Memo | None = None, theme: tuple[str, ...] = (), as_of: date | None = None,
                 unread: frozenset[str] = frozenset()) -> Content:
    """Load the whole site's content from ``root``, or raise ContentError listing every
    problem. ``bodies`` checks each page's body as rendered (see bodies.py), and keeps
    what the checks across pages need. ``memo`` (kept from one load to the next) parses
    and checks only the files whose text changed since the last load; not with a
    ``bodies`` that renders every body itself, which it would skip. ``theme``: the files
    the theme copies into the site (site_files.theme_files), which no file of docs/ may replace.
    ``as_of``: the day the build speaks as of, after which the plan's progress may not be dated.
    ``unread``: files and folders not to read, refused already (a symbolic link: see
    site_files.symbolic_links), such as the plan or docs/ itself."""
    problems: list[Problem] = []
    bodies = bodies or BodyChecker(render_all=False)  # bodies unchecked: the caller renders none
    memo = memo if memo is not None and not bodies.render_all else Memo()
    def is_unread(path: str) -> bool:
        return any(path == name or path.startswith(name + "/") for name in unread)

    plan, mission_ids = load_plan(root, plan_file, problems, memo, as_of) if not is_unread(plan_file) else (None, None)
    # Every file under docs/ is listed, and its kind checked, before any page is read:
    # a page the walk refused (a link, too long, at an address that is not its own) is not read.
    site_files = check_site_files(root, docs_dir, theme) if not is_unread(docs_dir) else SiteFiles()
    problems += site_files.problems
    bodies.site_files = site_files
    paths_by_language = {language: {path for path in files if path.endswith(".md")}
                         for language, files in site_files.files.items()}
    problems += page_name_problems(paths_by_language, docs_dir)
    entries, sources, pages = _load_entries(root, docs_dir, paths_by_language, site_files.refused, policy, bodies,
                                            problems, memo)
    problems += reference_problems(sources, mission_ids) + unique_id_problems(sources)
    if plan is not None and policy.outdated == "error":
        problems += plan_outdated_problems(plan)
    problems += placeholder_problems(tuple(entries))
    if problems:
        raise ContentError(problems, mission_ids)
    return Content(plan=plan, entries=tuple(entries), page_files=frozenset(pages))


# --- posts and pages ---------------------------------------------------------


def page_paths(root: Path, docs_dir: str) -> dict[str, set[str]]:
    """Each language's Markdown pages, by their path inside its folder ('posts/x.md')."""
    return {language: _markdown_files(os.path.join(root, docs_dir, language)) for language in LANGUAGES}


def _markdown_files(folder: str) -> set[str]:
    """Every .md file under ``folder``, relative to it. With os.walk, not Path.rglob:
    several times quicker on a thousand files, which the preview lists after each save."""
    start = len(folder) + 1
    return {os.path.join(directory, name)[start:].replace(os.sep, "/")
            for directory, _, names in os.walk(folder) for name in names if name.endswith(".md")}


def page_name_problems(paths_by_language: dict[str, set[str]], docs_dir: str) -> list[Problem]:
    """A page's folders and name become its address: each is a plain name, as `make post`
    makes them (lowercase letters, digits and single hyphens), so that no address holds a
    direction control that turns it around or a letter that only looks like a-z."""
    problems = []
    for language, paths in sorted(paths_by_language.items()):
        for relative in sorted(paths):
            for name in relative.removesuffix(".md").split("/"):
                if not PLAIN_NAME.fullmatch(name) or len(name) > MAX_NAME_LENGTH:
                    odd = next((character for character in name if not re.fullmatch("[a-z0-9-]", character)), None)
                    found = (phrase("found.page_name_character", name=name, character=character_name(odd)) if odd
                             else phrase("found.page_name", name=name))
                    problems.append(Problem(f"{docs_dir}/{language}/{relative}", None, "",
                                            phrase("expected.page_name", most=MAX_NAME_LENGTH), found))
                    break
    return problems


def _load_entries(root: Path, docs_dir: str, paths_by_language: dict[str, set[str]], refused: set[str],
                  policy: TranslationPolicy, bodies: BodyChecker, problems: list[Problem],
                  memo: Memo) -> tuple[list[Post], list[Twin], set[str]]:
    """Every Markdown page, every source file that could be read (for the checks across
    files), and the paths of all pages. ``paths_by_language``: each language's pages that
    may be read; ``refused``: files (docs/en/x.md) that may not, though they are there."""
    entries, sources = [], []
    for relative in sorted(set().union(*paths_by_language.values())):
        files = {language: f"{docs_dir}/{language}/{relative}" for language in LANGUAGES}
        present = [language for language in LANGUAGES
                   if relative in paths_by_language[language] or files[language] in refused]
        texts = {language: (None, []) if files[language] in refused
                 else memo.file_text(os.path.join(root, files[language]), files[language]) for language in present}
        entry, source, found, body_sources = memo.result(
            ("page", relative), (texts, policy), lambda: _page(relative, files, texts, policy, bodies))
        problems += found
        bodies.sources.update(body_sources)  # what the checks of the rendered bodies need
        entries += [entry] if entry else []
        sources += [source] if source else []
    return entries, sources, set().union(*paths_by_language.values())


def _page(relative: str, files: dict[str, str], texts: dict[str, tuple[str | None, list[Problem]]],
          policy: TranslationPolicy, bodies: BodyChecker) -> tuple[Post | None, Twin | None, list[Problem], dict]:
    """The page at ``relative`` from its files' ``texts`` (by language): its entry, its
    source, its problems and the bodies it gave ``bodies`` to check."""
    problems: list[Problem] = []
    twins = [twin for language, text in texts.items() if (twin := _parse(language, files[language], text, problems))]
    missing = [files[language] for language in LANGUAGES if language not in texts]
    entry, source = _entry(relative, twins, missing[0] if missing else None, len(twins) < len(texts),
                           policy, bodies, problems)
    keys = [(relative, language) for language in LANGUAGES]
    return entry, source, problems, {key: bodies.sources[key] for key in keys if key in bodies.sources}


def _parse(language: str, file: str, read: tuple[str | None, list[Problem]], problems: list[Problem]) -> Twin | None:
    text, found = read
    parsed, more = split_front_matter(text, file) if text is not None else (None, [])
    problems.extend(found + more)
    return Twin(language, file, parsed) if parsed is not None else None


def _entry(relative: str, twins: list[Twin], missing_file: str | None, unreadable: bool, policy: TranslationPolicy,
           bodies: BodyChecker, problems: list[Problem]) -> tuple[Post | None, Twin | None]:
    """The page at ``relative`` and its source, from the twins that could be read; or no
    page, with every problem of every twin added to ``problems``. ``missing_file``: the
    twin that does not exist, if one does not; ``unreadable``: a twin could not be read."""
    sources = [twin for twin in twins if twin.role == SOURCE]
    source = sources[0] if len(sources) == 1 else None
    found = []
    for twin in sorted(twins, key=lambda twin: twin.role != SOURCE):  # the source first: it states the kind
        kind = source.usable.get("kind") if source else None
        found += check_twin(twin, None if len(sources) > 1 else twin.role, kind if isinstance(kind, str) else None,
                            relative, bodies, LANGUAGES if missing_file and twin is source else ())
    if missing_file is not None:
        marked = source is not None and source.data.get("translation") == "to-follow"
        if twins and (not marked or policy.to_follow != "allowed"):
            why = phrase("expected.twin_to_follow_refused") if marked else ""
            found.append(Problem(twins[0].file, None, "", phrase("expected.twin", file=missing_file, why=why),
                                 phrase("found.no_such_file")))
    elif len(twins) == 2 and source is None:
        found.append(Problem(twins[-1].file, None, "translated_from",
                             phrase("expected.one_translated_from", first=twins[0].file, second=twins[1].file),
                             phrase("found.in_both_files" if not sources else "found.in_neither_file")))
    elif len(twins) == 2:
        found += twins_agree(source, next(twin for twin in twins if twin.role == TRANSLATION))
    problems.extend(found)
    if found or unreadable or not twins:
        return None, source
    if missing_file is not None:  # until it is translated, the other language shows the source's own text
        post = _build_post(relative, source, {language: source for language in LANGUAGES})
        return replace(post, translation_state=MISSING, translation_file=missing_file), source
    translation = next(twin for twin in twins if twin is not source)
    state = translation_state(source, translation)
    if state == OUTDATED and policy.outdated == "error":
        problems.append(outdated_problem(source, translation))
        return None, source
    post = _build_post(relative, source, {twin.language: twin for twin in twins})
    return replace(post, translation_state=state, translation_file=translation.file), source


def _build_post(relative: str, source: Twin, by_language: dict[str, Twin]) -> Post:
    """``by_language`` names the file each language's text comes from."""

    def text(name: str) -> Text | None:
        if name not in source.parsed.front_matter.data:
            return None
        return Text(**{lang: twin.parsed.front_matter.data[name] for lang, twin in by_language.items()})

    data = source.parsed.front_matter.data
    event = None
    if data["kind"] == "event":
        event = Event(start=datetime.fromisoformat(data["start"]), end=datetime.fromisoformat(data["end"]),
                      location=text("location"),
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
