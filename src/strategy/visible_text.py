"""Text that means what it shows: characters that act instead of showing, and markup that
a reader's browser would act on where the text looks plain.

- Control characters (C0 and C1, DEL) and non-characters: invisible, they act on a
  terminal, and XML (the feeds) refuses most of them. Tabs and line breaks aside.
- Character references to what no text may hold (``&#1;``, ``&#xD800;``, ``&#x110000;``)
  or to what HTML reads as another character (``&#128;`` is shown as '€').
- Unbalanced direction controls: U+202E (RIGHT-TO-LEFT OVERRIDE) left open reverses
  every character after it, in a title, a page's <title>, or a line of code ("Trojan
  Source": code that reads differently than it runs). An embedding or override
  (U+202A-U+202E) must be closed by U+202C on its line, an isolate (U+2066-U+2068) by
  U+2069; the marks U+200E and U+200F open nothing and are always fine.
- In a post's rendered HTML, comments (a draft note would be published in the page's
  source and in every feed: a block marker, ``<!-- strategy:NAME -->``, is replaced by
  its block, through a placeholder comment of its own) and markup in a title attribute (abbreviations, link titles): the theme's
  tooltip puts a title into the page as HTML.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

from .markers import BLOCK_PLACEHOLDER_PATTERN, MARKER
from .problems import Phrase, phrase

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_OPENS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
          "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CONTROL_IN_BODY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")  # but tab, CR, LF
_REFERENCE = re.compile(r"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));?")
# The HTML tokenizer opens a tag, an end tag, a comment or a declaration at '<' followed by these.
_MARKUP = re.compile(r"<[A-Za-z/!?]")


def character_name(character: str) -> str:
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")


def control_character(text: str, allowed: str = "\t\n\r") -> str | None:
    """The first control character or non-character in ``text`` outside ``allowed``."""
    for match in _CONTROL.finditer(text):
        if match.group(0) not in allowed:
            return match.group(0)
    return None


def unbalanced_direction(text: str) -> Phrase | None:
    """Why a line's direction controls are unbalanced, or None. Call it line by line."""
    if not _DIRECTION.search(text):
        return None
    opened: list[str] = []
    for character in _DIRECTION.findall(text):
        if character in _OPENS:
            opened.append(character)
        elif opened and _OPENS[opened[-1]] == character:
            opened.pop()
        else:
            return phrase("found.direction_closes_nothing", name=character_name(character))
    if opened:
        return phrase("found.direction_left_open", name=character_name(opened[-1]),
                      closing=character_name(_OPENS[opened[-1]]))
    return None


def _number(match: re.Match) -> int:
    """The code point a reference names; any number past Unicode's is read as 0x110000 (the
    digits are cut first: Python refuses to read a number of thousands of digits)."""
    hexadecimal, decimal = match.group(1), match.group(2)
    digits = (hexadecimal or decimal).lstrip("0") or "0"
    return int(digits, 16 if hexadecimal else 10) if len(digits) <= 8 else 0x110000


def _bad_reference(match: re.Match) -> Phrase | None:
    number, written = _number(match), match.group(0) if len(match.group(0)) <= 20 else match.group(0)[:17] + "..."
    if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return phrase("found.reference_to_nothing", reference=written)
    character = chr(number)
    if control_character(character) or number == 0x0D:
        return phrase("found.reference_to_control", reference=written, name=character_name(character))
    return None


def text_problems(text: str, allowed: str = "\t\n\r") -> list[Phrase]:
    """What in one line (or one value) of text does not show as written."""
    found = []
    control = control_character(text, allowed)
    if control:
        found.append(phrase("found.control_character", name=character_name(control)))
    direction = unbalanced_direction(text)
    if direction:
        found.append(direction)
    return found


def body_line_problems(body: str) -> list[tuple[int, Phrase]]:
    """(line within ``body``, what was found) for each line whose characters, or whose
    character references, do not show as written. A reference is read as a browser reads
    it: one written in code shows as written, but is refused all the same (it is rare,
    and lines are checked before anything knows what is code)."""
    if not (_CONTROL_IN_BODY.search(body) or _DIRECTION.search(body) or "&#" in body):
        return []  # most bodies: nothing that could be found, found without reading line by line
    found = []
    for number, line in enumerate(body.split("\n"), start=1):
        problems = text_problems(line, "\t\r")
        wrong_reference = next((problem for match in _REFERENCE.finditer(line) if (problem := _bad_reference(match))), None)
        if wrong_reference:
            problems.append(wrong_reference)
        elif not unbalanced_direction(line):  # the direction controls written as references
            direction = unbalanced_direction(_REFERENCE.sub(_referenced, line))
            problems += [direction] if direction else []
        found += [(number, problem) for problem in problems]
    return found


def _referenced(match: re.Match) -> str:
    """The character a reference names (one that names none is refused before this is asked)."""
    return chr(_number(match))


class HiddenMarkupParser(HTMLParser):
    """Comments, and title attributes holding markup, in rendered HTML (``hidden``). A
    parser that reads the same HTML for more extends this one: the page is parsed once."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        # (what the source likely says, on one line; what was expected; what was found)
        self.hidden: list[tuple[str, Phrase, Phrase]] = []

    def handle_comment(self, data):
        comment = f"<!--{data}-->"
        if not (MARKER.fullmatch(comment) or BLOCK_PLACEHOLDER_PATTERN.fullmatch(comment)):
            self.hidden.append((f"<!--{data}".split("\n")[0], phrase("expected.no_comments"),
                               phrase("found.html.comment", text=data.strip().split("\n")[0][:60])))

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "title" and value and _MARKUP.search(value):
                self.hidden.append((value.split("\n")[0], phrase("expected.plain_title"),
                                   phrase("found.html.title_markup", tag=tag, title=value[:60])))

    handle_startendtag = handle_starttag


def hidden_markup(html: str) -> list[tuple[str, Phrase, Phrase]]:
    """(a piece of text to find the source line by, what was expected, what was found) for each comment that is
    not a block marker, and each title attribute that holds markup, in rendered ``html``."""
    parser = HiddenMarkupParser()
    parser.feed(html)
    parser.close()
    return parser.hidden
