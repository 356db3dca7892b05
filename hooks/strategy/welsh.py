"""Welsh initial mutations, folded back to the radical (dictionary) form.

A Welsh word changes its first sound after certain words: Cymru becomes Gymru
("i Gymru"), Nghymru ("yng Nghymru") or Chymru ("a Chymru"). A search for one
form should find them all. Folding goes from what is written back to every
radical it could come from; where a form is ambiguous (f- could be a soft-
mutated b- or m-, or a radical f-), every candidate is kept: indexing a few
extra forms loses less than guessing one wrong.

The rules are data (``RULES``), so that the browser folds a query with exactly
the same rules (they are published beside the search index).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

VOWELS = "aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ"

# (written prefix, radical prefix): a word that starts with the first may be the
# second mutated. Longest prefixes first, so that 'ngh' is tried before 'ng'.
RULES: tuple[tuple[str, str], ...] = (
    # nasal mutation: p t c b d g -> mh nh ngh m n ng
    ("ngh", "c"), ("mh", "p"), ("nh", "t"), ("ng", "g"), ("m", "b"), ("n", "d"),
    # aspirate mutation: p t c -> ph th ch
    ("ph", "p"), ("th", "t"), ("ch", "c"),
    # soft mutation: p t c b d m ll rh -> b d g f dd f l r (g- is dropped, below)
    ("dd", "d"), ("b", "p"), ("d", "t"), ("g", "c"), ("f", "b"), ("f", "m"), ("l", "ll"), ("r", "rh"),
    # soft mutation drops g-: 'gwaith' -> 'waith', 'gardd' -> 'ardd'
    *((vowel, "g" + vowel) for vowel in VOWELS),
    # h- before a vowel ('ei henw', 'ei hysgol') is not part of the word
    *(("h" + vowel, vowel) for vowel in VOWELS),
)

_WORD = re.compile(r"[^\W_]+")  # letters and numbers: search.js's [\p{L}\p{N}]+


def without_accents(word: str) -> str:
    """'ŵyr' -> 'wyr': readers often type Welsh without its circumflexes."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


# The rules by first letter, so that a word is only tried against the few that could apply.
_RULES_BY_LETTER: dict[str, tuple[tuple[str, str], ...]] = {}
for _written, _radical in RULES:
    _RULES_BY_LETTER[_written[0]] = _RULES_BY_LETTER.get(_written[0], ()) + ((_written, _radical),)


@lru_cache(maxsize=65536)  # a site's vocabulary is small next to its word count
def radicals(word: str) -> frozenset[str]:
    """Every form ``word`` may stand for: itself, and each radical a mutation could come from."""
    word = unicodedata.normalize("NFC", word.lower())
    forms = {word}
    for written, radical in _RULES_BY_LETTER.get(word[:1], ()):
        if word.startswith(written) and len(word) > len(written):
            forms.add(radical + word[len(written):])
    return frozenset(forms | {without_accents(form) for form in forms})


def words(text: str) -> list[str]:
    """The words of a text, lower-cased; apostrophes split words ('i'r' -> 'i', 'r'); numbers are left out."""
    return [word for word in _WORD.findall(unicodedata.normalize("NFC", text).lower())
            if not all(unicodedata.category(c).startswith("N") for c in word)]
