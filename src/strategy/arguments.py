"""The editors' commands' argument parsing, in the editor's language.

argparse writes its messages in English and prints its usage before them. Here a
refused argument is one line of ours, as every other refused value is (inputs.py):
the argument, what was expected, what was found, and "did you mean" when a choice
is close (`make post KIND=misson`). argparse asks gettext for its other messages
("expected one argument", "unrecognized arguments: %s"): they are answered from the
catalogue (``cli.arguments.*``), so that `IAITH=cy` reaches them too.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import NoReturn

from .inputs import option_name, option_with_value
from .messages import message, shown

# argparse's message ids (Python 3.11) an editor's typing can reach, by catalogue key.
# Each keeps argparse's %-placeholders, which argparse fills in.
_ARGPARSE_MESSAGES = {
    "argument %(argument_name)s: %(message)s": "arguments.argument",
    "expected one argument": "arguments.expected_one",
    "expected at least one argument": "arguments.expected_at_least_one",
    "expected at most one argument": "arguments.expected_at_most_one",
    "the following arguments are required: %s": "arguments.required",
    "unrecognized arguments: %s": "arguments.unrecognized",
    "ambiguous option: %(option)s could match %(matches)s": "arguments.ambiguous",
    "ignored explicit argument %r": "arguments.ignored_explicit",
    "not allowed with argument %s": "arguments.not_allowed_with",
    "one of the arguments %s is required": "arguments.one_required",
    "invalid %(type)s value: %(value)r": "arguments.invalid_value",
    # and the words of `--help`
    "usage: ": "arguments.usage",
    "positional arguments": "arguments.positional",
    "options": "arguments.options",
    "show this help message and exit": "arguments.help",
}


def _argparse_message(text: str) -> str:
    key = _ARGPARSE_MESSAGES.get(text)
    return message(key) if key else text


class ChoiceRefused(argparse.ArgumentError):
    """A value that is not one of an argument's choices, said as every refused value is."""

    def __init__(self, action: argparse.Action, value: str):
        choices = sorted(str(choice) for choice in action.choices)
        close = difflib.get_close_matches(str(value), choices, n=1)
        # A command (`strategy chek`) is named in the editor's language; an option as typed.
        option = action.option_strings[0] if action.option_strings else \
            message("arguments.command") if action.dest == "command" else action.metavar or action.dest
        self.text = message("invalid", name=option_name(option),
                            expected=message("expected.one_of", choices=", ".join(choices)), found=shown(str(value)))
        if close:
            typed = option_with_value(option, close[0]) if action.option_strings else close[0]
            self.text += "." + message("new.did_you_mean", name=typed)
        super().__init__(action, self.text)

    def __str__(self) -> str:
        return self.text


class EditorArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose refusals are one line in the editor's language, exit status 2."""

    def __init__(self, *args, **kwargs):
        # argparse looks its messages up through this name when it builds each one.
        argparse._ = _argparse_message
        super().__init__(*args, **kwargs)

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            raise ChoiceRefused(action, value)

    def error(self, text: str) -> NoReturn:
        print(text, file=sys.stderr)
        sys.exit(2)
