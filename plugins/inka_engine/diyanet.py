"""Diyanet's Hijri calendar, 1900–2100: the committed month starts (``data/diyanet_months.csv``).

The table is computed by :mod:`inka_engine.istanbul2016` (the 2016 Istanbul criterion that
Diyanet uses) and regenerated with ``invoke diyanet-table``; reading it needs no astronomy.
"""

from __future__ import annotations

import bisect
import csv
import itertools
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("data") / "diyanet_months.csv"


@lru_cache(maxsize=1)
def month_starts() -> tuple[tuple[tuple[int, int], ...], tuple[date, ...]]:
    """((Hijri year, month), …) and their first days, in order."""
    numbers: list[tuple[int, int]] = []
    starts: list[date] = []
    with TABLE_PATH.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            numbers.append((int(row["hijri_year"]), int(row["hijri_month"])))
            starts.append(date.fromisoformat(row["start"]))
    return tuple(numbers), tuple(starts)


@lru_cache(maxsize=1)
def _index() -> dict[tuple[int, int], int]:
    return {n: i for i, n in enumerate(month_starts()[0])}


def years() -> tuple[int, int]:
    """Hijri years fully covered by the table."""
    numbers = month_starts()[0]
    first = numbers[0][0] + (numbers[0][1] != 1)
    last = numbers[-2][0] - (numbers[-2][1] != 12)
    return first, last


def to_gregorian(year: int, month: int, day: int) -> date | None:
    """The civil date of a Diyanet Hijri date; ``None`` for day 30 of a 29-day month or a
    month outside the table."""
    index = _index().get((year, month))
    starts = month_starts()[1]
    if index is None or index + 1 >= len(starts):
        return None
    result = starts[index] + timedelta(day - 1)
    return result if result < starts[index + 1] else None


def from_gregorian(day: date) -> tuple[int, int, int] | None:
    """(Hijri year, month, day) of a civil date, ``None`` outside the table."""
    numbers, starts = month_starts()
    i = bisect.bisect_right(starts, day) - 1
    if i < 0 or i + 1 >= len(starts):
        return None
    return (*numbers[i], (day - starts[i]).days + 1)


def month_lengths() -> list[int]:
    starts = month_starts()[1]
    return [(b - a).days for a, b in itertools.pairwise(starts)]
