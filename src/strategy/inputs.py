"""Command-line arguments and environment variables, checked as values before anything is written.

Each check returns the value it accepts, or raises InvalidInput naming the argument
or variable, what was expected and what was found.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from .messages import message, shown

WALES = ZoneInfo("Europe/London")

PLAIN_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_NAME_LENGTH = 80
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_AND_TIME = re.compile(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?")
_BRANCH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}")
_HOST_AND_PORT = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):(?P<port>[0-9]{1,5})")
_LAST_EPOCH_SECOND = 253402300799  # 9999-12-31T23:59:59Z, the last moment Python's dates can hold



# The make variable that gives each option (Makefile): an editor who ran `make post
# KIND=misson` typed KIND, not --kind, and is told so, as the guides write it.
MAKE_VARIABLES = {"--kind": "KIND", "--mission": "MISSION", "--title": "TITLE", "--title-cy": "TITLE_CY",
                  "--source": "SOURCE", "--date": "DATE", "--slug": "SLUG", "--entry": "ENTRY", "--all": "ALL",
                  "--site": "SITE", "--address": "HOST", "--dev-addr": "HOST"}


def run_through_make(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the command was started by the Makefile (which sets STRATEGY_RUN_BY=make)."""
    return environ.get("STRATEGY_RUN_BY") == "make"


def option_name(option: str) -> str:
    """An option as the editor typed it: ``KIND`` through make, ``--kind`` otherwise."""
    return MAKE_VARIABLES.get(option, option) if run_through_make() else option


def option_with_value(option: str, value: str) -> str:
    """An option and a value to type: ``KIND=mission`` through make, ``--kind mission`` otherwise."""
    return f"{MAKE_VARIABLES[option]}={value}" if run_through_make() and option in MAKE_VARIABLES else f"{option} {value}"


PREVIEW_ADDRESS = "127.0.0.1:8000"
"""Where the preview (`strategy serve`, `make serve`) and the versions' preview listen unless told."""

class InvalidInput(ValueError):
    """A command-line argument or environment variable that cannot be used; str() says why,
    in the editor's language, naming the option as the editor typed it (option_name):
    ``expected`` names the catalogue's phrase ``cli.expected.<expected>``."""

    def __init__(self, name: str, expected: str, found: str, **values: object):
        super().__init__(message("invalid", name=option_name(name), expected=message(f"expected.{expected}", **values),
                                 found=shown(found)))


def plain_name(value: str, name: str) -> str:
    """A slug or an id: the name of a file or a part of an address, never a path."""
    if not PLAIN_NAME.fullmatch(value) or len(value) > MAX_NAME_LENGTH:
        raise InvalidInput(name, "plain_name", value, most=MAX_NAME_LENGTH)
    return value


def calendar_date(value: str, name: str) -> date:
    try:
        if _DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise InvalidInput(name, "date", value)


def one_line_text(value: str, name: str) -> str:
    """Text for a title: not blank, on one line, with no control characters."""
    if not value.strip():
        raise InvalidInput(name, "text", value)
    # Cc: control characters (newlines included); Zl, Zp: line and paragraph separators;
    # Cs: bytes the terminal's encoding could not decode.
    if any(unicodedata.category(character) in ("Cc", "Zl", "Zp", "Cs") for character in value):
        raise InvalidInput(name, "one_line", value)
    return value


def branch_name(value: str, name: str) -> str:
    """A git branch name that git accepts and no command reads as an option."""
    if (not _BRANCH.fullmatch(value) or ".." in value or "//" in value or "/." in value
            or value.endswith((".lock", "/", "."))):
        raise InvalidInput(name, "branch", value)
    return value


def host_and_port(value: str, name: str) -> str:
    match = _HOST_AND_PORT.fullmatch(value)
    if not match or not 1 <= int(match["port"]) <= 65535:
        raise InvalidInput(name, "address", value)
    return value


def switch(value: str, name: str) -> bool:
    if value not in ("", "0", "1"):
        raise InvalidInput(name, "switch", value)
    return value == "1"


def build_date(value: str) -> datetime:
    """STRATEGY_BUILD_DATE: the moment a build speaks as of (Welsh local time unless an offset is given)."""
    try:
        if _DATE_AND_TIME.fullmatch(value):
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if moment.tzinfo is not None:
                return moment
            local = moment.replace(tzinfo=WALES)
            # A local time the clocks skip in spring does not come back unchanged.
            if local.astimezone(timezone.utc).astimezone(WALES).replace(tzinfo=None) == moment:
                return local
            raise InvalidInput("STRATEGY_BUILD_DATE", "welsh_local_time", value)
    except ValueError as error:
        if isinstance(error, InvalidInput):
            raise
        pass
    raise InvalidInput("STRATEGY_BUILD_DATE", "build_date", value)


def source_date_epoch(value: str) -> datetime:
    """SOURCE_DATE_EPOCH (reproducible-builds.org): MkDocs reads it too, and fails on anything else."""
    if not value.isascii() or not value.isdigit() or int(value) > _LAST_EPOCH_SECOND:
        raise InvalidInput("SOURCE_DATE_EPOCH", "epoch", value)
    return datetime.fromtimestamp(int(value), tz=timezone.utc)


def environment_problems(environ: Mapping[str, str]) -> list[str]:
    """What is wrong with the environment variables a build reads, one message each."""
    checks = {
        "STRATEGY_BUILD_DATE": lambda value: value and build_date(value),
        "SOURCE_DATE_EPOCH": source_date_epoch,  # set, even empty, MkDocs reads it
        "STRATEGY_PREVIEW": lambda value: switch(value, "STRATEGY_PREVIEW"),
        "STRATEGY_SEQUENTIAL": lambda value: switch(value, "STRATEGY_SEQUENTIAL"),
    }
    problems = []
    for name, check in checks.items():
        if name in environ:
            try:
                check(environ[name])
            except InvalidInput as problem:
                problems.append(str(problem))
    return problems
