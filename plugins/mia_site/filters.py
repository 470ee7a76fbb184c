"""Jinja filters: dates and numbers through Babel for the page's locale (no system locales)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.dates import format_date, format_time
from babel.numbers import format_decimal


def date_long(value: dt.date, locale: str = "de") -> str:
    """e.g. '21. Juni 2025'."""
    return format_date(value, format="long", locale=locale)


def date_full(value: dt.date, locale: str = "de") -> str:
    """With weekday, e.g. 'Samstag, 21. Juni 2025'."""
    return format_date(value, format="full", locale=locale)


def time_short(value: dt.datetime, locale: str = "de") -> str:
    """e.g. '12:00'."""
    return format_time(value, format="short", locale=locale)


def number(value: float, locale: str = "de") -> str:
    return format_decimal(value, locale=locale)


def iso(value: dt.date) -> str:
    """Machine-readable value for <time datetime>."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


FILTERS = {
    "date_long": date_long,
    "date_full": date_full,
    "time_short": time_short,
    "number": number,
    "iso": iso,
}


def install(generator: Any) -> None:
    """Add our filters and, until the catalogues exist, German source strings as they are."""
    generator.env.filters.update(FILTERS)
    if "gettext" not in generator.env.globals:
        generator.env.install_null_translations(newstyle=True)
