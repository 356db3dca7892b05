"""Each page's body as readers get it: rendered, checked against the allowlist, and
its anchors and links to other pages noted, so that links can be checked across pages.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable
from urllib.parse import unquote, urlsplit

from . import LANGUAGES
from .problems import Phrase, Problem, phrase
from .rendering import MarkdownSettings, Renderer
from .safe_html import unsafe_markup
from .visible_text import HiddenMarkupParser, body_line_problems
from .site_files import FEED_ITEM_MOST_BYTES, IMAGE_EXTENSIONS, SiteFiles, found_size, size_in_words
from .urls import LANGUAGE_FOLDERS

# The page's heading is its title, which the theme prints (strategy/page_source.py).
TITLE_HEADING_EXPECTED = phrase("expected.no_title_heading")
UNSAFE_EXPECTED = phrase("expected.safe_html")


@dataclass(frozen=True)
class Link:
    """A link from a page to a page of the site (``target`` as a path under docs/LANG/)."""

    file: str
    line: int | None
    target: str
    anchor: str
    written: str  # the address as written, for messages


@dataclass(frozen=True)
class RenderedBody:
    ids: frozenset[str]  # every id in the rendered body: heading anchors, attr_list ids, footnotes
    links: tuple[Link, ...]


# Links that Markdown extensions make themselves (heading permalinks, footnotes): they
# always lead somewhere, and no line of the source holds them.
_GENERATED_LINKS = frozenset({"headerlink", "footnote-ref", "footnote-backref"})


class _Collector(HiddenMarkupParser):
    """The ids in rendered HTML, the addresses of the links an author wrote, its images and
    headings, and (as its base) what it hides: one reading of the page for every check."""

    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.titles = set(), [], []  # titles: the text of each h1
        self.images: list[Image] = []
        self._title: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        attributes = dict(attrs)
        if tag == "h1":
            self._title = []
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        generated = set((attributes.get("class") or "").split()) & _GENERATED_LINKS
        if tag == "a" and attributes.get("href") is not None and not generated:
            self.hrefs.append(attributes["href"])
        if tag == "img":
            self.images.append(Image(attributes.get("src") or "", (attributes.get("alt") or "").strip(),
                                     DECORATIVE in (attributes.get("class") or "").split()))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._title is not None:
            self._title.append(data)

    def handle_endtag(self, tag):
        if tag == "h1" and self._title is not None:
            self.titles.append("".join(self._title).rstrip("¶").strip())  # without its permalink symbol
            self._title = None


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    decorative: bool  # marked as saying nothing a reader needs: ![](x.png){: .decorative }


DECORATIVE = "decorative"
"""The class that marks an image as decorative: its alt text may be empty."""


def _collect(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


@dataclass(frozen=True)
class PageAddresses:
    """Where the pages of one language are published, for links MkDocs has already
    turned from 'x.md' into the page's address (in a build)."""

    url: str  # the page's own address, relative to the site root, such as 'cy/posts/x/'
    paths: dict[str, str]  # a page's address -> its path, such as 'cy/posts/x/' -> 'posts/x.md'


