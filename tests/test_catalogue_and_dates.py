"""The interface text and dates, in both languages."""

import re
from datetime import date

import yaml

from strategy.catalogue import CATALOGUE_FILE, catalogue, missing_translations, texts, translate
from strategy.dates import long_date


def test_no_catalogue_key_is_missing_in_either_language():
    assert catalogue()
    assert missing_translations() == []


def test_no_key_is_in_the_catalogue_twice():
    """YAML keeps the last of two equal keys without a word: the first text would be lost."""
    keys = [key.value for key, _ in yaml.compose(CATALOGUE_FILE.read_text(encoding="utf-8")).value]
    assert sorted({key for key in keys if keys.count(key) > 1}) == []


def test_placeholders_are_the_same_in_both_languages():
    for key, values in catalogue().items():
        # A counted form may write its number out ("dau gam"): {count} may be left out of it.
        counted = {"count"} if any(isinstance(value, dict) for value in values.values()) else set()
        placeholders = [{tuple(sorted(set(re.findall(r"{(\w+)(?:\|[\w-]+)?}", text)) - counted))
                         for text in texts(values[language])} for language in ("en", "cy")]
        assert placeholders[0] == placeholders[1] and len(placeholders[0]) == 1, key


def test_a_counted_string_reads_right_for_every_number_in_both_languages():
    english = [translate("progress.summary", "en", complete=0, count=count) for count in (1, 2)]
    assert english == ["0 of 1 action complete", "0 of 2 actions complete"]
    assert translate("cli.translations.summary", "en", count=1, in_step=1, outdated=0, missing=0).startswith(
        "1 translation: ")
    welsh = {count: translate("plan.chart_description", "cy", count=count, counts="…") for count in (0, 1, 2, 3, 4, 6, 11)}
    assert welsh == {0: "Dim camau gweithredu: ….", 1: "Un cam gweithredu: ….", 2: "Dau gam gweithredu: ….",
                     3: "Tri cham gweithredu: ….", 4: "4 cam gweithredu: ….", 6: "Chwe cham gweithredu: ….",
                     11: "11 cam gweithredu: …."}  # a Welsh one may ask for a mutation: {mission|soft}


def test_counts_in_the_commands_messages_read_right_for_every_number():
    """`make check` counts pages, languages, missions and actions: 'un genhadaeth', 'dwy
    dudalen', 'tri cham', 'chwe chenhadaeth', as a Welsh reader says them, and '1 mission'."""
    said = {(name, count): translate(f"cli.count.{name}", "cy", count=count)
            for name in ("pages", "missions", "actions") for count in (1, 2, 3, 6, 7)}
    assert said == {("pages", 1): "un dudalen", ("pages", 2): "dwy dudalen", ("pages", 3): "tair tudalen",
                    ("pages", 6): "chwe thudalen", ("pages", 7): "7 tudalen",
                    ("missions", 1): "un genhadaeth", ("missions", 2): "dwy genhadaeth", ("missions", 3): "tair cenhadaeth",
                    ("missions", 6): "chwe chenhadaeth", ("missions", 7): "7 cenhadaeth",
                    ("actions", 1): "un cam gweithredu", ("actions", 2): "dau gam gweithredu",
                    ("actions", 3): "tri cham gweithredu", ("actions", 6): "chwe cham gweithredu",
                    ("actions", 7): "7 cam gweithredu"}
    assert [translate("cli.count.missions", "en", count=count) for count in (1, 2)] == ["1 mission", "2 missions"]


def test_strings_are_filled_in_per_language():
    assert translate("mission_number", "cy", number=3) == "Cenhadaeth 3"
    assert translate("mission_number", "en", number=3) == "Mission 3"


def test_dates_read_as_each_language_writes_them():
    assert long_date(date(2020, 12, 3), "en") == "3 December 2020"
    assert long_date(date(2020, 12, 3), "cy") == "3 Rhagfyr 2020"
    assert long_date(date(2026, 11, 25), "cy") == "25 Tachwedd 2026"


def test_no_placeholder_takes_the_name_of_an_argument_of_translate():
    # translate(key, language, **values): a {language} or {key} placeholder could never be filled in.
    named = {name for values in catalogue().values() for language in ("en", "cy") for text in texts(values[language])
             for name in re.findall(r"{(\w+)(?:\|[\w-]+)?}", text)}
    assert "languages" in named and not named & {"key", "language"}
