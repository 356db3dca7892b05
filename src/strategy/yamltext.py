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


# Reading never builds more than the text shows. An alias (*name) repeats the value its
# anchor (&name) marks, and nine levels of aliases, each repeating the one before nine
# times, make hundreds of millions of values from nine lines (an "alias bomb"); an anchor
# also hides text ('title: &Co news' would publish "news"). So anchors and aliases are
# refused as they are read, before anything is repeated, and so are tags (!!binary,
# !!python/...), which turn text into other things. What remains is as deep and as large
# as the text itself, within these bounds (the plan is about 7 levels deep):
MAX_DEPTH = 50
MAX_VALUES = 200_000

# Plain values that are not text, as YAML 1.2 reads them: true and false (never yes, no,
# on or off: 'title: No' is a title), and numbers written as numbers (never 1:20, read by
# YAML 1.1 as 80 in base 60, nor 0123 in base 8, 0x1F or 1_000).
_NOT_TEXT = [
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    ("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), "-+0123456789"),
    ("tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:(?:0|[1-9][0-9]*)\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
     "-+.0123456789"),
]
_STRING = "tag:yaml.org,2002:str"


class _Refused(yaml.MarkedYAMLError):
    """What the reader stops at: ``kind`` names the catalogue's problem.found.yaml.<kind>."""

    def __init__(self, kind: str, mark):
        super().__init__(problem=kind, problem_mark=mark)
        self.kind = kind


class _SafeComposer(yaml.composer.Composer):
    """PyYAML's composer, with no anchors, aliases or tags, and bounded in depth and size.

    An anchor, an alias or a tag is noted in ``refused`` (by the node it gave) and reading
    goes on, so that the file's other problems are found too: an anchor marks nothing, an
    alias is read as the text it shows ('*name'), a tagged value as if untagged."""

    def __init__(self):
        super().__init__()
        # id(node) -> (node, problem.found.yaml.<kind>); the node is kept so that ids stay unique
        self.refused: dict[int, tuple[yaml.Node, str]] = {}
        self._depth = self._values = 0

    def compose_node(self, parent, index):
        self._values += 1
        if self._values > MAX_VALUES:
            raise _Refused("too_many_values", self.peek_event().start_mark)
        if self._depth >= MAX_DEPTH:
            raise _Refused("too_deep", self.peek_event().start_mark)
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            node = yaml.ScalarNode(_STRING, f"*{event.anchor}", event.start_mark, event.end_mark)
            self.refused[id(node)] = (node, "star_or_ampersand")
            return node
        event = self.peek_event()
        refused = ("star_or_ampersand" if event.anchor is not None
                   else "reserved_start" if event.tag not in (None, "!") else None)
        event.tag = None if refused else event.tag  # a tagged value is read as if untagged
        self._depth += 1
        self.descend_resolver(parent, index)
        if self.check_event(yaml.ScalarEvent):
            node = self.compose_scalar_node(None)
        elif self.check_event(yaml.SequenceStartEvent):
            node = self.compose_sequence_node(None)
        else:
            node = self.compose_mapping_node(None)
        self.ascend_resolver()
        self._depth -= 1
        if refused:
            self.refused[id(node)] = (node, refused)
        return node


# libyaml's parser when PyYAML was built with it: several times faster on many files.
try:
    from yaml._yaml import CParser as _Parser

    def _start_parser(loader, text):
        _Parser.__init__(loader, text)
except ImportError:  # PyYAML without libyaml
    class _Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
        pass

    def _start_parser(loader, text):
        yaml.reader.Reader.__init__(loader, text)
        yaml.scanner.Scanner.__init__(loader)
        yaml.parser.Parser.__init__(loader)


class _SafeLoader(_SafeComposer, _Parser, yaml.constructor.SafeConstructor, yaml.resolver.BaseResolver):
    def __init__(self, text: str):
        _start_parser(self, text)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)
        _SafeComposer.__init__(self)


_SafeLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _NOT_TEXT:
    _SafeLoader.add_implicit_resolver(_tag, _pattern, list(_first))


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