def page_target(href: str, from_path: str, addresses: PageAddresses | None = None) -> tuple[str, str] | None:
    """(page path, anchor) that a relative link to a Markdown page (or to an anchor on the
    same page, or, given ``addresses``, to a page's address) leads to; None for any other
    address, which MkDocs checks itself."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if not path:
        return from_path, anchor
    if path.endswith(".md"):
        return posixpath.normpath(posixpath.join(posixpath.dirname(from_path), path)), anchor
    if addresses is not None and path.endswith("/"):
        address = posixpath.normpath(posixpath.join(addresses.url, path)) + "/"
        address = "" if address == "./" else address
        if address in addresses.paths:
            return addresses.paths[address], anchor
    return None


# Python-Markdown reads a list inside a list by recursion, and slowly: 200 levels take half a
# second, 400 end in a RecursionError. Each level of a list, quote or block (admonition,
# details, footnote) is indented 4 columns (a tab counts 4), marked with a '>', or opened by
# a list marker on the same line ('- - - x' is a list in a list in a list); no page needs
# more than a few, so a line deeper than this is refused before anything renders it.
MAX_NESTING = 20
_FENCE = re.compile(r"[ \t>]*(`{3,}|~{3,})")
_NESTING_PREFIX = re.compile(r"(?:[ \t>]|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))*")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]{0,4}")  # with the spaces that part it from its text
_DEEP_ENOUGH = re.compile(rf"^[ \t>*+\-0-9.)]{{{MAX_NESTING + 1}}}", re.MULTILINE)  # what any deeper line starts with


def body_text_problems(file: str, body: str, body_line: int) -> list[Problem]:
    """Each line of ``body`` that does not show as written (visible_text.py)."""
    return [Problem(file, body_line + line - 1, "", phrase("expected.visible_text"), found)
            for line, found in body_line_problems(body)]


def nesting_problem(file: str, body: str, body_line: int) -> Problem | None:
    """The first line of ``body`` nested deeper than MAX_NESTING (outside fenced code), or None."""
    if not _DEEP_ENOUGH.search(body):
        return None  # each level takes a character at least: no line starts with enough of them
    fence = ""
    for number, line in enumerate(body.split("\n")):
        opened = _FENCE.match(line)
        if fence:
            fence = "" if opened and opened.group(1).startswith(fence) else fence
            continue
        if opened:
            fence = opened.group(1)
            continue
        prefix = _NESTING_PREFIX.match(line).group()
        markers = len(_LIST_MARKER.findall(prefix))
        indent = _LIST_MARKER.sub("", prefix).replace(">", "")
        depth = len(indent.expandtabs(4)) // 4 + prefix.count(">") + markers
        if depth > MAX_NESTING:
            return Problem(file, body_line + number, "", phrase("expected.nesting", limit=MAX_NESTING),
                           phrase("found.nesting", levels=depth))
    return None


# Python-Markdown looks for the end of every '[' it reads, through the rest of its paragraph:
# a paragraph of 1,000 '[' never closed takes a second, 10,000 take minutes (and a page of
# 500 KB holds hundreds of such paragraphs). A paragraph of links closes what it opens.
MAX_OPEN_BRACKETS = 100
_ESCAPED = re.compile(r"\\.")
_BRACKET = re.compile(r"[\[\]]")


def open_brackets_problem(file: str, body: str, body_line: int) -> Problem | None:
    """The first paragraph of ``body`` (outside fenced code) that leaves more than
    MAX_OPEN_BRACKETS '[' unclosed, named by its first line, or None."""
    fence, open_brackets, first = "", 0, None
    for number, line in enumerate(body.split("\n")):
        opened = _FENCE.match(line)
        if fence:
            fence = "" if opened and opened.group(1).startswith(fence) else fence
            continue
        if opened or not line.strip():  # a paragraph ends
            fence, open_brackets, first = (opened.group(1) if opened else ""), 0, None
            continue
        first = number if first is None else first
        if "[" not in line and not (open_brackets and "]" in line):
            continue  # most lines: none to count
        for character in _BRACKET.findall(_ESCAPED.sub("", line) if "\\" in line else line):  # '\[' is text
            if character == "[":
                open_brackets += 1
            elif character == "]" and open_brackets:
                open_brackets -= 1
        if open_brackets > MAX_OPEN_BRACKETS:
            return Problem(file, body_line + first, "", phrase("expected.brackets_closed", limit=MAX_OPEN_BRACKETS),
                           phrase("found.brackets_open", count=open_brackets))
    return None


# Markdown's HTML reading looks for the '>' of every tag it finds begun ('<a', '</', '<!'),
# to the end of the page if there is none: 10,000 '<a ' take seconds, 100,000 minutes.
MAX_OPEN_TAGS = 100
_TAG_START = re.compile(r"<[A-Za-z/!?]|>")


def open_tags_problem(file: str, body: str, body_line: int) -> Problem | None:
    """The line of the first of more than MAX_OPEN_TAGS tags begun in ``body`` (outside
    fenced code) with no '>' after any of them, or None."""
    fence, open_tags, first = "", 0, None
    for number, line in enumerate(body.split("\n")):
        opened = _FENCE.match(line)
        if fence or opened:
            fence = ("" if opened and opened.group(1).startswith(fence) else fence) if fence else opened.group(1)
            continue
        for found in _TAG_START.findall(line):
            if found == ">":
                open_tags, first = 0, None
                continue
            open_tags += 1
            first = number if first is None else first
            if open_tags > MAX_OPEN_TAGS:
                return Problem(file, body_line + first, "", phrase("expected.tags_closed", limit=MAX_OPEN_TAGS),
                               phrase("found.tags_open", count=open_tags))
    return None


@dataclass(frozen=True)
class BodySource:
    file: str  # the file the body comes from, as editors see it
    body: str
    body_line: int  # the file line the body starts on


class BodyChecker:
    """Checks each page's body as rendered against the allowlist, and keeps what each
    page gave (``rendered``, by page path and language) for the checks across pages.

    The editors' check renders every body itself (``render_all``). A build does not
    render twice: it hands over each page's HTML as MkDocs renders it (``check_html``),
    and renders here only to find the line of a problem."""

    def __init__(self, settings: MarkdownSettings = MarkdownSettings(), render_all: bool = True):
        self.settings, self.render_all = settings, render_all
        self._renderer: Renderer | None = None
        self.sources: dict[tuple[str, str], BodySource] = {}
        # The files each language's site publishes (site_files.py), for links to files and
        # images; None until the content's loader has listed them, when none are checked.
        self.site_files: SiteFiles | None = None
        self.rendered: dict[tuple[str, str], RenderedBody] = {}
        self.problems: list[Problem] = []  # every problem check_html found

    @property
    def renderer(self) -> Renderer:
        if self._renderer is None:
            self._renderer = Renderer(self.settings)
        return self._renderer

    def add(self, file: str, path: str, body: str, body_line: int, languages: tuple[str, ...]) -> list[Problem]:
        """Note the body that the pages at ``path`` in ``languages`` show; check it now
        when rendering every body."""
        for language in languages:
            self.sources[(path, language)] = BodySource(file, body, body_line)
        if not self.render_all:
            return []
        return self.check_html(path, languages, self.renderer.render(body))

    def check_pages_mentioning(self, names: set[str]) -> None:
        """Render and check now every page whose body mentions one of ``names``."""
        for (path, language), source in list(self.sources.items()):
            if any(name in source.body for name in names):
                self.check_html(path, (language,), self.renderer.render(source.body))

    def check_unrendered(self) -> list[Problem]:
        """Render and check now every noted body not checked yet: for a build that stops
        before MkDocs renders its pages, so that their problems are reported with the rest."""
        checked = len(self.problems)
        for (path, language), source in list(self.sources.items()):
            if (path, language) not in self.rendered:
                self.check_html(path, (language,), self.renderer.render(source.body))
        return self.problems[checked:]

    def check_html(self, path: str, languages: tuple[str, ...], html: str,
                   addresses: PageAddresses | None = None) -> list[Problem]:
        """Problems with ``html``, the rendered body of the page at ``path`` (noted by
        ``add``); ``addresses`` when MkDocs has turned its links into addresses."""
        source = self.sources[(path, languages[0])]
        file, body, first = source.file, source.body, source.body_line
        problems = [Problem(file, first + line - 1 if line else None, "", UNSAFE_EXPECTED, found)
                    for found, line in self._with_lines(unsafe_markup(html), body,
                                                        lambda part: Counter(unsafe_markup(part)))]
        collected = _collect(html)
        hidden = list(dict.fromkeys(collected.hidden))  # each once, however often it shows
        hidden_lines = self._with_lines([written for written, _, _ in hidden], body, written_as=True,
                                        count=lambda part: Counter(written for written, _, _ in _collect(part).hidden))
        problems += [Problem(file, first + line - 1 if line else None, "", expected, found)
                     for (_, expected, found), (_, line) in zip(hidden, hidden_lines)]
        problems += [Problem(file, first + line - 1 if line else None, "", TITLE_HEADING_EXPECTED, phrase("found.title_heading", title=title))
                     for title, line in self._with_lines(collected.titles, body, lambda part: Counter(_collect(part).titles))]
        size = len(html.encode("utf-8"))
        if size > FEED_ITEM_MOST_BYTES:  # a feed carries it whole: a message, not a feed that readers refuse
            problems.append(Problem(file, None, "", phrase("expected.html_at_most",
                                                           most=size_in_words(FEED_ITEM_MOST_BYTES)),
                                    found_size(size, FEED_ITEM_MOST_BYTES)))
        problems += self._image_problems(file, body, first, collected)
        problems += self._file_problems(path, languages, file, body, first, collected, addresses)
        targets = [(href, page_target(href, path, addresses)) for href in collected.hrefs]
        internal = [(href, target) for href, target in targets if target is not None]
        lines = self._with_lines([_as_written(href, target) for href, target in internal], body,
                                 lambda part: Counter(_collect(part).hrefs), written_as=True)
        links = tuple(Link(file, first + line - 1 if line else None, *target, written)
                      for (_, target), (written, line) in zip(internal, lines))
        for language in languages:
            self.rendered[(path, language)] = RenderedBody(frozenset(collected.ids), links)
        self.problems += problems
        return problems

    def _image_problems(self, file: str, body: str, first: int, collected: _Collector) -> list[Problem]:
        """Every image says what it shows (its alt text), unless marked as decorative."""
        unsaid = ["" for image in collected.images if not image.alt and not image.decorative]
        lines = self._with_lines(unsaid, body, lambda part: Counter(
            "" for image in _collect(part).images if not image.alt and not image.decorative))
        return [Problem(file, first + line - 1 if line else None, "", phrase("expected.image_alt"),
                        phrase("found.image_without_alt")) for _, line in lines]

    def _file_problems(self, path: str, languages: tuple[str, ...], file: str, body: str, first: int,
                       collected: _Collector, addresses: PageAddresses | None) -> list[Problem]:
        """Links and images that lead to a file of the site (not a page) that each language's
        folder has, of a kind a page can show; addresses written relative to the page."""
        if self.site_files is None:
            return []
        found = []
        for address, image in [(href, False) for href in collected.hrefs] + [(i.src, True) for i in collected.images]:
            for language in languages:
                problem = _file_address_problem(address, image, path, language, addresses, self.site_files, body)
                if problem is not None:
                    found.append((address, problem))
                    break
        lines = self._with_lines([address for address, _ in found], body,
                                 lambda part: Counter(_collect(part).hrefs + [i.src for i in _collect(part).images]),
                                 written_as=True)
        return [Problem(file, first + line - 1 if line else None, "", *problem)
                for (_, problem), (_, line) in zip(found, lines)]

    def _with_lines(self, found: list[str], body: str, count: Callable[[str], Counter],
                    written_as: bool = False) -> list[tuple[str, int | None]]:
        """Each of ``found`` with the body line it comes from: where the text is written as
        it was found (``written_as``), else the first line whose rendered prefix of the
        body produces it, found by halving."""
        lines, seen, result = body.split("\n"), Counter(), []
        for item in found:
            seen[item] += 1
            line = _nth_line_with(body, item, seen[item]) if written_as else None
            if line is None:
                line = self._first_line_producing(lines, item, seen[item], count)
            result.append((item, line))
        return result

    def _first_line_producing(self, lines: list[str], item: str, occurrence: int,
                              count: Callable[[str], Counter]) -> int | None:
        low, high = 1, len(lines)
        if count(self.renderer.render("\n".join(lines)))[item] < occurrence:
            return None
        while low < high:
            middle = (low + high) // 2
            if count(self.renderer.render("\n".join(lines[:middle])))[item] >= occurrence:
                high = middle
            else:
                low = middle + 1
        return low


def _file_address_problem(address: str, image: bool, from_path: str, language: str, addresses: PageAddresses | None,
                          site_files: SiteFiles, body: str) -> tuple[Phrase, Phrase] | None:
    """(expected, found) when ``address``, a link (or an ``image``'s source) on the page at
    ``from_path`` in ``language``, whose Markdown is ``body``, does not lead to a file of that
    language's site that it may lead to. Links to pages (x.md) are link_problems'."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        return None  # another site (the allowlist checks which schemes, and that images are the site's own)
    if address.startswith("/") or "\\" in address:
        # '/x' leaves the site when it is not at its domain's root; '/\\host' is another site to a browser.
        return phrase("expected.relative_address"), phrase("found.absolute_address", link=address)
    written = unquote(parts.path)
    files, folder = site_files.files[language], f"docs/{language}/"
    if not image and written.endswith("/") and (addresses is None or _written_in(body, address)):
        # A page's address written by hand ('../archive/'): MkDocs checks only links to files,
        # and a strict build stops on it. In a build, MkDocs wrote the addresses of x.md links.
        return phrase("expected.link_to_page", folder=folder), _page_address_found(address, written, from_path, files)
    if not written or (not image and (written.endswith(".md") or written.endswith("/"))):
        return None
    target = (addresses is not None and _found_by_mkdocs(written, language, addresses, files)
              or posixpath.normpath(posixpath.join(posixpath.dirname(from_path), written)))
    if target == ".." or target.startswith("../"):
        return phrase("expected.link_in_language", folder=folder), phrase("found.link_outside", link=address,
                                                                         folder=folder)
    if folder + target in site_files.refused:
        return None  # its own problem is reported
    if target not in files:
        elsewhere = [f"docs/{other}/{target}" for other in LANGUAGES if target in site_files.files[other]]
        expected = phrase("expected.file_in_language", folder=folder)
        if elsewhere:
            return expected, phrase("found.file_in_other_language", link=address, file=folder + target,
                                    other=elsewhere[0])
        return expected, phrase("found.link_to_nothing", link=address, file=folder + target)
    if image and posixpath.splitext(target)[1][1:] not in IMAGE_EXTENSIONS:
        return (phrase("expected.image_kind", names=", ".join(f".{name}" for name in sorted(IMAGE_EXTENSIONS))),
                phrase("found.not_an_image", link=address))
    return None


def _found_by_mkdocs(written: str, language: str, addresses: PageAddresses, files: set[str]) -> str | None:
    """In a build, the file (its path in the language's folder) whose address MkDocs wrote
    in place of a link to it, relative to the page's own address; None where MkDocs found
    no file and left the link as written."""
    address = posixpath.normpath(posixpath.join(addresses.url, written))
    prefix = LANGUAGE_FOLDERS[language]
    return address[len(prefix):] if address.startswith(prefix) and address[len(prefix):] in files else None


def _written_in(body: str, address: str) -> bool:
    """Whether the Markdown ``body`` writes ``address`` as a link's address (in brackets, quotes
    or a reference definition), not only somewhere inside a longer address of its text."""
    return re.search(r"""(?:\(|"|'|<|\]:\s*)""" + re.escape(address) + r"""(?:[)\s"'>]|$)""", body) is not None


def _page_address_found(address: str, written: str, from_path: str, files: set[str]) -> Phrase:
    """A link to a page's address, with the page's file to link to instead where there is one."""
    here = posixpath.dirname(from_path)
    target = posixpath.normpath(posixpath.join(here, written))
    for page in ("index.md" if target == "." else f"{target}.md", posixpath.join(target, "index.md")):
        if page in files:
            return phrase("found.page_address", link=address, page=posixpath.relpath(page, here or "."))
    return phrase("found.page_address_of_nothing", link=address)


def _as_written(href: str, target: tuple[str, str]) -> str:
    """What the source most likely says for a link: as found, unless MkDocs turned it
    into an address ('../x/#a'), when the file name and anchor ('x.md#a') are."""
    if href.endswith(".md") or ".md#" in href or href.startswith("#"):
        return href
    return posixpath.basename(target[0]) + (f"#{target[1]}" if target[1] else "")


def _nth_line_with(body: str, text: str, occurrence: int) -> int | None:
    """The line of ``body`` holding ``text``'s ``occurrence``-th place as an address is written:
    after '(', '<', a quote, '/' or a reference's ']: ', and before ')', a space (a line's end
    is one), '>', '#' or a quote; not inside a word ('y' is not in 'everyday'). None if it is
    not written so."""
    if not text or "\n" in text:
        return None
    written = re.compile(r"(?:(?<=[(<\"'/])|(?<=\]: ))" + re.escape(text) + r"(?=[)\s>\"'#]|\Z)")
    for number, match in enumerate(written.finditer(body), start=1):
        if number == occurrence:
            return body.count("\n", 0, match.start()) + 1
    return None


def link_problems(rendered: dict[tuple[str, str], RenderedBody], anchors: dict[tuple[str, str], frozenset[str]],
                  pages: set[str], docs_dir: str) -> list[Problem]:
    """Links to a page that does not exist, or to an anchor that its page does not have.
    ``rendered`` and ``anchors`` are by (page path, language); ``pages`` are every page's path."""
    problems = []
    for (path, language), body in rendered.items():
        folder = f"{docs_dir}/{language}/"
        for link in body.links:
            target = link.target
            if target.startswith("../"):  # out of the language's folder, such as '../../cy/x.md'
                problems.append(Problem(link.file, link.line, "", phrase("expected.link_in_language", folder=folder),
                                        phrase("found.link_outside", link=link.written, folder=folder)))
            elif target not in pages:
                problems.append(Problem(link.file, link.line, "", phrase("expected.link_to_page", folder=folder),
                                        phrase("found.link_to_nothing", link=link.written, file=folder + target)))
            elif link.anchor and (target, language) in anchors and link.anchor not in anchors[(target, language)]:
                problems.append(Problem(link.file, link.line, "", phrase("expected.link_to_anchor"),
                                        phrase("found.no_anchor", link=link.written, file=folder + target,
                                               anchor=link.anchor)))
    return problems
