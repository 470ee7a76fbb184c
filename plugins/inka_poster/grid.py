"""Month grids of the INKA poster: weeks, days and holiday marks (no Pelican, no WeasyPrint).

A grid has ISO weeks (Monday first) as rows; each day carries the marks of the holidays that
*start* on it. A mark is a community letter and colour (never the colour alone, design.md §8)
plus the evening-before and "estimated" markers; the list under each grid gives the names.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from inka_engine import COMMUNITIES, Occurrence
from site_core.communities import BY_KEY

#: Marker after a mark: the holiday begins at sunset on the evening before.
EVENING = "*"
#: Marker after a mark: the date is calculated in advance and may still move.
ESTIMATED = "~"


@dataclass(frozen=True)
class Mark:
    community: str
    key: str
    evening_before: bool
    estimated: bool

    @property
    def letter(self) -> str:
        return BY_KEY[self.community].letter

    @property
    def colour(self) -> str:
        return BY_KEY[self.community].colour

    @property
    def suffix(self) -> str:
        """``*`` (evening before) and/or ``~`` (may move), in that order."""
        return (EVENING if self.evening_before else "") + (ESTIMATED if self.estimated else "")

    @property
    def text(self) -> str:
        """The mark as plain text, e.g. ``J*`` or ``I*~``."""
        return self.letter + self.suffix


@dataclass(frozen=True)
class Day:
    date: dt.date
    marks: tuple[Mark, ...] = ()

    @property
    def is_sunday(self) -> bool:
        return self.date.isoweekday() == 7


@dataclass(frozen=True)
class Week:
    iso_week: int
    #: Monday … Sunday; None for days of the neighbouring months.
    days: tuple[Day | None, ...]


@dataclass(frozen=True)
class MonthGrid:
    year: int
    month: int
    weeks: tuple[Week, ...]

    def day(self, number: int) -> Day:
        for week in self.weeks:
            for day in week.days:
                if day is not None and day.date.day == number:
                    return day
        raise KeyError(number)


def mark_of(o: Occurrence) -> Mark:
    """The mark of an occurrence; "estimated" only when the date can really move. A night is
    marked on its evening's date, without the evening-before marker."""
    return Mark(o.community, o.key, o.begins_evening_before and not o.night, o.may_move)


def _order(o: Occurrence) -> tuple[int, str, str]:
    return (COMMUNITIES.index(o.community), o.key, o.start.isoformat())


def month_occurrences(occurrences: Iterable[Occurrence], year: int,
                      month: int) -> list[Occurrence]:
    """Occurrences shown in the month (a night on its evening), by date, then community
    order, then key."""
    found = [o for o in occurrences
             if o.shown_start.year == year and o.shown_start.month == month]
    return sorted(found, key=lambda o: (o.shown_start, *_order(o)))


def month_grid(year: int, month: int, occurrences: Sequence[Occurrence]) -> MonthGrid:
    """The month's ISO weeks (Monday first) with the marks of the holidays starting each day."""
    starts: dict[dt.date, list[Occurrence]] = {}
    for o in month_occurrences(occurrences, year, month):
        starts.setdefault(o.shown_start, []).append(o)
    weeks = []
    for dates in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month):
        days = tuple(
            Day(d, tuple(mark_of(o) for o in sorted(starts.get(d, []), key=_order)))
            if d.month == month else None
            for d in dates)
        weeks.append(Week(dates[0].isocalendar().week, days))
    return MonthGrid(year, month, tuple(weeks))
