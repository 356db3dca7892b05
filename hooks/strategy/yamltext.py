"""Reading YAML so that problems can point at the line they are on.

Dates stay as text here: the schemas check their form and the model turns them
into dates, so a bad date is reported like any other wrong value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .problems import Phrase, Problem, describe, phrase, position

Path = tuple  # a path into the data, such as ("missions", 2, "actions", 0, "owner")


# libyaml's loader when PyYAML was built with it: several times faster on many files.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDatesLoader(_BaseLoader):
    """SafeLoader that leaves timestamps as strings."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


@dataclass
class YamlDocument:
    """Parsed YAML, the line of every key and item, and any duplicate keys found."""

    data: object
    lines: dict[Path, int] = field(default_factory=dict)
    # What parses but is not what an editor meant: (path, line, (expected, found)).
    written_wrong: list[tuple[Path, int, tuple[Phrase, Phrase]]] = field(default_factory=list)

    def line_of(self, path: Path) -> int | None:
        """The line of the deepest part of ``path`` that is known."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def parse_yaml(text: str, file: str, first_line: int = 1) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``text``; ``first_line`` is the file line the text starts on."""
    offset = first_line - 1
    loader = _TextDatesLoader(text)
    try:
        node = loader.get_single_node()  # parsed once: the nodes give the lines, then the data
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as error:  # a character YAML refuses outright, such as U+0000
        line = text.count("\n", 0, error.position) + 1 + offset
        return None, [Problem(file, line, "", phrase("expected.no_control_characters"),
                              phrase("found.control_character", name=f"U+{error.character:04X}"))]
    except yaml.YAMLError as error:
        return None, [syntax_problem(error, file, offset, text)]
    finally:
        loader.dispose()
    document = YamlDocument(data if data is not None else {})
    if node is not None:
        _index_lines(node, (), offset, document, text)
    problems = [Problem(file, line, position(path, document.data), expected, found)
                for path, line, (expected, found) in document.written_wrong]
    return document, problems


_STATED_AGAIN = (phrase("expected.stated_once"), phrase("found.stated_again"))
# Valid YAML, but never what an editor meant: 'title: &Co news' would publish "news", and
# "C:\new" in double quotes a line break.
_ANCHORED = (phrase("expected.yaml"), phrase("found.yaml.star_or_ampersand"))
_ESCAPED = (phrase("expected.yaml"), phrase("found.yaml.backslash"))


def _lacks_colon(text: str, index: int) -> bool:
    """Whether line ``index`` (from 0) of ``text`` is a field's name, or a list item's first
    field, written without its ': '."""
    lines = text.splitlines()
    if not 0 <= index < len(lines):
        return False
    line = lines[index].strip().removeprefix("- ")
    return bool(line) and not line.startswith(("#", "-", "'", '"')) and ":" not in line


def syntax_problem(error: yaml.YAMLError, file: str, offset: int = 0, text: str = "") -> Problem:
    """A YAML syntax error as the editor's mistake, in the catalogue's words and with what
    to do (problem.found.yaml.*), at the line the mistake is on: an unclosed quote is
    reported where it opens, not where YAML gave up looking for its end. A mistake not
    known here keeps YAML's own words."""
    mistake = _syntax_mistake(str(getattr(error, "problem", "") or ""), str(getattr(error, "context", "") or ""))
    mark = getattr(error, "context_mark" if mistake in _REPORTED_WHERE_IT_OPENS else "problem_mark", None)
    line = mark.line + 1 + offset if mark else None
    if mistake == "colon" and mark and _lacks_colon(text, mark.line - 1):
        # 'kind series' above 'id: x': YAML reads both lines as one name, and stops at the ': '.
        mistake, line = "missing_colon", line - 1
    found = phrase(f"found.yaml.{mistake}") if mistake else phrase(
        "found.syntax_error", reason=getattr(error, "problem", None) or str(error))
    return Problem(file, line, "", phrase("expected.yaml"), found)


