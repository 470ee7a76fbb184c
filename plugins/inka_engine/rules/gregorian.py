"""Solar rule kinds: fixed Gregorian, fixed Julian, Easter offset, weekday on/after a date."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from convertdate import julian as _julian
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from ..model import Rule
from ..texts import N_, Source
from .base import DAY, GREGORIAN_YEARS, MONTH, Computed, Field, RuleKind, any_int, one_of

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
YEARS = (1900, 2100)


def _valid_day(rule: Rule, calendar: str = "gregorian") -> str | None:
    month, day = rule.get("month"), rule.get("day")
    try:
        if calendar == "julian":
            if (month, day) == (2, 29):
                return ("der 29. Februar des julianischen Kalenders kommt nur in Schaltjahren "
                        "vor (erwartet: ein Tag, den es jedes Jahr gibt, z. B. 28. Februar "
                        "oder 1. März)")
            # 2000 is a leap year in both calendars: any valid month/day exists in it.
            if not _julian.legal_date(2000, month, day):
                raise ValueError
        else:
            date(2000, month, day)
    except (TypeError, ValueError):
        return (f"ungültiges Datum: Tag {day} im Monat {month} (ein Tag, den es im Monat "
                f"{month} gibt)")
    return None


# ---- fixed ------------------------------------------------------------------------------

def fixed(rule: Rule, year: int) -> Computed | None:
    try:
        return Computed(year, date(year, rule.get("month"), rule.get("day")))
    except ValueError:  # Feb 29 outside leap years
        return None


# ---- julian -----------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def julian_to_gregorian(year: int, month: int, day: int) -> date | None:
    try:
        if not _julian.legal_date(year, month, day):
            return None
    except ValueError:  # 29 February outside Julian leap years
        return None
    return date(*_julian.to_gregorian(year, month, day))


def _julian_in_year(month: int, day: int, year: int) -> date | None:
    """The Gregorian date of Julian ``month/day`` that falls in Gregorian ``year``."""
    for julian_year in (year, year - 1):
        result = julian_to_gregorian(julian_year, month, day)
        if result is not None and result.year == year:
            return result
    return None


def julian(rule: Rule, year: int) -> Computed | None:
    result = _julian_in_year(rule.get("month"), rule.get("day"), year)
    return Computed(year, result) if result else None


# ---- easter -----------------------------------------------------------------------------

_EASTER_METHODS = {"western": EASTER_WESTERN, "orthodox": EASTER_ORTHODOX}


@lru_cache(maxsize=4096)
def easter_sunday(year: int, calendar: str) -> date:
    return easter(year, _EASTER_METHODS[calendar])


def easter_offset(rule: Rule, year: int) -> Computed | None:
    day = easter_sunday(year, rule.get("calendar", "western")) + timedelta(rule.get("offset", 0))
    return Computed(day.year, day)


# ---- weekday-on-or-after ----------------------------------------------------------------

def weekday_on_or_after(rule: Rule, year: int) -> Computed | None:
    month, day = rule.get("month"), rule.get("day")
    if rule.get("calendar", "gregorian") == "julian":
        base = _julian_in_year(month, day, year)
    else:
        try:
            base = date(year, month, day)
        except ValueError:
            base = None
    if base is None:
        return None
    wanted = WEEKDAYS.index(rule.get("weekday"))
    result = base + timedelta((wanted - base.weekday()) % 7 + rule.get("offset", 0))
    return Computed(year, result)


def _source_fixed(rule: Rule) -> str:
    return Source(N_("fester Termin im gregorianischen Kalender"))


def _source_julian(rule: Rule) -> str:
    return Source(N_("fester Termin im julianischen Kalender"))


def _source_easter(rule: Rule) -> str:
    if rule.get("calendar") == "orthodox":
        return Source(N_("orthodoxe Osterrechnung"))
    return Source(N_("westliche Osterrechnung"))


def _source_weekday(rule: Rule) -> str:
    if rule.get("calendar") == "julian":
        return Source(N_("Wochentagsregel im julianischen Kalender"))
    return Source(N_("Wochentagsregel im gregorianischen Kalender"))


FIXED = RuleKind("fixed", (MONTH, DAY), YEARS, GREGORIAN_YEARS, fixed, _source_fixed,
                 "1900–2100", check=_valid_day)
JULIAN = RuleKind("julian", (MONTH, DAY), YEARS, GREGORIAN_YEARS, julian, _source_julian,
                  "1900–2100 (convertdate)", check=lambda r: _valid_day(r, "julian"))
EASTER = RuleKind(
    "easter",
    (
        Field("calendar", one_of(tuple(_EASTER_METHODS), "calendar (Kalender)")),
        Field("offset", any_int("offset (Verschiebung in Tagen)"), required=False),
    ),
    YEARS, GREGORIAN_YEARS, easter_offset, _source_easter, "1900–2100 (python-dateutil)",
)
WEEKDAY_ON_OR_AFTER = RuleKind(
    "weekday-on-or-after",
    (
        Field("weekday", one_of(WEEKDAYS, "weekday (Wochentag)")),
        MONTH,
        DAY,
        Field("calendar", one_of(("gregorian", "julian"), "calendar (Kalender)"), required=False),
        Field("offset", any_int("offset (Verschiebung in Tagen)"), required=False),
    ),
    YEARS, GREGORIAN_YEARS, weekday_on_or_after, _source_weekday, "1900–2100",
    check=lambda r: _valid_day(r, r.get("calendar", "gregorian")),
)
