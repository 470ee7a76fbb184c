"""Occurrences of holidays in a date range.

Semantics: ``occurrences(holidays, start, end)`` returns every occurrence whose **start**
lies in ``[start, end]`` (both inclusive). An occurrence that began before ``start`` and is
still running is *not* included; ask for a range that begins earlier when you need it.
This makes ranges additive: the occurrences of [a, b] plus those of [b+1, c] are exactly
those of [a, c].
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from convertdate import islamic as _tabular

from .constants import CONFIRM_SLACK_DAYS, VARIANT_WINDOW_DAYS
from .errors import OutOfRange
from .model import Alternative, Confirmed, Holiday, Occurrence, Rule
from .rules import KINDS, Computed, cycle_of, cycles
from .rules.hebrew import HEBREW_YEAR_OFFSET

log = logging.getLogger("inka_engine")

MARGIN = timedelta(days=60)


@dataclass(frozen=True)
class Omission:
    """Occurrences a rule could not give (outside its library's or table's years)."""

    community: str
    key: str
    reason: str
    cycles: tuple[int, ...]

    def __str__(self) -> str:
        return (f"{self.community}/{self.key}: {len(self.cycles)} Termin(e) ausgelassen "
                f"({_spans(self.cycles)}): {self.reason}")


def _spans(numbers: Sequence[int]) -> str:
    numbers = sorted(numbers)
    parts: list[str] = []
    first = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(first) if first == prev else f"{first}–{prev}")
        if n is not None:
            first = prev = n
    return ", ".join(parts)


def _plausible(rule: Rule, cycle: int, asked: tuple[date, date]) -> bool:
    """Could this cycle's date have started within the asked range? (for omission reports)"""
    kind = KINDS[rule.kind]
    if kind.cycle == "hijri":
        approx = date(*_tabular.to_gregorian(cycle, rule.get("month", 1), rule.get("day", 1)))
        return asked[0] - timedelta(3) <= approx <= asked[1] + timedelta(3)
    if kind.cycle == "hebrew":
        return asked[0].year + HEBREW_YEAR_OFFSET <= cycle <= asked[1].year + HEBREW_YEAR_OFFSET + 1
    return asked[0].year <= cycle <= asked[1].year


def _computed(rule: Rule, start: date, end: date,
              omitted: dict[str, list[int]] | None = None,
              asked: tuple[date, date] | None = None) -> dict[int, Computed]:
    """The rule's dates for every cycle that may touch [start, end], by occurrence.

    Cycles the rule cannot give are recorded in ``omitted`` (reason → cycles) when they
    could have started within ``asked``.
    """
    kind = KINDS[rule.kind]
    found: dict[int, Computed] = {}

    def omit(reason: str, cycle: int) -> None:
        if omitted is not None and (asked is None or _plausible(rule, cycle, asked)):
            omitted[reason].append(cycle)

    for cycle in cycles(kind, start, end):
        try:
            result = kind.compute(rule, cycle)
        except OutOfRange as why:
            omit(str(why), cycle)
            continue
        if result is None:
            continue
        if not kind.years[0] <= result.start.year <= kind.years[1]:
            omit(f"außerhalb der Jahre {kind.years[0]}–{kind.years[1]} der Regelart "
                 f"'{kind.name}'", cycle)
            continue
        found.setdefault(result.occurrence, result)
    return found


def _match_confirmed(holiday: Holiday, computed: dict[int, Computed]
                     ) -> tuple[dict[int, Confirmed], list[Confirmed]]:
    """Assign each confirmed entry to the occurrence with the nearest computed start."""
    window = holiday.variance_days + CONFIRM_SLACK_DAYS
    matched: dict[int, Confirmed] = {}
    standalone: list[Confirmed] = []
    for entry in holiday.confirmed:
        best = min(computed.items(), key=lambda item: abs((item[1].start - entry.start).days),
                   default=None)
        if best is not None and abs((best[1].start - entry.start).days) <= window:
            current = matched.get(best[0])
            if current is None or (abs((entry.start - best[1].start).days)
                                   < abs((current.start - best[1].start).days)):
                matched[best[0]] = entry
        else:
            standalone.append(entry)
    return matched, standalone


