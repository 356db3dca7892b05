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
