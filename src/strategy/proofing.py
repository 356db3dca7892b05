"""The proofing report (``make proof``): unknown words and missing Welsh mutations.

Words are checked with hunspell dictionaries read by spylls (pure-Python
hunspell): Bangor University's cy_GB (npm ``dictionary-cy``) for Welsh and en_GB
(``dictionary-en-gb``) for English, plus the project's word lists
(data/words.cy.txt, data/words.en.txt) for names and terms. The same hunspell
files ship inside the ``cymraeg-mcp`` wheel, but that wheel brings an MCP server
stack the project has no use for; spylls alone has no dependencies.

A Welsh word is known when the dictionary or a word list knows it as written,
without its clitics (mae'r, i'w, ni'n), part by part when hyphenated (ar-lein), or
in any radical form welsh.py folds it back to (Nghymru -> Cymru). After a word that
mutates the next one (welsh.TRIGGERS) a known radical left unmutated is reported
with the rule. The report never fails the build: it is a list for editors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .catalogue import translate
from .messages import editor_language
from .proofing_text import Passage
from .welsh import TRIGGERS, missing_mutation, radicals

DICTIONARIES = {"cy": "node_modules/dictionary-cy/index", "en": "node_modules/dictionary-en-gb/index"}
WORD_LISTS = {"cy": "data/words.cy.txt", "en": "data/words.en.txt"}
SUGGESTED_WORDS = 20  # suggestions take about a second a word: the first 20 distinct unknown words of a language get them
SUGGESTIONS = 3

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")
_CLITICS = {"cy": frozenset({"r", "n", "w", "i", "u", "m", "ch", "th", "s"}), "en": frozenset({"s"})}


def missing_tools(root: Path, languages) -> list[str]:
    """A message for each dictionary, and the library reading them, that is not installed."""
    editor = editor_language()
    messages = [translate("cli.proof.missing_dictionary", editor, file=f"{DICTIONARIES[language]}.dic",
                          language_name=translate(f"cli.proof.language.{language}", editor))
                for language in languages if not (root / f"{DICTIONARIES[language]}.dic").exists()]
    try:
        import spylls  # noqa: F401
    except ImportError:
        messages.append(translate("cli.proof.missing_library", editor))
    return messages


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    language: str
    word: str  # the unknown word, or the unmutated word
    suggestions: tuple[str, ...] = ()  # for an unknown word
    trigger: str = ""  # for a missing mutation: the word before, the mutation and the word as it should be
    mutation: str = ""
    expected: str = ""

    @property
    def is_mutation(self) -> bool:
        return bool(self.mutation)

    def message(self, language: str) -> str:
        if self.is_mutation:
            rule = translate("cli.proof.rule", language, trigger=self.trigger,
                             mutation=translate(f"cli.proof.mutation.{self.mutation}", language))
            return translate("cli.proof.missing_mutation", language, found=f"{self.trigger} {self.word}",
                             expected=f"{self.trigger} {self.expected}", rule=rule)
        text = translate("cli.proof.unknown_word", language, word=self.word,
                         language_name=translate(f"cli.proof.language.{self.language}", language))
        if self.suggestions:
            text += "; " + translate("cli.proof.suggestions", language, words=", ".join(self.suggestions))
        return text


def read_word_list(path: Path) -> frozenset[str]:
    """One word a line; '#' starts a comment (the reason the word is there)."""
    if not path.exists():
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line.lower() for line in lines if line)


class Speller:
    """One language's dictionary and word list. Loading a dictionary takes about 1.5 s: load each once a run."""

    def __init__(self, language: str, dictionary, project_words: frozenset[str]):
        self.language, self._dictionary, self._project_words = language, dictionary, project_words
        self._known: dict[str, bool] = {}
        self._suggested: dict[str, tuple[str, ...]] = {}

    @classmethod
    def load(cls, root: Path, language: str) -> Speller:
        from spylls.hunspell import Dictionary  # an editors' tool: the build never imports it
        dictionary = Dictionary.from_files(str(root / DICTIONARIES[language]))
        return cls(language, dictionary, read_word_list(root / WORD_LISTS[language]))

    def is_listed(self, word: str) -> bool:
        """In the dictionary or the word list, exactly as written (no clitics or mutations undone)."""
        return word.lower() in self._project_words or self._dictionary.lookup(word)

    def knows(self, token: str) -> bool:
        token = token.replace("’", "'")
        if token not in self._known:
            self._known[token] = self._knows(token)
        return self._known[token]

    def _knows(self, token: str) -> bool:
        if self.is_listed(token):
            return True
        head, *clitics = token.split("'")
        if clitics and all(clitic.lower() in _CLITICS[self.language] for clitic in clitics) and head:
            return self._knows(head)
        if "-" in token:
            return all(self._knows(part) for part in token.split("-") if part)
        if self.language == "cy":
            capital = token[:1].isupper()
            return any(self.is_listed(form[:1].upper() + form[1:] if capital else form)
                       for form in radicals(token) - {token.lower()})
        return False

    def suggest(self, word: str) -> tuple[str, ...]:
        if word not in self._suggested:
            within_limit = len(self._suggested) < SUGGESTED_WORDS
            suggestions = (s for s in self._dictionary.suggest(word) if s != word) if within_limit else ()
            self._suggested[word] = tuple(islice(suggestions, SUGGESTIONS))
        return self._suggested[word]


def check_passage(passage: Passage, speller: Speller) -> list[Finding]:
    """Unknown words in ``passage`` and, in Welsh, missing mutations after a trigger."""
    findings, previous = [], None
    for match in _TOKEN.finditer(passage.text):
        word = match.group()
        line = passage.line + passage.text.count("\n", 0, match.start())
        if any(character.isdigit() or character == "_" for character in word):
            previous = None
            continue
        if not speller.knows(word):
            findings.append(Finding(passage.file, line, passage.language, word, speller.suggest(word)))
        elif (previous is not None and passage.language == "cy" and previous.group().lower() in TRIGGERS
              and not passage.text[previous.end():match.start()].strip()):
            missing = missing_mutation(previous.group(), word, speller.is_listed)
            if missing:
                expected, mutation = missing
                findings.append(Finding(passage.file, line, "cy", word, trigger=previous.group(),
                                        mutation=mutation, expected=expected))
        previous = match
    return findings


def check(passages: list[Passage], spellers: dict[str, Speller]) -> list[Finding]:
    return [finding for passage in passages if passage.language in spellers
            for finding in check_passage(passage, spellers[passage.language])]
