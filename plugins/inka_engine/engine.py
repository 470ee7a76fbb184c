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

from .constants import CONFIRM_SLACK_DAYS, VARIANT_WINDOW_DAYS
from .errors import OutOfRange
from .model import Alternative, Confirmed, Holiday, Occurrence, Rule
from .rules import KINDS, Computed

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


def computed_dates(rule: Rule, start: date, end: date,
                   omitted: dict[str, list[int]] | None = None,
                   asked: tuple[date, date] | None = None) -> dict[int, Computed]:
    """The rule's dates for every cycle that may touch [start, end], by occurrence.

    Cycles the rule cannot give are recorded in ``omitted`` (reason → cycles) when they
    could have started within ``asked``.
    """
    kind = KINDS[rule.kind]
    found: dict[int, Computed] = {}

    def omit(reason: str, cycle: int) -> None:
        if omitted is not None and (asked is None or kind.plausible(rule, cycle, asked)):
            omitted[reason].append(cycle)

    for cycle in kind.cycles(start, end):
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


@dataclass(frozen=True)
class Placement:
    """Where a confirmed date belongs: its occurrence (cycle) and the rule's date there."""

    cycle: int
    #: The rule's date of that occurrence (None: the rule gives none near the date).
    rule_date: date | None
    #: Days between the confirmed date and the rule date (None without a rule date).
    distance: int | None
    #: Largest distance allowed: the holiday's variance_days + CONFIRM_SLACK_DAYS.
    window: int

    @property
    def fits(self) -> bool:
        """The date replaces the rule's date of its occurrence."""
        return self.distance is not None and self.distance <= self.window

    @property
    def too_far(self) -> bool:
        """The rule has a date for this occurrence, but the confirmed date is too far from it."""
        return self.distance is not None and self.distance > self.window


def place_confirmed(rule: Rule, variance_days: int, day: date,
                    computed: dict[int, Computed] | None = None) -> Placement:
    """The one matcher of confirmed dates (engine, loader and ``invoke new holiday-date``).

    A confirmed date belongs to the occurrence whose rule date is nearest, when that lies
    within ``variance_days`` + ``CONFIRM_SLACK_DAYS``; otherwise to the occurrence of its own
    cycle in the kind's calendar. ``computed`` are the rule's dates to compare with (default:
    those within 90 days of ``day``)."""
    if computed is None:
        computed = computed_dates(rule, day - timedelta(90), day + timedelta(90))
    window = variance_days + CONFIRM_SLACK_DAYS
    nearest = min(computed.items(), key=lambda item: abs((item[1].start - day).days),
                  default=None)
    if nearest is not None and abs((nearest[1].start - day).days) <= window:
        number = nearest[0]
    else:
        number = KINDS[rule.kind].cycle_of(day)
    found = computed.get(number)
    if found is None:
        return Placement(number, None, None, window)
    return Placement(number, found.start, abs((found.start - day).days), window)


def _match_confirmed(holiday: Holiday, computed: dict[int, Computed]
                     ) -> tuple[dict[int, Confirmed], list[Confirmed]]:
    """Assign each confirmed entry to its occurrence (:func:`place_confirmed`); the nearest
    wins when two fit one occurrence. Entries too far from their occurrence's rule date are
    logged and dropped; entries where the rule gives no date stand alone."""
    matched: dict[int, Confirmed] = {}
    distance: dict[int, int] = {}
    standalone: list[Confirmed] = []
    for entry in holiday.confirmed:
        place = place_confirmed(holiday.rule, holiday.variance_days, entry.start, computed)
        if place.fits:
            assert place.distance is not None
            if place.cycle not in matched or place.distance < distance[place.cycle]:
                matched[place.cycle], distance[place.cycle] = entry, place.distance
        elif place.too_far:
            log.warning("%s: bestätigtes Datum %s liegt zu weit vom Datum der Regel %s desselben "
                        "Termins; nicht verwendet", holiday.path or holiday.ident, entry.start,
                        place.rule_date)
        else:
            standalone.append(entry)
    return matched, standalone


def holiday_occurrences(holiday: Holiday, start: date, end: date,
                        omissions: list[Omission] | None = None) -> list[Occurrence]:
    """Occurrences of one holiday that start in [start, end]."""
    omitted: dict[str, list[int]] = defaultdict(list)
    computed = computed_dates(holiday.rule, start - MARGIN, end + MARGIN, omitted, (start, end))
    matched, standalone = _match_confirmed(holiday, computed)
    result: list[Occurrence] = []
    for number, value in computed.items():
        entry = matched.get(number)
        result.append(_occurrence(holiday, number, value, entry))
    kind = KINDS[holiday.rule.kind]
    for entry in standalone:
        result.append(_occurrence(holiday, kind.cycle_of(entry.start), None, entry))
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
        found = computed_dates(variant.rule, occ.start - window, occ.start + window)
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
    found = computed_dates(rule, start - MARGIN, end + MARGIN)
    return sorted((n, c.start) for n, c in found.items() if start <= c.start <= end)


def clear_caches() -> None:
    """Empty every cache of the rule kinds (for cold benchmarks and tests)."""
    from .rules import gregorian, hebrew, hijri, lunar, table

    for module in (gregorian, hebrew, hijri, lunar, table):
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()
