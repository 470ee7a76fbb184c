"""Jinja filters of the calendar pages (Babel, for the page's locale; no system locales)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_skeleton
from jinja2 import pass_context
from jinja2.runtime import Context

from inka_engine.texts import source_text
from mia_site.jsonld import script_text
from site_core.languages import babel_locale


def date_wd(value: dt.date, locale: str = "de", year: bool = True) -> str:
    """Short date with weekday: 'Sa., 12. Sept. 2026' (``year=False``: 'Sa., 12. Sept.').

    ``locale`` is a site language, formatted with its Babel locale from the site core's one
    map (English: en_GB, 'Sat 12 Sept 2026', as on the posters and event pages)."""
    return format_skeleton("yMMMEd" if year else "MMMEd", value, locale=babel_locale(locale))


def month_year(value: dt.date, locale: str = "de") -> str:
    """'September 2026' (the site language's Babel locale)."""
    return format_skeleton("yMMMM", value, locale=babel_locale(locale))


def day_before(value: dt.date) -> dt.date:
    return value - dt.timedelta(days=1)


@pass_context
def source_words(ctx: Context, source: str) -> str:
    """Where a date comes from, in words in the page's language (no program names)."""
    from mia_site import i18n

    return source_text(source, i18n.lang_of(ctx), lambda lang: i18n.catalog(ctx, lang))


FILTERS = {
    "source_words": source_words,
    "date_wd": date_wd,
    "month_year": month_year,
    "day_before": day_before,
    "json_script": script_text,
}
