"""The interface text and dates, in both languages."""

import re
from datetime import date

from strategy.catalogue import catalogue, missing_translations, texts, translate
from strategy.dates import long_date


def test_no_catalogue_key_is_missing_in_either_language():
    assert catalogue()
    assert missing_translations() == []


def test_placeholders_are_the_same_in_both_languages():
    for key, values in catalogue().items():
        placeholders = [{tuple(sorted(re.findall(r"{(\w+)(?:\|[\w-]+)?}", text))) for text in texts(values[language])}
                        for language in ("en", "cy")]
        assert placeholders[0] == placeholders[1], key  # a Welsh one may ask for a mutation: {mission|soft}


def test_strings_are_filled_in_per_language():
    assert translate("mission_number", "cy", number=3) == "Cenhadaeth 3"
    assert translate("mission_number", "en", number=3) == "Mission 3"


def test_dates_read_as_each_language_writes_them():
    assert long_date(date(2020, 12, 3), "en") == "3 December 2020"
    assert long_date(date(2020, 12, 3), "cy") == "3 Rhagfyr 2020"
    assert long_date(date(2026, 11, 25), "cy") == "25 Tachwedd 2026"
