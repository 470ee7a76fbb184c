"""Jinja filters of the calendar pages (Babel, for the page's locale; no system locales)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_skeleton

from mia_site.jsonld import script_text


def date_wd(value: dt.date, locale: str = "de", year: bool = True) -> str:
    """Short date with weekday: 'Sa., 12. Sept. 2026' (``year=False``: 'Sa., 12. Sept.')."""
    return format_skeleton("yMMMEd" if year else "MMMEd", value, locale=locale)


def month_year(value: dt.date, locale: str = "de") -> str:
    """'September 2026'."""
    return format_skeleton("yMMMM", value, locale=locale)


def day_before(value: dt.date) -> dt.date:
    return value - dt.timedelta(days=1)


FILTERS = {
    "date_wd": date_wd,
    "month_year": month_year,
    "day_before": day_before,
    "json_script": script_text,
}