def compose(text: str) -> yaml.Node | None:
    """The nodes of ``text`` as parse_yaml reads them (anchors mark nothing, an alias is its
    own text), for readers that need only the nodes; yaml.YAMLError where it cannot be read."""
    loader = _SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def parse_yaml(text: str, file: str, first_line: int = 1) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse ``text``; ``first_line`` is the file line the text starts on."""
    offset = first_line - 1
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()  # parsed once: the nodes give the lines, then the data
        data = loader.construct_document(node) if node is not None else None
    except _Refused as error:  # too deep or too large to read on
        found = phrase("found.yaml.too_deep") if error.kind == "too_deep" else phrase(
            "found.yaml.too_many_values", limit=MAX_VALUES)
        return None, [Problem(file, error.problem_mark.line + 1 + offset, "", phrase("expected.yaml"), found)]
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
        _index_lines(node, (), offset, document, text, loader.refused)
    problems = [Problem(file, line, position(path, document.data), expected, found)
                for path, line, (expected, found) in document.written_wrong]
    return document, problems


_STATED_AGAIN = (phrase("expected.stated_once"), phrase("found.stated_again"))
# Valid YAML, but never what an editor meant: "C:\new" in double quotes is a line break.
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
    if "nesting depth" in problem:  # libyaml's own bound, below ours for [[[...
        return "too_deep"
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


# A '#' that YAML reads as the start of a comment, though it was surely meant as text: written
# one space after a value ('summary: Why it exists #2', '#2' dropped) or where a value should
# begin ('title: #1 priority', an empty title). A comment written as one, two spaces after a
# value ('kind: series  # page, series ...', as EDITORS.md shows), is left alone.
_COMMENT_AS_TEXT = re.compile(r" #\S[^\n]*")
_COMMENT_FOR_VALUE = re.compile(r"[ \t]*#[^\n]*")


def _comment_taken_from(node: yaml.ScalarNode, text: str) -> str | None:
    """The text after a plain value that YAML read as a comment, when it was meant as text."""
    if node.style:  # quoted, or a block (| or >): a '#' in it is text (plain: None, or "" from libyaml)
        return None
    # Matched where the value ends, without copying the rest of the text: a plan holds
    # thousands of values.
    found = (_COMMENT_FOR_VALUE if node.value == "" else _COMMENT_AS_TEXT).match(text, node.end_mark.index)
    return found.group().strip() if found else None


# A backslash in double quotes that does more than keep a quote or itself (\" and \\): the
# escapes that turn "\n", "\t", "\x41" or "\_" into other characters than were typed.
_ESCAPE = re.compile(r'(?<!\\)(?:\\\\)*\\[^"\\]')


def _index_lines(node: yaml.Node, path: Path, offset: int, document: YamlDocument, text: str,
                 refused: dict[int, tuple[yaml.Node, str]]) -> None:
    line = node.start_mark.line + 1 + offset
    document.lines.setdefault(path, line)
    if id(node) in refused:  # an anchor, an alias or a tag (_SafeComposer): once a line
        wrong = (phrase("expected.yaml"), phrase(f"found.yaml.{refused[id(node)][1]}"))
        if not any(seen == line and said == wrong for _, seen, said in document.written_wrong):
            document.written_wrong.append((path, line, wrong))
    if isinstance(node, yaml.ScalarNode) and path:  # a value (keys are not indexed here)
        dropped = _comment_taken_from(node, text)
        if dropped:
            document.written_wrong.append((path, line, (phrase("expected.yaml"), phrase(
                "found.yaml.comment_in_value", text=repr(dropped)))))
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
            _index_lines(value_node, child, offset, document, text, refused)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, path + (index,), offset, document, text, refused)


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
    write one) is accepted and left out; a file saved as UTF-16 is named as such; any
    other byte that is not UTF-8 is reported with its line, since an editor can then find it."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:1000]:
        # UTF-16 (as Notepad's "Unicode"): every other byte of English text is a zero.
        return None, [Problem(file, 1, "", phrase("expected.utf8"), phrase("found.utf16"))]
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, [Problem(file, line, "", phrase("expected.utf8"), phrase("found.not_utf8", byte=f"0x{data[error.start]:02X}"))]
