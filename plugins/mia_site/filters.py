"""Jinja filters: dates and numbers through Babel for the page's locale (no system locales)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from babel.dates import format_date, format_time
from babel.numbers import format_decimal

from content_model.html_policy import clean
from site_core import pagination
from site_core.languages import babel_locale

# Site language → Babel locale: the site core's one map (site_core.languages.LOCALES).
_locale = babel_locale


def date_long(value: dt.date, locale: str = "de") -> str:
    """e.g. '21. Juni 2025', '21 Haziran 2025'."""
    # Babel formats a datetime's own calendar date (not a moment, which equal datetimes in two
    # time zones share): that date is the key of the formats kept.
    return _date_long(value.date() if isinstance(value, dt.datetime) else value, locale)


@lru_cache(maxsize=8192)  # list pages show the same dates again and again
def _date_long(day: dt.date, locale: str) -> str:
    return format_date(day, format="long", locale=_locale(locale))


def date_full(value: dt.date, locale: str = "de") -> str:
    """With weekday, e.g. 'Samstag, 21. Juni 2025'."""
    return format_date(value, format="full", locale=_locale(locale))


def time_short(value: dt.datetime, locale: str = "de") -> str:
    """e.g. '12:00'."""
    return format_time(value, format="short", locale=_locale(locale))


def tz_name(value: dt.datetime, locale: str = "de") -> str:
    """The time zone in force at that moment, e.g. 'Mitteleuropäische Sommerzeit'."""
    return format_time(value, format="zzzz", locale=_locale(locale))


def number(value: float, locale: str = "de") -> str:
    return format_decimal(value, locale=_locale(locale), numbering_system="latn")


def iso(value: dt.date) -> str:
    """Machine-readable value for <time datetime>."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


FILTERS = {
    "sanitized": clean,
    "date_long": date_long,
    "date_full": date_full,
    "time_short": time_short,
    "tz_name": tz_name,
    "number": number,
    "iso": iso,
}


def install(generator: Any) -> None:
    """Add our filters (and the pagination's page numbers) to the generator's Jinja environment."""
    generator.env.filters.update(FILTERS)
    generator.env.globals["page_window"] = pagination.window
