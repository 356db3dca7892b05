"""Whether what a command printed is in Welsh: no line holds an English word.

Paths, addresses, commands to type, quoted values and numbers are the same in both
languages and are set aside first; what is left of a Welsh line is Welsh prose. The
words looked for are the ones English prose cannot do without (and none of them is a
Welsh word), with the words MkDocs, argparse, mike and make print.
"""

from __future__ import annotations

import re

ENGLISH_WORDS = frozenset("""
    the and with are was were not but this that these those from into which what there their
    has have had been will would should could cannot must did
    expected found choose invalid usage error warning warnings argument arguments required
    serving watching building built build documentation directory aborted strict mode press quit
    changes detected reloading browsers browser connected starting stopping server cleaning
    file files link page pages site missing problems date exists please see above below
    interrupt terminated stop waiting unfinished jobs child processes
""".split())

# Set aside: hyphenated-names, `code`, 'quoted' and "quoted" values, addresses, paths, NAME=value, flags, numbers,
# commands (`make build`) and the Makefile's variables as an editor types them (DATE: ...).
_MAKE_VARIABLES = "KIND|MISSION|TITLE|TITLE_CY|SOURCE|DATE|SLUG|FILE|ENTRY|ALL|SITE|HOST|ONLY|IAITH"
_NOT_PROSE = re.compile(r"\w+(?:-\w+)+|`[^`]*`|'[^']*'|\"[^\"]*\"|https?://\S+|\S*[/\\]\S*|\S+=\S*|--?[\w-]+|\S+\.\w{2,4}\b|\d\S*"
                        rf"|\bmake [a-z]+\b|\b(?:{_MAKE_VARIABLES})\b")
_WORD = re.compile(r"[^\W\d_]+")


def english_words(text: str) -> list[str]:
    """The English words in ``text``, line by line, as "line: word"."""
    found = []
    for line in text.splitlines():
        prose = _NOT_PROSE.sub(" ", line)
        found += [f"{line.strip()!r}: {word}" for word in _WORD.findall(prose) if word.lower() in ENGLISH_WORDS]
    return found