# YAML finds these where it gives up, lines after the mistake: its context names the line.
_REPORTED_WHERE_IT_OPENS = ("unclosed_quote", "unclosed_bracket", "missing_colon")


def _syntax_mistake(problem: str, context: str) -> str:
    """The kind of mistake behind YAML's words: libyaml's or the pure-Python parser's, which differ."""
    if "quoted scalar" in context and "end of stream" in problem:
        return "unclosed_quote"
    if "flow sequence" in context or "flow mapping" in context:
        return "unclosed_bracket"
    if "tab" in problem or "'\\t'" in problem:  # "found a tab character ...", "found character '\\t' ..."
        return "tab"
    if problem.startswith("mapping values are not allowed"):
        return "colon"
    if problem.startswith("could not find expected ':'"):
        return "missing_colon"
    if "alias" in context or "anchor" in context or "undefined alias" in problem:
        return "star_or_ampersand"
    if "escape" in problem or "hexdecimal" in problem or "hexadecimal" in problem:
        return "backslash"
    if ("cannot start any token" in problem or "constructor for the tag" in problem
            or problem.startswith("mapping keys are not allowed")):  # @ ` % ! ?
        return "reserved_start"
    if "sequence entries are not allowed" in problem:
        return "dash"
    if "block scalar" in context:
        return "block_scalar"
    if "block mapping" in context or "block collection" in context:
        return "lines_up"
    return ""


# A backslash in double quotes that does more than keep a quote or itself (\" and \\): the
# escapes that turn "\n", "\t", "\x41" or "\_" into other characters than were typed.
_ESCAPE = re.compile(r'(?<!\\)(?:\\\\)*\\[^"\\]')


def _index_lines(node: yaml.Node, path: Path, offset: int, document: YamlDocument, text: str) -> None:
    document.lines.setdefault(path, node.start_mark.line + 1 + offset)
    if text.startswith("&", node.start_mark.index):  # a node's marks start at its anchor
        document.written_wrong.append((path, node.start_mark.line + 1 + offset, _ANCHORED))
    if isinstance(node, yaml.ScalarNode) and node.style == '"':
        written = text[node.start_mark.index:node.end_mark.index]
        escape = _ESCAPE.search(written)
        if escape:
            line = node.start_mark.line + 1 + offset + written.count("\n", 0, escape.start())
            document.written_wrong.append((path, line, _ESCAPED))
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value
            child = path + (key,)
            if key in seen:
                document.written_wrong.append((child, key_node.start_mark.line + 1 + offset, _STATED_AGAIN))
            seen.add(key)
            document.lines[child] = key_node.start_mark.line + 1 + offset
            _index_lines(value_node, child, offset, document, text)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, path + (index,), offset, document, text)


@dataclass(frozen=True)
class MarkdownFile:
    """A Markdown file split into its front matter and its body."""

    front_matter: YamlDocument
    body: str
    body_line: int  # the file line the body starts on


def split_front_matter(text: str, file: str) -> tuple[MarkdownFile | None, list[Problem]]:
    """Split a Markdown file that starts with a ``---`` fenced YAML block."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, [Problem(file, 1, "", phrase("expected.front_matter"), phrase("found.no_front_matter"))]
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            document, problems = parse_yaml("".join(lines[1:index]), file, first_line=2)
            if document is None:
                return None, problems
            if not isinstance(document.data, dict):
                return None, problems + [Problem(file, 2, "", phrase("expected.front_matter_fields"),
                                                 describe(document.data))]
            return MarkdownFile(document, "".join(lines[index + 1:]), body_line=index + 2), problems
    return None, [Problem(file, 1, "", phrase("expected.front_matter_end"), phrase("found.none"))]


def read_text(path, file: str) -> tuple[str | None, list[Problem]]:
    """The text of a file that must be UTF-8. A byte-order mark (some Windows editors
    write one) is accepted and left out; any other byte that is not UTF-8 is reported
    with its line, since an editor can then find it."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, [Problem(file, line, "", phrase("expected.utf8"), phrase("found.not_utf8", byte=f"0x{data[error.start]:02X}"))]
