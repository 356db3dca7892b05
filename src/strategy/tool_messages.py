"""What the tools under the editors' commands print (MkDocs, its plugins, its live-reload
server, mike), in the editor's language.

MkDocs speaks English, and most of what it says is progress an editor need not read
("Cleaning site directory"). Each message it can print in an editor's command is
known here by its English pattern: a problem is said again from the catalogue
(``cli.tool.*``), naming the file and, where the file shows it, the line; progress
is left out. A message not known here is shown as the tool wrote it, after a
translated word saying which tool speaks: a new MkDocs may say something new.

Used in two ways: on the lines a tool prints (``make build``, ``make versions``:
``ToolMessages.line``), and as the logging formatter of the preview, which runs
MkDocs in its own process (``ToolLogFormatter``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from .messages import message


@dataclass(frozen=True)
class Known:
    pattern: re.Pattern[str]
    key: str | None
    """The catalogue's ``cli.tool.KEY``, filled in with the pattern's named groups; None: progress, left out."""


def _in_a_page(rest: str) -> re.Pattern[str]:
    """A MkDocs warning about a page, which it names relative to docs/."""
    return re.compile(r"Doc file '(?P<file>[^']+)' contains" + rest)


# MkDocs' words when making a page failed (mkdocs/commands/build.py): the reason follows, ours
# when a template failed on it (events/build_safety.py names the template and its line).
PAGE_FAILED = re.compile(r"Error (?:reading|building) page '(?P<page>[^']+)': (?P<error>.*)")
# MkDocs' last word when warnings stopped a strict build: their count, after the warnings themselves.
STRICT_ABORTED = re.compile(r"Aborted with (?P<count>\d+) warnings? in strict mode!")

KNOWN = (
    # Problems in a page (mkdocs/structure/pages.py), with the file relative to docs/.
    Known(_in_a_page(r" a link '(?P<link>[^']*)', but the target(?: '(?P<target>[^']+)')? is not found "
                     r"among documentation files\.(?: .*)?"), "missing_target"),
    Known(_in_a_page(r" a link '(?P<link>[^']*)', but the doc '(?P<target>[^']+)' does not contain an "
                     r"anchor '#(?P<anchor>[^']*)'\.?"), "missing_anchor"),
    Known(_in_a_page(r" a link '(?P<link>[^']*)', but there is no such anchor on this page\.(?: .*)?"),
          "missing_own_anchor"),
    Known(_in_a_page(r" a link to '(?P<link>[^']+)' which is excluded from the built site\.?"),
          "excluded_target"),
    Known(_in_a_page(r" an unrecognized relative link '(?P<link>[^']*)', it was left as is\..*"),
          "unrecognized_link"),
    Known(_in_a_page(r" an absolute link '(?P<link>[^']*)', it was left as is\..*"), "absolute_link"),
    Known(PAGE_FAILED, "page_error"),
    Known(STRICT_ABORTED, "strict_aborted"),
    Known(re.compile(r"Aborted with a BuildError!"), "build_error"),
    Known(re.compile(r"Serving on (?P<url>\S+)(?: and opening it in a browser)?"), "serving"),
    Known(re.compile(r"Stopping server\.\.\.|Shutting down\.\.\."), "stopping"),
    # Progress: MkDocs' build and live-reload server, mkdocs-static-i18n, mike.
    Known(re.compile(r"Cleaning site directory|Building documentation to directory: .*|Documentation built in .*"
                     r"|Building documentation\.\.\.|The following pages exist in the docs directory, but are not "
                     r"included in the \"nav\" configuration:.*|Template skipped: '[^']+' generated empty output\."
                     r"|Page skipped: .*|mkdocs_static_i18n: .*|Watching paths for changes: .*"
                     r"|Start watching changes|Start detecting changes|Detected file changes|Reloading browsers"
                     r"|Browser connected: .*|Starting server at .*|Press Ctrl\+C to quit\.?|Updating site_url.*"
                     r"|Building '\w+' alongside '\w+', in process \d+"),  # events/language_builds.py
          None),
    # The log of mike's server, and MkDocs' server's line for each answer but 200: a line per
    # request, for developers (the browser shows the editor the page, or our notice of why not).
    Known(re.compile(r"\S+ - - \[[^\]]+\] .*"), None),
    Known(re.compile(r'"[A-Z]+ \S* HTTP/[\d.]+" code \d+'), None),
    # git, through mike, when a version is deployed again unchanged (`make versions` run twice):
    # nothing is wrong, the version is served as it was.
    Known(re.compile(r"warning: nothing changed in commit|To create a commit anyway, retry with --allow-empty"), None),
)

# A line a tool printed through its logging: "WARNING -  text" (MkDocs' format, with colour
# codes when it thinks it writes to a terminal).
_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
_LOGGED = re.compile(r"(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL)\s*-\s+(?P<text>.*)")
_CLOCK = re.compile(r"(\[\d\d:\d\d:\d\d\] )?(.*)", re.DOTALL)
_LEVELS = {"WARNING": "tool.warning", "ERROR": "tool.error", "CRITICAL": "tool.error"}


class ToolMessages:
    """The tools' messages for an editor, with the files under ``docs`` they name."""

    def __init__(self, root: Path):
        self.root = root

    def say(self, text: str, level: str = "INFO") -> str | None:
        """One message of a tool in the editor's language; None for progress, left out."""
        clock, text = _CLOCK.match(text).group(1, 2)
        clock = clock or ""  # MkDocs' server says the time first
        for known in KNOWN:
            found = known.pattern.fullmatch(text.strip())
            if found:
                return None if known.key is None else clock + self._said(known.key, found.groupdict())
        if level in _LEVELS:
            return clock + message(_LEVELS[level], text=text)
        return clock + text

    def line(self, line: str) -> str | None:
        """One line a tool printed, as ``say`` has it: a logged line or a bare one (click's
        "Aborted with 1 warnings in strict mode!", mike's "Press Ctrl+C to quit.")."""
        plain = _COLOUR.sub("", line.rstrip("\n"))
        logged = _LOGGED.fullmatch(plain)
        if logged:
            return self.say(logged["text"], logged["level"])
        return self.say(plain) if plain.strip() else None  # click's blank line before an Abort's message

    def _said(self, key: str, values: dict[str, str | None]) -> str:
        if key == "page_error":  # the reason a page could not be made: Jinja's, said in the editor's language
            from .site_templates import known_jinja_mistake
            known = known_jinja_mistake(values["error"] or "")
            values["error"] = str(known) if known else values["error"]
        if "target" in values:  # MkDocs leaves the target out when it is the link as written
            values["target"] = f"docs/{values['target'] or values['link'].lstrip('/')}"
        if "file" in values:
            source = f"docs/{values['file']}"
            line = self._line_of(source, values.get("link") or "")
            values["file"] = f"{source}:{line}" if line else source
        return message(f"tool.{key}", **values)

    def _line_of(self, source: str, link: str) -> int | None:
        """The line of ``source`` that holds ``link`` as a link's target (MkDocs does not say)."""
        try:
            lines = (self.root / source).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return None
        for pattern in (f"({link}", f"<{link}>", f"]: {link}", link):
            for number, text in enumerate(lines, start=1):
                if pattern in text:
                    return number
        return None


class ToolLogFormatter(logging.Formatter):
    """A logging formatter that says MkDocs' messages (and ours) as ``ToolMessages`` does;
    a record it leaves out is dropped by ``ToolLogFilter``."""

    def __init__(self, tool_messages: ToolMessages):
        super().__init__()
        self.tool_messages = tool_messages

    def format(self, record: logging.LogRecord) -> str:
        return self.tool_messages.say(record.getMessage(), record.levelname) or ""


class ToolLogFilter(logging.Filter):
    """Leaves out the records that are progress (``ToolMessages.say`` gives None)."""

    def __init__(self, tool_messages: ToolMessages):
        super().__init__()
        self.tool_messages = tool_messages

    def filter(self, record: logging.LogRecord) -> bool:
        return self.tool_messages.say(record.getMessage(), record.levelname) is not None
