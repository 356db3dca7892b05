"""Dates as a reader of each language expects them, by Babel's locale data."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.dates import format_date

from .catalogue import translate

BABEL_LOCALES = {"en": "en_GB", "cy": "cy"}
TIME_FORMAT = "%H:%M"


@lru_cache(maxsize=4096)  # Babel is slow, and a site shows the same few dates on many pages
def long_date(day: date, language: str) -> str:
    """'3 December 2020' in English, '3 Rhagfyr 2020' in Welsh."""
    return format_date(day, "d MMMM y", locale=BABEL_LOCALES[language])


def event_when(post, language: str) -> str:
    """'8 December 2026, 10:00–11:30', or a range across days, in Welsh local time."""
    start, end = post.event.start, post.event.end
    if end.date() == start.date():
        return f"{long_date(start.date(), language)}, {start.strftime(TIME_FORMAT)}–{end.strftime(TIME_FORMAT)}"
    return (f"{long_date(start.date(), language)} {start.strftime(TIME_FORMAT)} – "
            f"{long_date(end.date(), language)} {end.strftime(TIME_FORMAT)}")


def long_datetime(moment, language: str) -> str:
    """'29 January 2027 at 17:00', '29 Ionawr 2027 am 17:00' (Welsh local time)."""
    return translate("datetime", language, date=long_date(moment.date(), language), time=moment.strftime(TIME_FORMAT))
