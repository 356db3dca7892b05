"""What may sit under docs/ beside the pages: an allowlist for files, as safe_html.py is
one for markup.

A file under docs/ is published as it is, at an address of its own, on the site every
page's Content-Security-Policy trusts ('self'): a script there would replace the site's
own, an HTML page would run with no policy at all. So a file beside the pages is one of a
short list of kinds (pictures, PDF, CSV, plain text, a CNAME), told by its content as well
as its name, within a size; it is not at an address the build or the theme writes itself; and
no two files make one address. A symbolic link is refused as found, never followed: it
could publish a file from outside the repository, loop, or lead to a folder as large as
the disk. All of it is decided from the folder listing and, for a file of an allowed
kind, its first bytes, before any page is read (publication.prepare), by `make check`
and the build alike.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
import stat
from dataclasses import dataclass, field
from typing import Callable, Iterable

from . import LANGUAGES
from .problems import Phrase, Problem, phrase
from .urls import (ARCHIVE_PAGES_FOLDER, CALENDAR_FILE, EXPORT_FILES, FEED_FILES, HISTORY_FILES, LANGUAGE_FOLDERS,
                   MISSION_FEEDS_FOLDER, NOT_FOUND_FILE, ROBOTS_FILE, SEARCH_FOLDER, SITEMAP_FILES, SOCIAL_IMAGE_FILE,
                   plan_updates_feed_paths)

KB, MB = 1000, 1000 * 1000

MARKDOWN_MOST_BYTES = 500 * KB
"""A page's Markdown: the longest post of the strategy is under 40 KB. A page much
longer than this makes feeds that readers refuse (a feed holds 20 posts in full)."""

FEED_ITEM_MOST_BYTES = 2 * MB
"""A page's HTML, as a feed carries it whole: feed readers (and lxml, which the tests
read feeds with) refuse a text of more than 10 MB, and a feed holds 20 posts."""

_TEXT_HEAD = 64  # bytes enough to tell each binary kind by its signature


# A name no address can carry as it is: control characters, and bytes that are not UTF-8
# (which Python lists as lone surrogates).
_UNWRITABLE_NAME = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _is_text(content: bytes) -> bool:
    """UTF-8 text of lines (no control characters but tab), not starting as a web page would:
    a browser that guessed the kind of a file starting '<' could run it as HTML."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if _CONTROL_CHARACTERS.search(text):
        return False
    return not text.lstrip("\ufeff \t\r\n").startswith("<")


@dataclass(frozen=True)
class FileKind:
    name: str  # as editors know it: 'PNG'
    extensions: tuple[str, ...]  # lower case, without the dot
    most_bytes: int
    matches: Callable[[bytes], bool]  # given the first _TEXT_HEAD bytes, or a text kind's whole content
    text: bool = False  # whether ``matches`` needs the whole content
    image: bool = False  # whether a page may show it as a picture

    def __str__(self) -> str:
        return self.name


