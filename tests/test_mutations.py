"""Welsh interface strings mutate the value they put after a trigger word:
"Cofnodion am {mission|soft}" reads "Cofnodion am Genhadaeth 2", never "am Cenhadaeth 2"."""

import os
import re

import pytest
from babel.dates import get_month_names
from hypothesis import assume, given, settings, strategies as st

from strategy.catalogue import catalogue, texts, translate
from strategy.loader import load_content
from strategy.proofing_text import site_passages
from strategy.welsh import MUTATIONS, TRIGGERS, mutate, radicals

CI = os.environ.get("CI") == "true"
MARKED = re.compile(r"\{(\w+)\|([\w-]+)\}")


@pytest.fixture(scope="module")
def plan(fixture_sources):
    return load_content(fixture_sources).plan


def test_a_mission_after_am_takes_the_soft_mutation(plan):
    mission = plan.missions[1]
    heading = translate("plan.mission_heading", "cy", number=mission.number, title=mission.title.cy)
    assert heading.startswith("Cenhadaeth 2")
    assert translate("feed.mission_description", "cy", mission=heading).startswith("Cofnodion am Genhadaeth 2: ")
    assert translate("feed.mission_description", "en", mission="Mission 2").startswith("Posts about Mission 2")


@pytest.mark.parametrize("owner, soft, nasal, aspirate", [
    ("Prif Swyddog Digidol, Llywodraeth Cymru", "Brif Swyddog", "Mhrif Swyddog", "Phrif Swyddog"),
    ("Canolfan Gwasanaethau Cyhoeddus Digidol", "Ganolfan Gwasanaethau", "Nghanolfan Gwasanaethau", "Chanolfan"),
    ("Cyrff cyhoeddus ledled Cymru", "Gyrff cyhoeddus", "Nghyrff cyhoeddus", "Chyrff cyhoeddus"),
    ("Iechyd a Gofal Digidol Cymru", "Iechyd a Gofal", "Iechyd a Gofal", "Iechyd a Gofal"),  # a vowel never mutates
    ("Llywodraeth Cymru", "Lywodraeth Cymru", "Llywodraeth Cymru", "Llywodraeth Cymru"),
    ("Rhwydwaith Cymru", "Rwydwaith Cymru", "Rhwydwaith Cymru", "Rhwydwaith Cymru"),
    ("Gwasanaethau digidol", "Wasanaethau digidol", "Ngwasanaethau digidol", "Gwasanaethau digidol"),
    ("Busnes Cymru", "Fusnes Cymru", "Musnes Cymru", "Busnes Cymru"),
    ("Data a chydweithio", "Ddata a chydweithio", "Nata a chydweithio", "Data a chydweithio"),
    ("Mudiad", "Fudiad", "Mudiad", "Mudiad"),
])
def test_owners_and_titles_take_each_mutation_on_their_first_word_only(owner, soft, nasal, aspirate):
    for mutation, expected in (("soft", soft), ("nasal", nasal), ("aspirate", aspirate)):
        assert mutate(owner, mutation).startswith(expected), (owner, mutation)
        assert mutate(owner, mutation).split(" ")[1:] == owner.split(" ")[1:]


def test_the_plan_owners_are_real_values_these_rules_meet(plan):
    names = {owner.name.cy for owner in plan.owners}
    assert "Canolfan Gwasanaethau Cyhoeddus Digidol" in names and "Cyrff cyhoeddus ledled Cymru" in names


# Babel's Welsh month names, the way dates are written on Welsh pages.
MONTHS = {"Ionawr": ("Ionawr", "Ionawr", "Ionawr"), "Chwefror": ("Chwefror", "Chwefror", "Chwefror"),
          "Mawrth": ("Fawrth", "Mawrth", "Mawrth"), "Mai": ("Fai", "Mai", "Mai"),
          "Mehefin": ("Fehefin", "Mehefin", "Mehefin"), "Gorffennaf": ("Orffennaf", "Ngorffennaf", "Gorffennaf"),
          "Medi": ("Fedi", "Medi", "Medi"), "Tachwedd": ("Dachwedd", "Nhachwedd", "Thachwedd"),
          "Rhagfyr": ("Ragfyr", "Rhagfyr", "Rhagfyr"), "Hydref": ("Hydref", "Hydref", "Hydref")}


def test_month_names_mutate_as_welsh_writes_them():
    babel_months = set(get_month_names("wide", locale="cy").values())
    assert set(MONTHS) <= babel_months
    for month, (soft, nasal, aspirate) in MONTHS.items():
        assert (mutate(month, "soft"), mutate(month, "nasal"), mutate(month, "aspirate")) == (soft, nasal, aspirate)


def test_a_date_written_with_digits_is_left_as_it_is():
    assert translate("say.not_open", "cy", opens="8 Rhagfyr 2026", closes="Dydd Llun 9 Chwefror 2027") == (
        "Bydd y cyfnod sylwadau'n agor ar 8 Rhagfyr 2026 ac yn cau ar Ddydd Llun 9 Chwefror 2027.")
    assert translate("datetime", "cy", date="8 Rhagfyr 2026", time="10:00") == "8 Rhagfyr 2026 am 10:00"


