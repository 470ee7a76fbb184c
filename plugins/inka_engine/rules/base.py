"""What a rule kind is: its fields, its valid years, its calendar of cycles and its date function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from ..model import Rule

Cycle = Literal["gregorian", "hebrew", "hijri", "chinese"]


@dataclass(frozen=True)
class Computed:
    """A rule's date for one cycle (occurrence)."""

    occurrence: int
    start: date
    confirmed: bool = False
    source: str = ""
    end: date | None = None
    #: "computed" for maintained tables whose dates cannot move, "estimated" for table
    #: entries that may; empty: decided by ``confirmed`` and the holiday's variance_days.
    status: str = ""


#: Years a ``confirmed:`` date may have: the years the rule kinds compute, with a margin.
CONFIRMED_YEARS = (1800, 2200)


@dataclass(frozen=True)
class Calendar:
    """The calendar whose years number a rule kind's occurrences (its cycles).

    ``cycles(start, end)``: the cycles that may have a date in [start, end];
    ``cycle_of(day)``: the cycle a date belongs to; ``plausible(rule, cycle, asked)``: could
    this cycle's date have started within the asked range (for reports of omitted dates)?"""

    name: Cycle
    cycles: Callable[[date, date], range]
    cycle_of: Callable[[date], int]
    plausible: Callable[[Rule, int, tuple[date, date]], bool]


def gregorian_cycles(start: date, end: date) -> range:
    return range(start.year - 1, end.year + 2)


def gregorian_plausible(rule: Rule, cycle: int, asked: tuple[date, date]) -> bool:
    return asked[0].year <= cycle <= asked[1].year


#: Occurrences numbered by the Gregorian year of the rule's date.
GREGORIAN_YEARS = Calendar("gregorian", gregorian_cycles, lambda day: day.year,
                           gregorian_plausible)


#: A field check returns ``None`` when the value is fine, else "was falsch ist (…)"
#: in German (editors read it).
Check = Callable[[Any], "str | None"]


@dataclass(frozen=True)
class Field:
    name: str
    check: Check
    required: bool = True


@dataclass(frozen=True)
class RuleKind:
    """One rule kind.

    ``compute(rule, cycle)`` gives the date for one cycle of the kind's calendar (a
    Gregorian, Hebrew, Hijri or Chinese lunar year), ``None`` when the rule has no date in
    that cycle, or raises :class:`~inka_engine.errors.OutOfRange`. ``years`` is the range
    of Gregorian years the kind is valid for; dates outside are omitted with a message.
    ``calendar`` numbers the cycles; ``describe_years`` says the valid years in words (CLI).
    """

    name: str
    fields: tuple[Field, ...]
    years: tuple[int, int]
    calendar: Calendar
    compute: Callable[[Rule, int], Computed | None]
    source: Callable[[Rule], str]
    describe_years: str = ""
    check: Callable[[Rule], str | None] | None = None

    def cycles(self, start: date, end: date) -> range:
        """The cycles (years of the kind's calendar) that may have a date in [start, end]."""
        return self.calendar.cycles(start, end)

    def cycle_of(self, day: date) -> int:
        """The cycle (occurrence number) a date belongs to in the kind's calendar."""
        return self.calendar.cycle_of(day)

    def plausible(self, rule: Rule, cycle: int, asked: tuple[date, date]) -> bool:
        """Could this cycle's date have started within ``asked``? (reports of omissions)"""
        return self.calendar.plausible(rule, cycle, asked)


# ---- small field checks -------------------------------------------------------------------

def int_in(lo: int, hi: int, what: str) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            return f"ungültiger Wert {value!r} für {what} (eine ganze Zahl von {lo} bis {hi})"
        return None

    return check


def any_int(what: str) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return (f"ungültiger Wert {value!r} für {what} (eine ganze Zahl von Tagen, "
                    "auch negativ)")
        return None

    return check


def one_of(choices: tuple[str, ...], what: str) -> Check:
    def check(value: Any) -> str | None:
        if value not in choices:
            return f"ungültiger Wert {value!r} für {what} ({', '.join(choices)})"
        return None

    return check


def text(what: str) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, str) or not value.strip():
            return f"ungültiger Wert {value!r} für {what} (ein nicht leerer Text)"
        return None

    return check


MONTH = Field("month", int_in(1, 12, "month (Monat)"))
DAY = Field("day", int_in(1, 31, "day (Tag)"))