FILE_KINDS = (
    FileKind("PNG", ("png",), 5 * MB, lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"), image=True),
    FileKind("JPEG", ("jpg", "jpeg"), 5 * MB, lambda head: head.startswith(b"\xff\xd8\xff"), image=True),
    FileKind("GIF", ("gif",), 5 * MB, lambda head: head[:6] in (b"GIF87a", b"GIF89a"), image=True),
    FileKind("WebP", ("webp",), 5 * MB, lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP", image=True),
    FileKind("PDF", ("pdf",), 20 * MB, lambda head: head.startswith(b"%PDF-")),
    FileKind("CSV", ("csv",), 2 * MB, _is_text, text=True),
    FileKind("TXT", ("txt",), 2 * MB, _is_text, text=True),
)
# A file some hosts read at the site's root by its whole name: GitHub Pages' CNAME (the
# site's domain, one line). A security.txt is a .txt. Both are published from docs/en/.
_HOST_NAME = re.compile(r"[A-Za-z0-9.-]{1,253}\r?\n?")
NAMED_KINDS = (FileKind("CNAME", (), KB, lambda content: bool(_HOST_NAME.fullmatch(content.decode("latin-1"))),
                        text=True),)
KIND_BY_NAME = {kind.name: kind for kind in NAMED_KINDS}
KIND_BY_EXTENSION = {extension: kind for kind in FILE_KINDS for extension in kind.extensions}
IMAGE_EXTENSIONS = frozenset(extension for kind in FILE_KINDS if kind.image for extension in kind.extensions)
ALLOWED_NAMES = ", ".join([*(f".{extension}" for kind in FILE_KINDS for extension in kind.extensions),
                           *(kind.name for kind in NAMED_KINDS)])



def _unpublished(relative: str) -> bool:
    """A file MkDocs leaves out of the site (a dot file, by its default exclude_docs): never
    published, so not checked for its kind. A symbolic link is refused wherever it is, as
    MkDocs follows links as it lists docs/."""
    return any(part.startswith(".") for part in relative.split("/"))


# --- what the site writes itself -------------------------------------------------------------


# What MkDocs copies from a theme folder: everything but templates, code and the theme's own
# settings (mkdocs.structure.files.Files.add_files_from_theme).
_THEME_UNPUBLISHED = (".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*", "*.md",
                      "*.markdown", "*.mdown", "*.mkdn", "*.mkd", "sitemap.xml")


def theme_files(theme_folders: Iterable[str]) -> set[str]:
    """Every file the theme (Material, ours and the site's overrides/) copies into the site: its scripts,
    style sheets, fonts and pictures, by their path in the site ('assets/javascripts/menu.js')."""
    found = set()
    for folder in theme_folders:
        for directory, folders, names in os.walk(folder):
            folders[:] = [name for name in folders if not name.startswith((".", "__"))]
            for name in names:
                relative = os.path.relpath(os.path.join(directory, name), folder).replace(os.sep, "/")
                if not any(fnmatch.fnmatch(relative.lower(), pattern) for pattern in _THEME_UNPUBLISHED):
                    found.add(relative)
    return found


@dataclass(frozen=True)
class GeneratedPaths:
    """Every path of the site the build or the theme writes, in every language's folder."""

    files: frozenset[str]  # 'feed.xml', 'cy/feed.xml', 'assets/javascripts/menu.js'...
    folders: frozenset[str]  # whose every file is the build's: 'search/', 'cy/feeds/'...
    names: frozenset[str]  # file names the build writes in many folders: 'social.png'

    @classmethod
    def of_site(cls, theme: Iterable[str] = ()) -> GeneratedPaths:
        """From urls.py (where every file the build writes is named) and ``theme``
        (theme_files: what the theme copies, in each language's folder)."""
        theme = tuple(theme)
        files, folders = {*EXPORT_FILES.values(), *HISTORY_FILES.values(), *SITEMAP_FILES, ROBOTS_FILE}, set()
        for language in LANGUAGES:
            prefix = LANGUAGE_FOLDERS[language]
            files |= {prefix + name for name in (*FEED_FILES.values(), CALENDAR_FILE, NOT_FOUND_FILE)}
            files |= {prefix + name for name in theme}
            files |= set(plan_updates_feed_paths(language).values())
            folders |= {prefix + name for name in (SEARCH_FOLDER, MISSION_FEEDS_FOLDER, ARCHIVE_PAGES_FOLDER)}
        return cls(frozenset(files), frozenset(folders), frozenset({SOCIAL_IMAGE_FILE}))

    def clash(self, output: str) -> str | None:
        """What the site writes at, or around, ``output`` (a path in the site), if anything."""
        if output in self.files or posixpath.basename(output) in self.names:
            return output
        for generated in self.files:  # a page in a folder named as a file: feed.xml/index.html
            if output.startswith(generated + "/"):
                return generated
        for folder in self.folders:
            # A folder's own page is a page like any other (search.md is the search page).
            if output.startswith(folder) and output != folder + "index.html":
                return folder
        return None


# --- the tree ------------------------------------------------------------------------------------


@dataclass
class SiteFiles:
    """What the walk of docs/ found: the files each language's site may publish (by their
    path in its folder, 'posts/images/map.png'), and every problem."""

    files: dict[str, set[str]] = field(default_factory=lambda: {language: set() for language in LANGUAGES})
    refused: set[str] = field(default_factory=set)  # as editors see them: 'docs/en/passwd.txt'
    problems: list[Problem] = field(default_factory=list)

    def in_one_language(self) -> set[str]:
        """Files (not pages) that some language's folder has and another's does not."""
        every = set().union(*self.files.values())
        return {path for path in every if not path.endswith(".md") and not all(
            path in files for files in self.files.values())}

    def refuse(self, file: str, expected, found) -> None:
        self.refused.add(file)
        self.problems.append(Problem(file, None, "", expected, found))


class _Outputs:
    """The paths in the site that files found so far are published at, to find a second file
    for one: at the same path, or at a path that one of them needs as a folder (x.pdf and
    x.pdf.md, published at x.pdf/index.html), which no build could write."""

    def __init__(self):
        self.files: dict[str, str] = {}  # a path in the site -> the file published there
        self.folders: dict[str, str] = {}  # a folder those paths are in -> a file published in it

    def taken(self, output: str) -> Phrase | None:
        """What says which file is published at ``output``, or in its way; None when it is free."""
        if output in self.files:
            return phrase("found.same_address", address=output, other=self.files[output])
        folders = [output[:index] for index, character in enumerate(output) if character == "/"]
        other = self.folders.get(output) or next((self.files[folder] for folder in folders if folder in self.files), None)
        return phrase("found.address_in_the_way", address=output, other=other) if other else None

    def add(self, output: str, file: str) -> None:
        self.files[output] = file
        for index, character in enumerate(output):
            if character == "/":
                self.folders.setdefault(output[:index], file)


def page_output(relative: str) -> str:
    """Where MkDocs writes a page ('posts/x.md' -> 'posts/x/index.html'; README.md is an index)."""
    folder, name = posixpath.split(relative[: -len(".md")])
    if name in ("index", "README"):
        return posixpath.join(folder, "index.html")
    return posixpath.join(folder, name, "index.html")


def check_site_files(root: str | os.PathLike, docs_dir: str, theme: Iterable[str] = ()) -> SiteFiles:
    """Walk ``docs_dir`` under ``root`` without following a link; check every entry's kind
    (by name, then content), size and address."""
    found, generated, outputs = SiteFiles(), GeneratedPaths.of_site(theme), _Outputs()
    folders = [(os.path.join(root, docs_dir), docs_dir)]
    while folders:  # a stack, not recursion: a folder may be nested as deep as the disk allows
        folder, shown = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            found.refuse(shown, phrase("expected.readable_folder"), phrase("found.os_error", error=error.strerror))
            continue
        for entry in entries:
            file = f"{shown}/{entry.name}"
            if _UNWRITABLE_NAME.search(entry.name):  # shown escaped in the message (problems._printable)
                found.refuse(file, phrase("expected.plain_name"), phrase("found.unwritable_name"))
                continue
            try:
                status = entry.stat(follow_symlinks=False)
            except OSError as error:
                found.refuse(file, phrase("expected.readable_file"), phrase("found.os_error", error=error.strerror))
                continue
            if stat.S_ISLNK(status.st_mode):
                found.refuse(file, phrase("expected.no_symbolic_link"), phrase("found.symbolic_link"))
            elif stat.S_ISDIR(status.st_mode):
                folders.append((entry.path, file))
            elif not stat.S_ISREG(status.st_mode):
                found.refuse(file, phrase("expected.ordinary_file"), phrase("found.special_file"))
            else:
                _check_file(entry.path, file, status.st_size, docs_dir, generated, outputs, found)
    return found


def _check_file(path: str, file: str, size: int, docs_dir: str, generated: GeneratedPaths,
                outputs: _Outputs, found: SiteFiles) -> None:
    relative = file[len(docs_dir) + 1:]
    language, _, in_language = relative.partition("/")
    if _unpublished(relative):
        return
    if language not in LANGUAGES or not in_language:
        folders = ", ".join(f"{docs_dir}/{language}/" for language in LANGUAGES)
        found.refuse(file, phrase("expected.in_language_folder", folders=folders), phrase("found.outside_languages"))
        return
    problem = file_kind_problem(path, file, size)
    if problem is not None:
        found.refused.add(file)
        found.problems.append(problem)
        return
    is_page = in_language.endswith(".md")
    output = LANGUAGE_FOLDERS[language] + (page_output(in_language) if is_page else in_language)
    clash = generated.clash(output)
    for other in LANGUAGES:  # docs/en/cy/x.md would be published in the Welsh site's folder
        if other != language and LANGUAGE_FOLDERS[other] and output.startswith(LANGUAGE_FOLDERS[other]):
            clash = LANGUAGE_FOLDERS[other]
    if clash is not None:
        found.refuse(file, phrase("expected.own_address"), phrase("found.generated_address", address=output,
                                                                  generated=clash))
        return
    taken = outputs.taken(output)
    if taken is not None:
        found.refuse(file, phrase("expected.one_file_per_address"), taken)
        return
    outputs.add(output, file)
    found.files[language].add(in_language)


def file_kind_problem(path: str, file: str, size: int) -> Problem | None:
    """What is wrong with the regular file at ``path`` (``file`` as editors see it) for
    publishing, judged by its name, its ``size`` and, for an allowed kind, its content; None
    for a Markdown page within its size (its content is the loader's) or an allowed file."""
    extension = posixpath.splitext(file)[1][1:]
    if extension == "md":
        if size > MARKDOWN_MOST_BYTES:
            return Problem(file, None, "", phrase("expected.at_most", kind="Markdown",
                                                  most=size_in_words(MARKDOWN_MOST_BYTES)),
                           found_size(size, MARKDOWN_MOST_BYTES))
        return None
    kind = KIND_BY_NAME.get(posixpath.basename(file)) or KIND_BY_EXTENSION.get(extension)
    if kind is None:
        if extension.lower() in KIND_BY_EXTENSION or extension.lower() == "md":  # IMG_0001.JPG: a server may not know it
            found = phrase("found.extension_case", extension=f".{extension}", lower=f".{extension.lower()}")
        elif extension.lower() == "svg":
            found = phrase("found.svg")
        else:
            found = phrase("found.kind_refused", extension=f".{extension}" if extension else file.rsplit("/", 1)[-1])
        return Problem(file, None, "", phrase("expected.file_kind", names=ALLOWED_NAMES), found)
    if size > kind.most_bytes:
        return Problem(file, None, "", phrase("expected.at_most", kind=kind, most=size_in_words(kind.most_bytes)),
                       found_size(size, kind.most_bytes))
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
        with os.fdopen(descriptor, "rb") as opened:
            content = opened.read(kind.most_bytes if kind.text else _TEXT_HEAD)
    except OSError as error:
        return Problem(file, None, "", phrase("expected.readable_file"), phrase("found.os_error", error=error.strerror))
    if not kind.matches(content):
        return Problem(file, None, "", phrase("expected.content_of_kind", kind=kind),
                       phrase("found.not_a_domain" if kind in NAMED_KINDS else
                              "found.text_not_plain" if kind.text else "found.other_content", kind=kind))
    return None


def size_in_words(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{max(1, round(size / KB))} KB"


def found_size(size: int, most: int):
    """A size over ``most``, in bytes where it reads as ``most`` rounded ('5.0 MB, found 5.0 MB')."""
    shown = size_in_words(size)
    return shown if shown != size_in_words(most) else phrase("found.bytes", count=f"{size:,}")


# --- symbolic links among what else the build reads -----------------------------------------------


def symbolic_links(root: str | os.PathLike, inputs: Iterable[str], walked: Iterable[str]) -> list[str]:
    """Every symbolic link, as editors name it ('data/plan.yaml'), among ``inputs`` themselves
    (paths under ``root``: mkdocs.yml, docs/...) and anywhere in the folders ``walked`` (data/,
    schemas/, the theme's custom_dir), found without following one. The build reads all of
    these as docs/ (check_site_files): a link in them could publish a file from outside the
    repository (a theme folder's file is copied into the site as it is), or have the plan
    or a template read from there."""
    found, walked = [], set(walked)
    for name in dict.fromkeys([*inputs, *walked]):
        path = os.path.join(root, name)
        if os.path.islink(path):
            found.append(name)
        elif name in walked and os.path.isdir(path):
            found += _links_under(path, name)
    return found


def _links_under(folder: str, shown: str) -> list[str]:
    found, folders = [], [(folder, shown)]
    while folders:  # a stack, as in check_site_files
        folder, shown = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue  # what the build cannot list, it cannot read either
        for entry in entries:
            if entry.is_symlink():
                found.append(f"{shown}/{entry.name}")
            elif entry.is_dir(follow_symlinks=False):
                folders.append((entry.path, f"{shown}/{entry.name}"))
    return found


def symbolic_link_problem(file: str) -> Problem:
    return Problem(file, None, "", phrase("expected.no_symbolic_link"), phrase("found.symbolic_link"))


# --- pages the menu neither lists nor leaves out ------------------------------------------------


@dataclass(frozen=True)
class PageListing:
    """Which pages mkdocs.yml's ``nav`` lists and which its ``not_in_nav`` leaves out of the
    menu on purpose. A strict build stops on a page in neither (``validation: omitted_files:
    warn``): `make check` names it first."""

    nav_files: frozenset[str] = frozenset()  # as nav names them, in each language's folder: 'index.md'
    not_in_nav: object = None  # a pathspec GitIgnoreSpec over 'en/posts/x.md', as MkDocs matches them
    enforced: bool = False  # the build stops on an unlisted page (strict, and omitted files a warning)

    @classmethod
    def from_config(cls, nav, not_in_nav, strict: bool, omitted_files_warn: bool) -> PageListing:
        """From mkdocs.yml's values: ``nav`` as written, ``not_in_nav`` as written or as MkDocs read it."""
        import pathspec  # MkDocs' own dependency, pinned: it matches not_in_nav the same way

        if isinstance(not_in_nav, str):
            not_in_nav = pathspec.GitIgnoreSpec.from_lines(not_in_nav.splitlines())
        return cls(frozenset(_nav_files(nav)), not_in_nav, bool(strict and omitted_files_warn and nav is not None))

    def problems(self, site_files: SiteFiles, docs_dir: str) -> list[Problem]:
        if not self.enforced:
            return []
        return [Problem(f"{docs_dir}/{language}/{path}", None, "", phrase("expected.listed_page"),
                        phrase("found.unlisted_page"))
                for language, paths in sorted(site_files.files.items()) for path in sorted(paths)
                if path.endswith(".md") and path not in self.nav_files
                and not (self.not_in_nav is not None and self.not_in_nav.match_file(f"{language}/{path}"))]


def _nav_files(nav) -> Iterable[str]:
    """Every page a nav (a list of titles and pages, sections nested) names."""
    if isinstance(nav, str):
        if nav.endswith(".md"):
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_files(value)
