"""Rule kinds (docs/inka-daten.md "Rule kinds"): one small pure date function each."""

from __future__ import annotations

from datetime import date

from .base import Computed, Field, RuleKind
from .gregorian import EASTER, FIXED, JULIAN, WEEKDAY_ON_OR_AFTER
from .hebrew import HEBREW, HEBREW_YEAR_OFFSET, hebrew_year_of
from .hijri import HIJRI, HIJRI_UMM_AL_QURA, hijri_year_of, hijri_years
from .lunar import CHINESE_LUNAR, FULL_MOON, chinese_year_of
from .table import TABLE

KINDS: dict[str, RuleKind] = {
    kind.name: kind
    for kind in (FIXED, JULIAN, EASTER, WEEKDAY_ON_OR_AFTER, HEBREW, HIJRI, HIJRI_UMM_AL_QURA,
                 FULL_MOON, CHINESE_LUNAR, TABLE)
}


def cycles(kind: RuleKind, start: date, end: date) -> range:
    """The cycles (years of the kind's calendar) that may have a date in [start, end]."""
    if kind.cycle == "hebrew":
        return range(start.year + HEBREW_YEAR_OFFSET - 1, end.year + HEBREW_YEAR_OFFSET + 2)
    if kind.cycle == "hijri":
        return hijri_years(start, end)
    return range(start.year - 1, end.year + 2)


def cycle_of(kind: RuleKind, day: date) -> int:
    """The cycle (occurrence number) a date belongs to in the kind's calendar."""
    if kind.cycle == "hebrew":
        return hebrew_year_of(day)
    if kind.cycle == "hijri":
        return hijri_year_of(day)
    if kind.cycle == "chinese":
        return chinese_year_of(day)
    return day.year


__all__ = ["KINDS", "Computed", "Field", "RuleKind", "cycle_of", "cycles"]
