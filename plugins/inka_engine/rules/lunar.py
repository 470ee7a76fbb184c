"""Moon-based rule kinds: first full moon in a Gregorian month; Chinese lunisolar dates."""

from __future__ import annotations

import warnings
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

import ephem
import lunardate

from ..errors import require_year
from ..model import Rule
from ..texts import N_, Source
from .base import (
    DAY,
    GREGORIAN_YEARS,
    MONTH,
    Calendar,
    Computed,
    Field,
    RuleKind,
    gregorian_cycles,
    gregorian_plausible,
    int_in,
)

FULL_MOON_YEARS = (1900, 2100)
CHINESE_YEARS = (1900, 2099)


@lru_cache(maxsize=8192)
def first_full_moon(year: int, month: int, timezone: str) -> date | None:
    """Calendar day (in ``timezone``) of the first full moon in that month, or None."""
    zone = ZoneInfo(timezone)
    month_start = datetime(year, month, 1, tzinfo=zone).astimezone(UTC)
    moment = ephem.next_full_moon(ephem.Date(month_start.replace(tzinfo=None)))
    local = moment.datetime().replace(tzinfo=UTC).astimezone(zone).date()
    return local if (local.year, local.month) == (year, month) else None


def full_moon(rule: Rule, year: int) -> Computed | None:
    day = first_full_moon(year, rule.get("month"), rule.get("timezone", "Europe/Berlin"))
    return Computed(year, day) if day else None


def _timezone(value: object) -> str | None:
    if not isinstance(value, str) or value not in _zones():
        return f"unbekannte Zeitzone {value!r} (ein IANA-Name wie Europe/Berlin)"
    return None


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


@lru_cache(maxsize=65536)
def chinese_to_gregorian(year: int, month: int, day: int) -> date | None:
    require_year(year, CHINESE_YEARS, "Mondjahr", "des chinesischen Kalenders")
    try:
        return lunardate.LunarDate(year, month, day).to_solar_date()
    except ValueError:  # day 30 of a short month, or beyond lunardate's table
        return None


def chinese_lunar(rule: Rule, year: int) -> Computed | None:
    day = chinese_to_gregorian(year, rule.get("month"), rule.get("day"))
    return Computed(year, day) if day else None


@lru_cache(maxsize=65536)
def chinese_year_of(day: date) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            return lunardate.LunarDate.from_solar_date(day.year, day.month, day.day).year
        except ValueError:
            return day.year


#: Occurrences numbered by the Chinese lunar year (searched like Gregorian years).
CHINESE_LUNAR_YEARS = Calendar("chinese", gregorian_cycles, chinese_year_of, gregorian_plausible)


FULL_MOON = RuleKind(
    "full-moon",
    (MONTH, Field("timezone", _timezone, required=False)),
    FULL_MOON_YEARS,
    GREGORIAN_YEARS,
    full_moon,
    lambda rule: Source(N_("berechneter Vollmond")),
    "1900–2100 (ephem)",
)
CHINESE_LUNAR = RuleKind(
    "chinese-lunar",
    (Field("month", int_in(1, 12, "month (Mondmonat)")), DAY),
    CHINESE_YEARS,
    CHINESE_LUNAR_YEARS,
    chinese_lunar,
    lambda rule: Source(N_("chinesischer Mondkalender")),
    "1900–2099 (lunardate)",
)
