"""Welsh initial mutations, folded back to the radical (dictionary) form.

A Welsh word changes its first sound after certain words: Cymru becomes Gymru
("i Gymru"), Nghymru ("yng Nghymru") or Chymru ("a Chymru"). A search for one
form should find them all. Folding goes from what is written back to every
radical it could come from; where a form is ambiguous (f- could be a soft-
mutated b- or m-, or a radical f-), every candidate is kept: indexing a few
extra forms loses less than guessing one wrong.

The rules are data: ``MUTATIONS`` gives each mutation forwards (radical ->
mutated), for the catalogue's ``{name|soft}`` interpolations (``mutate``) and the
proofing report; ``RULES`` is the same tables read backwards, published beside the
search index so that the browser folds a query with exactly the same rules.

Forward mutation (``mutate``), as written in standard Welsh:

- soft: p t c b d g m ll rh -> b d g f dd (dropped) f l r ("am Genhadaeth",
  "i Wasanaethau", "o Lywodraeth"): the full soft mutation, as after the
  prepositions am, ar, at, i, o, dan, dros, drwy, wrth, heb, gan, hyd. Two common
  triggers leave ll- and rh- alone: the article y before a feminine singular noun
  ("y llinell") and predicative yn ("yn llawn"); ask for ``soft-not-ll-rh`` there.
- nasal: p t c b d g -> mh nh ngh m n ng ("fy nghymuned", "yng Nghaerdydd").
- aspirate: p t c -> ph th ch ("a chymunedau", "tri cham", "gyda phobl").

Only the first word of a value changes, and it keeps its case (Cenhadaeth ->
Genhadaeth, CENHADAETH -> GENHADAETH). A value that does not start with a letter
(digits: "2" stays "2"), a word whose first sound no mutation touches (ch- ph- th-
are not c- p- t-: "chwe" stays "chwe"), and an abbreviation (all capitals, up to
four letters: "CSV", "BBC") are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

VOWELS = "aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ"

# Each mutation forwards: (radical prefix, mutated prefix). Soft mutation also
# drops g- ('gwaith' -> 'waith'), which is a rule of its own below.
NASAL = (("c", "ngh"), ("p", "mh"), ("t", "nh"), ("g", "ng"), ("b", "m"), ("d", "n"))
ASPIRATE = (("p", "ph"), ("t", "th"), ("c", "ch"))
SOFT = (("d", "dd"), ("p", "b"), ("t", "d"), ("c", "g"), ("b", "f"), ("m", "f"), ("ll", "l"), ("rh", "r"))
MUTATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "soft": (*SOFT, ("g", "")),
    "soft-not-ll-rh": (*(rule for rule in SOFT if rule[0] not in ("ll", "rh")), ("g", "")),
    "nasal": NASAL,
    "aspirate": ASPIRATE,
}

# (written prefix, radical prefix): a word that starts with the first may be the
# second mutated. Longest prefixes first, so that 'ngh' is tried before 'ng'.
RULES: tuple[tuple[str, str], ...] = (
    *((written, radical) for table in (NASAL, ASPIRATE, SOFT) for radical, written in table),
    # soft mutation drops g-: 'gwaith' -> 'waith', 'gardd' -> 'ardd', 'grym' -> 'rym', 'glan' -> 'lan'
    *((vowel, "g" + vowel) for vowel in VOWELS), ("l", "gl"), ("r", "gr"),
    # h- before a vowel ('ei henw', 'ei hysgol') is not part of the word
    *(("h" + vowel, vowel) for vowel in VOWELS),
)

# First sounds no mutation touches, although they start with a letter that does.
_UNMUTATED_DIGRAPHS = ("ch", "ph", "th")
# 'll' and 'rh' are tried before any one-letter radical.
_LONGEST_FIRST = {name: sorted(rules, key=lambda rule: -len(rule[0])) for name, rules in MUTATIONS.items()}
_FIRST_WORD = re.compile(r"^[^\W\d_]+", re.UNICODE)


def mutate(text: str, mutation: str) -> str:
    """``text`` with its first word mutated: mutate('Cenhadaeth 2', 'soft') -> 'Genhadaeth 2'."""
    rules = MUTATIONS.get(mutation)
    if rules is None:
        raise ValueError(f"unknown mutation '{mutation}': expected one of {', '.join(MUTATIONS)}")
    match = _FIRST_WORD.match(text)
    if not match:
        return text
    word = match.group()
    lower = word.lower()
    if lower.startswith(_UNMUTATED_DIGRAPHS) or (word.isupper() and len(word) <= 4):
        return text
    for radical, mutated in _LONGEST_FIRST[mutation]:
        if lower.startswith(radical) and len(lower) > len(radical):
            changed = mutated + word[len(radical):]
            if word.isupper() and len(word) > 1:
                changed = changed.upper()
            elif word[0].isupper():
                changed = changed[0].upper() + changed[1:]
            return changed + text[match.end():]
    return text


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
            if word.isalpha() or not all(unicodedata.category(c).startswith("N") for c in word)]  # isalpha: fast


# --- words that mutate the next one, for the proofing report -------------------
# Only triggers whose effect is certain are listed: 'yn', 'y' and 'un' are left
# out (their mutation depends on the meaning and the gender of the noun), and so is
# 'neu' (verbs after it often stay radical). Where a word has two meanings with
# different mutations ('a' is "and", aspirate, or the relative pronoun, soft), both
# are accepted, and only the first sounds every meaning changes are checked (p t c).
_SOFT_TRIGGERS = ("am", "ar", "at", "i", "o", "dan", "tan", "dros", "tros", "drwy", "trwy", "wrth", "heb", "gan",
                  "hyd", "dy", "dau", "dwy", "pa", "rhy")
_ASPIRATE_TRIGGERS = ("â", "gyda", "tua", "tri", "chwe")
TRIGGERS: dict[str, tuple[str, ...]] = {
    **{word: ("soft",) for word in _SOFT_TRIGGERS},
    **{word: ("aspirate",) for word in _ASPIRATE_TRIGGERS},
    "a": ("aspirate", "soft"), "na": ("aspirate", "soft"), "ei": ("soft", "aspirate"),  # ei: his, her
    "fy": ("nasal",), "yng": ("nasal",), "ym": ("nasal",),
}
# Set phrases in which the word stays radical.
_FIXED_PHRASES = frozenset({("i", "mewn"), ("am", "byth"), ("gan", "mwyaf"), ("pa", "mor")})  # "pa mor": mor resists mutation
# 'yng' is only written before ng-/ngh- and 'ym' before m-/mh-: other sounds take 'yn'.
_TRIGGER_RADICALS = {"yng": ("c", "g"), "ym": ("p", "b")}


def _radicals_changed_by(mutations: tuple[str, ...]) -> frozenset[str]:
    """The first sounds every one of ``mutations`` changes."""
    return frozenset.intersection(*(frozenset(radical for radical, _ in MUTATIONS[name]) for name in mutations))


def missing_mutation(trigger: str, word: str, is_known) -> tuple[str, str] | None:
    """(the word as it should be written, the mutation) when ``word`` after ``trigger`` lacks its mutation.

    ``is_known(word)`` says whether a word is in the dictionary: a word is only
    reported when it is a known radical and not itself a known word mutated the
    way ``trigger`` asks ('am Genhadaeth' is right: Genhadaeth is Cenhadaeth, soft).
    """
    mutations = TRIGGERS.get(trigger.lower())
    if not mutations or not _FIRST_WORD.fullmatch(word) or (word.isupper() and len(word) <= 4):
        return None
    if (trigger.lower(), word.lower()) in _FIXED_PHRASES:
        return None
    lower = word.lower()
    checked = _TRIGGER_RADICALS.get(trigger.lower()) or _radicals_changed_by(mutations)
    radical = next((r for r in sorted(checked, key=len, reverse=True) if lower.startswith(r)), None)
    if radical is None or lower.startswith(_UNMUTATED_DIGRAPHS):
        return None
    for form in radicals(word) - {lower}:
        candidate = form[:1].upper() + form[1:] if word[0].isupper() else form
        if any(mutate(candidate, name) == word for name in mutations) and is_known(candidate):
            return None
    if not is_known(word):
        return None
    mutation = next(name for name in mutations if mutate(word, name) != word)
    return mutate(word, mutation), mutation
