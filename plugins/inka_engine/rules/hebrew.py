"""Hebrew calendar dates (diaspora), with the Yom HaShoah and Tisha b'Av postponements."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from pyluach import dates as _dates
from pyluach import hebrewcal as _hebrewcal

from ..model import Rule
from ..texts import N_, Source
from .base import Calendar, Computed, Field, RuleKind, int_in, one_of

#: Month names of the content contract → pyluach month numbers (Nisan = 1, Tishri = 7).
MONTHS = {
    "nisan": 1, "iyyar": 2, "sivan": 3, "tammuz": 4, "av": 5, "elul": 6,
    "tishri": 7, "cheshvan": 8, "kislev": 9, "tevet": 10, "shevat": 11, "adar": 12,
}
ADAR_II = 13
POSTPONE = ("yom-hashoah", "shabbat")
YEARS = (1900, 2100)
HEBREW_YEAR_OFFSET = 3760  # Gregorian year + 3760 = Hebrew year from Tishri to Nisan


@lru_cache(maxsize=65536)
def hebrew_to_gregorian(year: int, month_name: str, day: int) -> date | None:
    month = MONTHS[month_name]
    if month == 12 and _hebrewcal.Year(year).leap:
        month = ADAR_II  # Purim and all "Adar" dates fall in Adar II in leap years
    try:
        return _dates.HebrewDate(year, month, day).to_pydate()
    except ValueError:  # e.g. 30 Cheshvan in a short year
        return None


def postpone(day: date, rule: str | None) -> date:
    """Israel's civil rules as used by hdate/hebcal (holiday-rules.md §3)."""
    if rule == "yom-hashoah":
        if day.weekday() == 4:  # Friday → Thursday
            return day - timedelta(1)
        if day.weekday() == 6:  # Sunday → Monday
            return day + timedelta(1)
    elif rule == "shabbat" and day.weekday() == 5:  # Shabbat → Sunday
        return day + timedelta(1)
    return day


def hebrew(rule: Rule, year: int) -> Computed | None:
    day = hebrew_to_gregorian(year, rule.get("month"), rule.get("day"))
    if day is None:
        return None
    return Computed(year, postpone(day, rule.get("postpone")))


@lru_cache(maxsize=65536)
def hebrew_year_of(day: date) -> int:
    return _dates.HebrewDate.from_pydate(day).year


def _hebrew_cycles(start: date, end: date) -> range:
    return range(start.year + HEBREW_YEAR_OFFSET - 1, end.year + HEBREW_YEAR_OFFSET + 2)


def _hebrew_plausible(rule: Rule, cycle: int, asked: tuple[date, date]) -> bool:
    return asked[0].year + HEBREW_YEAR_OFFSET <= cycle <= asked[1].year + HEBREW_YEAR_OFFSET + 1


#: Occurrences numbered by the Hebrew year (Tishri to Elul).
HEBREW_YEARS = Calendar("hebrew", _hebrew_cycles, hebrew_year_of, _hebrew_plausible)


HEBREW = RuleKind(
    "hebrew",
    (
        Field("month", one_of(tuple(MONTHS), "month (Monat im jüdischen Kalender)")),
        Field("day", int_in(1, 30, "day (Tag)")),
        Field("postpone", one_of(POSTPONE, "postpone (Verschiebungsregel)"), required=False),
    ),
    YEARS,
    HEBREW_YEARS,
    hebrew,
    lambda rule: Source(N_("jüdischer Kalender, Termine in der Diaspora")),
    "1900–2100 (pyluach, arithmetic calendar)",
)