@pytest.mark.parametrize("number, after_o", [
    (7, "7"), ("dau", "ddau"), ("tri", "dri"), ("pump", "bump"), ("deg", "ddeg"), ("chwech", "chwech"),
    ("saith", "saith"), ("wyth", "wyth"), ("naw", "naw"), ("pedwar", "bedwar"), ("cant", "gant"),
])
def test_numbers_written_as_words_mutate_after_o_digits_do_not(number, after_o):
    assert translate("series.part", "cy", part=1, parts=number) == f"Rhan 1 o {after_o}"
    assert translate("archive.page_of", "cy", page=1, pages=number) == f"Tudalen 1 o {after_o}"
    assert translate("series.part", "en", part=1, parts=number) == f"Part 1 of {number}"


def test_case_is_kept_and_abbreviations_and_unmutating_sounds_are_left_alone():
    assert mutate("CENHADAETH 2", "soft") == "GENHADAETH 2"
    assert mutate("LLYWODRAETH", "soft") == "LYWODRAETH"
    assert mutate("cenhadaeth", "soft") == "genhadaeth"
    assert mutate("Caerdydd", "nasal") == "Nghaerdydd"
    for word in ("CSV", "BBC", "GIG", "Chwe", "Theatr", "Phwllheli", "Saesneg", "2027", "(drafft)", ""):
        assert all(mutate(word, mutation) == word for mutation in MUTATIONS), word


def test_the_two_triggers_that_leave_ll_and_rh_have_their_own_soft_mutation():
    assert mutate("llawn", "soft") == "lawn"
    assert mutate("llawn", "soft-not-ll-rh") == "llawn" and mutate("rhad", "soft-not-ll-rh") == "rhad"
    assert mutate("da", "soft-not-ll-rh") == "dda"


def test_an_unknown_mutation_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown mutation 'hard'"):
        mutate("Cenhadaeth", "hard")


WELSH_LETTERS = "abcdefghilmnoprstuwyâêîôûŵŷ"


@settings(max_examples=200, derandomize=CI)
@given(st.text(alphabet=WELSH_LETTERS, min_size=3, max_size=12), st.sampled_from(sorted(MUTATIONS)),
       st.sampled_from(["", " 2", ": Gwasanaethau digidol"]))
def test_the_search_folds_every_mutated_form_back_to_its_radical(word, mutation, rest):
    """The forward rules (catalogue) and the backward ones (search) are the same tables."""
    assume(not re.match(r"g[^aeiouwyâêîôûŵŷlr]", word))  # Welsh radicals start g- with a vowel, l, r or w
    mutated = mutate(word + rest, mutation)
    assert mutated.endswith(rest)
    assert word in radicals(mutated[:len(mutated) - len(rest)])


def _marked_welsh_strings():
    return {f"{key}[{number}]": text for key, values in catalogue().items()
            for number, text in enumerate(texts(values["cy"])) if MARKED.search(text)}


# Values written as they are, whatever comes before them: a path, an address, a folder,
# and what is written in digits (a number, a clock time, a date), which does not mutate.
VERBATIM = {"folder", "protected", "source", "file", "root", "site", "address", "translation",
            "first", "second", "target", "value", "before", "after", "day"}


def _unmarked_after_trigger(text: str) -> list[str]:
    return [f"{word} {{{name}}}" for word, name in re.findall(r"(\w+) \{(\w+)\}", text)
            if word.lower() in TRIGGERS and name not in VERBATIM]


def test_every_welsh_placeholder_after_a_trigger_asks_for_its_mutation():
    assert _unmarked_after_trigger("Cofnodion am {mission}") == ["am {mission}"]  # what the check catches
    unmarked = {key: found for key, values in catalogue().items() for text in texts(values["cy"])
                if (found := _unmarked_after_trigger(text))}
    assert unmarked == {}
    assert len(_marked_welsh_strings()) >= 8


def test_only_welsh_strings_ask_for_mutations_and_only_for_known_ones():
    for key, values in catalogue().items():
        assert not any(MARKED.search(text) for text in texts(values["en"])), key
        for text in texts(values["cy"]):
            for name, mutation in MARKED.findall(text):
                assert mutation in MUTATIONS and "{" + name + "}" in MARKED.sub(r"{\1}", text), key


def test_the_built_welsh_site_and_feeds_never_leave_an_interpolated_value_unmutated(built_site, plan):
    """Every place a marked string was printed: the word after its trigger is never a radical the
    mutation changes, from the values the site interpolates (mission headings, owners, months)."""
    values = {"Cenhadaeth", *MONTHS, *(o.name.cy.split()[0] for o in plan.owners),
              *(m.title.cy.split()[0] for m in plan.missions)}
    text = "\n".join(passage.text for passage in site_passages(built_site, built_site.parent))
    checked = 0
    for key, string in _marked_welsh_strings().items():
        for prefix, (name, mutation) in zip(MARKED.split(string)[::3], MARKED.findall(string)):
            lead = " ".join(prefix.split()[-2:])  # the trigger and the word before it, as printed
            if not lead:
                continue
            for found in re.findall(re.escape(lead) + r" (\w+)", text):
                checked += 1
                assert found not in {v for v in values if mutate(v, mutation) != v}, f"{key}: '{lead} {found}'"
    assert checked >= 7  # the six mission feeds say "Cofnodion am Genhadaeth N" in each format
    assert "Cofnodion am Genhadaeth 2" in text and "Cofnodion am Cenhadaeth" not in text
