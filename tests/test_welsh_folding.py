"""Welsh mutation folding: any mutated form of a word finds the others."""

import pytest

from strategy.welsh import radicals, without_accents, words

# (radical, forms it appears in): soft, nasal, aspirate, h-prothesis.
FAMILIES = [
    ("cymru", ["Cymru", "Gymru", "Nghymru", "Chymru"]),
    ("digidol", ["digidol", "ddigidol"]),
    ("gwasanaethau", ["gwasanaethau", "wasanaethau"]),
    ("pobl", ["pobl", "bobl", "mhobl", "phobl"]),
    ("trafnidiaeth", ["trafnidiaeth", "drafnidiaeth", "nhrafnidiaeth", "thrafnidiaeth"]),
    ("cyngor", ["cyngor", "gyngor", "nghyngor", "chyngor"]),
    ("band", ["band", "fand", "mand"]),
    ("data", ["data", "nata", "ddata"]),
    ("gwaith", ["gwaith", "waith", "ngwaith"]),
    ("mam", ["mam", "fam"]),
    ("llyfrgell", ["llyfrgell", "lyfrgell"]),
    ("rhwydwaith", ["rhwydwaith", "rwydwaith"]),
    ("ysgol", ["ysgol", "hysgol"]),
    ("enw", ["enw", "henw"]),
    ("iechyd", ["iechyd", "hiechyd"]),
    ("addysg", ["addysg", "haddysg"]),
    ("cynhwysiant", ["Cynhwysiant", "gynhwysiant", "nghynhwysiant", "chynhwysiant"]),
    ("tref", ["tref", "dref", "nhref", "thref"]),
]


@pytest.mark.parametrize("radical, forms", FAMILIES, ids=[f[0] for f in FAMILIES])
def test_every_form_folds_to_its_radical(radical, forms):
    for form in forms:
        assert radical in radicals(form), form


@pytest.mark.parametrize("radical, forms", FAMILIES, ids=[f[0] for f in FAMILIES])
def test_any_two_forms_of_a_word_share_a_form(radical, forms):
    for one in forms:
        for other in forms:
            assert radicals(one) & radicals(other), (one, other)


def test_ambiguous_forms_keep_every_candidate():
    assert {"fam", "bam", "mam"} <= radicals("fam")  # f- is radical, or soft-mutated b- or m-
    assert {"gofal", "cofal"} <= radicals("gofal")  # g- is radical, or soft-mutated c-


def test_unrelated_words_stay_apart():
    assert not radicals("cymru") & radicals("digidol")
    assert not radicals("pobl") & radicals("sgiliau")
    assert radicals("sgiliau") == {"sgiliau"}  # s- never mutates


def test_circumflexes_may_be_left_out():
    assert without_accents("ŵyr") == "wyr"
    assert "dwr" in radicals("dŵr") and "dwr" in radicals("ddŵr")


def test_words_splits_on_apostrophes_and_ignores_numbers():
    assert words("Mae'n bwysig i'r 22 awdurdod yng Nghymru.") == ["mae", "n", "bwysig", "i", "r", "awdurdod", "yng", "nghymru"]


# --- the browser folds a query exactly as the index was folded ----------------------

import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

from hypothesis import given, settings, strategies as st  # noqa: E402

from strategy.search import shard_key, terms_of  # noqa: E402
from strategy.welsh import RULES  # noqa: E402

SEARCH_JS = Path(__file__).resolve().parents[1] / "src/strategy/theme/assets/javascripts/search.js"
NODE = shutil.which("node")

# Node reads texts on stdin and answers, for each, what search.js makes of it: its
# words, and each word's index terms (Welsh rules, and none for English) and shards.
_NODE_SCRIPT = """
const search = require(process.argv[1]);
const {texts, rules} = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(texts.map(text => search.wordsOf(text).map(word => ({
  word, cy: search.terms(word, rules), en: search.terms(word, []),
  shards: search.terms(word, rules).map(term => search.shardOf(term, 2)),
})))));
"""


def _in_the_browser(texts: list[str]) -> list:
    result = subprocess.run([NODE, "-e", _NODE_SCRIPT, str(SEARCH_JS)], capture_output=True, text=True, check=True,
                            input=json.dumps({"texts": texts, "rules": [list(rule) for rule in RULES]}))
    return json.loads(result.stdout)


def _in_python(texts: list[str]) -> list:
    return [[{"word": word, "cy": sorted(terms_of(word, "cy")), "en": sorted(terms_of(word, "en")),
              "shards": sorted(shard_key(term) for term in terms_of(word, "cy"))} for word in words(text)]
            for text in texts]


def _sorted(found: list) -> list:
    return [[{**word, "cy": sorted(word["cy"]), "en": sorted(word["en"]), "shards": sorted(word["shards"])}
             for word in text] for text in found]


needs_node = pytest.mark.skipif(NODE is None and not os.environ.get("CI"), reason="node is not installed")

SAMPLE_TEXTS = [
    " ".join(form for _, forms in FAMILIES for form in forms),
    "Mae'n bwysig i'r 22 awdurdod yng Nghymru. Ŵyr, ŷd, DŴR, ddŵr, tŷ'r, Ängström, naïf",
    "d\u0175r dd\u0175r w\u0302yr Y\u0302D",  # composed and decomposed circumflexes
    "snake_case 3ydd ½ Ⅻ 2026-11-25 e-bost gwe@enghraifft.cymru",
]

# Letters Welsh and English pages are written in, marks typed separately, and the
# characters that cut words: apostrophes, hyphens, underscores, digits, spaces.
_ALPHABET = st.sampled_from(list("abcdefghilmnoprstuwy" "ŵŷâêîôûáéïöëÿẁẃ" "ABCDLMNGPRTWYŴŶ") +
                            ["\u0302", "\u0301", "\u0308", "'", "’", "-", "_", " ", "1", "½", "ß", "İ"])


@needs_node
def test_the_browser_cuts_and_folds_the_sample_words_as_the_index_does():
    assert _sorted(_in_the_browser(SAMPLE_TEXTS)) == _in_python(SAMPLE_TEXTS)


@needs_node
@settings(max_examples=15, deadline=None, derandomize=bool(os.environ.get("CI")))
@given(st.lists(st.text(_ALPHABET, max_size=30), min_size=50, max_size=50))
def test_the_browser_cuts_and_folds_any_text_as_the_index_does(texts):
    # One Node process for a batch of generated texts: starting it is the slow part.
    assert _sorted(_in_the_browser(texts)) == _in_python(texts)