def holiday_occurrences(holiday: Holiday, start: date, end: date,
                        omissions: list[Omission] | None = None) -> list[Occurrence]:
    """Occurrences of one holiday that start in [start, end]."""
    omitted: dict[str, list[int]] = defaultdict(list)
    computed = _computed(holiday.rule, start - MARGIN, end + MARGIN, omitted, (start, end))
    matched, standalone = _match_confirmed(holiday, computed)
    result: list[Occurrence] = []
    for number, value in computed.items():
        entry = matched.get(number)
        result.append(_occurrence(holiday, number, value, entry))
    kind = KINDS[holiday.rule.kind]
    for entry in standalone:
        number = cycle_of(kind, entry.start)
        if number in computed:
            log.warning("%s: bestätigtes Datum %s liegt zu weit vom Datum der Regel %s desselben "
                        "Termins; nicht verwendet", holiday.path or holiday.ident, entry.start,
                        computed[number].start)
            continue
        result.append(_occurrence(holiday, number, None, entry))
    result = [o for o in result if start <= o.start <= end
              and (holiday.since is None or o.start.year >= holiday.since)]
    if omissions is not None:
        for reason, numbers in omitted.items():
            omissions.append(Omission(holiday.community, holiday.key, reason, tuple(numbers)))
    return [_with_alternatives(holiday, o) for o in result]


def _occurrence(holiday: Holiday, number: int, value: Computed | None,
                entry: Confirmed | None) -> Occurrence:
    if entry is not None:
        start, status, source, end = entry.start, "confirmed", entry.source, None
    else:
        assert value is not None
        start, end = value.start, value.end
        if value.status:
            status = value.status
        elif value.confirmed:
            status = "confirmed"
        else:
            status = "estimated" if holiday.variance_days > 0 else "computed"
        source = value.source or KINDS[holiday.rule.kind].source(holiday.rule)
    if end is None or end < start:
        end = start + timedelta(holiday.duration - 1)
    return Occurrence(
        community=holiday.community,
        key=holiday.key,
        occurrence=number,
        start=start,
        end=end,
        begins_evening_before=holiday.begins_evening_before,
        status=status,  # type: ignore[arg-type]
        variance_days=holiday.variance_days if status == "estimated" else 0,
        source=source,
        names=holiday.names,
        estimated_start=value.start if value is not None else None,
        holiday=holiday,
        night=holiday.night,
    )


def _with_alternatives(holiday: Holiday, occ: Occurrence) -> Occurrence:
    if not holiday.variants:
        return occ
    window = timedelta(VARIANT_WINDOW_DAYS)
    alternatives: list[Alternative] = []
    for variant in holiday.variants:
        found = _computed(variant.rule, occ.start - window, occ.start + window)
        near = [c for c in found.values() if abs((c.start - occ.start).days) <= VARIANT_WINDOW_DAYS]
        if not near:
            continue
        best = min(near, key=lambda c: abs((c.start - occ.start).days))
        if variant.from_year is not None and best.start.year < variant.from_year:
            continue
        if variant.until_year is not None and best.start.year > variant.until_year:
            continue
        duration = variant.duration or holiday.duration
        alt_end = best.end or best.start + timedelta(duration - 1)
        if (best.start, alt_end) != (occ.start, occ.end):
            alternatives.append(Alternative(variant.who, best.start, alt_end))
    if not alternatives:
        return occ
    return replace(occ, alternatives=tuple(alternatives))


def _sort_key(o: Occurrence) -> tuple[date, str, str, int]:
    return (o.start, o.community, o.key, o.occurrence)


def occurrences(holidays: Iterable[Holiday], start: date, end: date,
                communities: Iterable[str] | None = None,
                omissions: list[Omission] | None = None) -> list[Occurrence]:
    """All occurrences that **start** in [start, end], sorted by start, community, key.

    Occurrences a rule cannot give (outside its years) are omitted and logged at INFO on the
    ``inka_engine`` logger; pass a list as ``omissions`` to receive them too.
    """
    wanted = set(communities) if communities is not None else None
    found: list[Occurrence] = []
    collected: list[Omission] = []
    for holiday in holidays:
        if wanted is not None and holiday.community not in wanted:
            continue
        found.extend(holiday_occurrences(holiday, start, end, collected))
    for omission in collected:
        log.info("%s", omission)
    if omissions is not None:
        omissions.extend(collected)
    return sorted(found, key=_sort_key)


def rule_dates(rule: Rule, start: date, end: date) -> list[tuple[int, date]]:
    """(occurrence, start) of a bare rule in [start, end] — no confirmed dates, no duration."""
    found = _computed(rule, start - MARGIN, end + MARGIN)
    return sorted((n, c.start) for n, c in found.items() if start <= c.start <= end)


def clear_caches() -> None:
    """Empty every cache of the rule kinds (for cold benchmarks and tests)."""
    from .rules import gregorian, hebrew, hijri, lunar, table

    for module in (gregorian, hebrew, hijri, lunar, table):
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()
