"""Dates as a reader of each language expects them, by Babel's locale data."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

BABEL_LOCALES = {"en": "en_GB", "cy": "cy"}


def long_date(day: date, language: str) -> str:
    """'3 December 2020' in English, '3 Rhagfyr 2020' in Welsh."""
    return format_date(day, "d MMMM y", locale=BABEL_LOCALES[language])
