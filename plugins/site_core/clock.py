"""The one clock (design.md §6): BUILD_DATE, INKA_YEARS and the fallback DTSTAMP.

``BUILD_DATE`` is the date of ``SOURCE_DATE_EPOCH`` when set, else today, both in
Europe/Berlin; every "current year", window, "upcoming" and "next" derives from it. Feeds never
carry the wall clock: their stamps come from the Git history (:mod:`site_core.history`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from zoneinfo import ZoneInfo

TIMEZONE = "Europe/Berlin"
#: INKA_YEARS: year pages, open data, posters and feeds cover last year to three years ahead.
YEARS_BEFORE = 1
YEARS_AFTER = 3


def source_date_epoch(environ: Mapping[str, str] | None = None) -> dt.datetime | None:
    """The UTC time of ``SOURCE_DATE_EPOCH``, or None when it is not set."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH={value!r}: erwartet Sekunden seit 1970 (Ganzzahl)")
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)


def build_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """BUILD_DATE: the Berlin date of ``SOURCE_DATE_EPOCH``, else today in Berlin."""
    moment = source_date_epoch(environ) or dt.datetime.now(dt.UTC)
    return moment.astimezone(ZoneInfo(TIMEZONE)).date()


def inka_years(date: dt.date) -> list[int]:
    """INKA_YEARS of a build date: last year to three years ahead."""
    return list(range(date.year - YEARS_BEFORE, date.year + YEARS_AFTER + 1))
