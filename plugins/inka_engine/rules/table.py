"""Dates from maintained published tables: python-holidays country classes.

``source: holidays:IN`` with ``name: Holi`` (or a list of names, tried in order, for tables
that rename an entry in some years) takes, for each Gregorian year, the first day of
the first run of consecutive days that carry that name in ``holidays.IN`` (all categories,
English ``en_US`` names where the class has them, otherwise its default language). The years
a table covers are the class's ``start_year``–``end_year``, but many lunisolar tables hold
data for fewer years (the Hindu tables 2001–2035): a year without an entry is omitted with a
message (never guessed). Entries that python-holidays labels "(estimated)" are kept as
estimated; all others are ``computed`` (a maintained table, not a publication of the
community: "berechnet", never "bestätigt").

Optional fields: ``offset`` (days added to the table date) and ``end`` (``{source, name,
offset}``: the last day is the first such entry on or after the start, plus its offset —
e.g. Navaratri ends the day before Dussehra); without ``end`` the holiday lasts
``duration`` days.
"""

from __future__ import annotations

import difflib
import warnings
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import holidays

from ..errors import OutOfRange
from ..model import Rule
from ..texts import N_, Source
from .base import GREGORIAN_YEARS, Computed, Field, RuleKind, any_int, text

PREFIX = "holidays:"
ESTIMATED_SUFFIX = " (estimated)"
YEARS = (1900, 2100)
END_WINDOW_DAYS = 40


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(holidays.list_supported_countries())


@lru_cache(maxsize=64)
def table_class(source: str) -> Any:
    if not source.startswith(PREFIX) or source[len(PREFIX):] not in _countries():
        raise KeyError(source)
    return getattr(holidays, source[len(PREFIX):])


def table_years(source: str) -> tuple[int, int]:
    cls = table_class(source)
    return max(cls.start_year, YEARS[0]), min(cls.end_year, YEARS[1])


def _language(cls: Any) -> str | None:
    return "en_US" if "en_US" in cls.supported_languages else None


@lru_cache(maxsize=8192)
def table_year(source: str, year: int) -> tuple[dict[str, tuple[tuple[date, bool], ...]], str]:
    """All entries of one table year: lower-cased name → ((date, estimated), ...), and the
    library's own note when the year is outside its data (e.g. "available only from 2001")."""
    cls = table_class(source)
    lo, hi = table_years(source)
    if not lo <= year <= hi:
        return {}, f"{source} reicht von {lo} bis {hi}"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = cls(years=year, language=_language(cls), categories=cls.supported_categories)
        items = sorted(table.items())
    entries: dict[str, list[tuple[date, bool]]] = defaultdict(list)
    for day, names in items:
        for label in names.split("; "):
            estimated = label.endswith(ESTIMATED_SUFFIX)
            name = label[: -len(ESTIMATED_SUFFIX)] if estimated else label
            entries[name.strip().lower()].append((day, estimated))
    note = "; ".join(sorted({str(w.message) for w in caught}))
    return {k: tuple(v) for k, v in entries.items()}, note


def _names(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _first_run(source: str, names: tuple[str, ...], year: int) -> tuple[date, bool] | None:
    """First entry of the first of ``names`` that the table has in ``year``."""
    entries, _ = table_year(source, year)
    for name in names:
        found = [e for e in entries.get(name.lower(), ()) if e[0].year == year]
        if found:
            return found[0]
    return None


def source_text(source: str) -> str:
    """The country's calendar of holidays, in words (the table's country code)."""
    return Source(N_("Feiertagskalender: %(country)s"), source[len(PREFIX):])


def table(rule: Rule, year: int) -> Computed | None:
    source, names = rule.get("source"), _names(rule.get("name"))
    found = _first_run(source, names, year)
    if found is None:
        _, note = table_year(source, year)
        raise OutOfRange(f"{source} hat keinen Eintrag {' / '.join(map(repr, names))}"
                         + (f" ({note})" if note else ""))
    day, estimated = found
    start = day + timedelta(rule.get("offset", 0))
    end = _end(dict(rule.get("end") or ()), source, start)
    return Computed(year, start, source=source_text(source), end=end,
                    status="estimated" if estimated else "computed")


def _end(spec: dict[str, Any], default_source: str, start: date) -> date | None:
    if not spec:
        return None
    source = spec.get("source", default_source)
    for year in (start.year, start.year + 1):
        entries, _ = table_year(source, year)
        for day, _estimated in entries.get(str(spec.get("name", "")).lower(), ()):
            if start <= day <= start + timedelta(END_WINDOW_DAYS):
                return day + timedelta(spec.get("offset", 0))
    return None


def _check_name(value: Any) -> str | None:
    if isinstance(value, list | tuple) and value and all(
            isinstance(v, str) and v.strip() for v in value):
        return None
    return text("name (Name in der Tabelle)")(value)


def _check_source(value: Any) -> str | None:
    try:
        table_class(value)
    except (KeyError, TypeError):
        return (f"unbekannte Tabelle {value!r} (holidays:<Ländercode>, z. B. "
                "holidays:IN)")
    return None


def known_names(source: str) -> set[str]:
    lo, hi = table_years(source)
    probe = range(max(lo, 2015), min(hi, 2035) + 1) or range(lo, min(hi, lo + 20) + 1)
    names: set[str] = set()
    for year in probe:
        names.update(table_year(source, year)[0])
    return names


def _name_in(source: str, name: Any, what: str) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return f"ungültiger Wert {name!r} für {what} (der Name des Feiertags in {source})"
    names = known_names(source)
    if name.lower() not in names:
        close = difflib.get_close_matches(name.lower(), sorted(names), n=3, cutoff=0.5)
        hint = f"; ähnlich: {', '.join(close)}" if close else ""
        return (f"{what} {name!r} steht 2015–2035 nicht in {source} (der englische "
                f"Name aus der Tabelle{hint})")
    return None


def _check(rule: Rule) -> str | None:
    source = rule.get("source")
    for name in _names(rule.get("name")):
        problem = _name_in(source, name, "name")
        if problem:
            return problem
    end = rule.get("end")
    if end is not None:
        spec = dict(end) if isinstance(end, tuple) else {}
        end_source = spec.get("source", source)
        if not spec or _check_source(end_source) or any_int("offset (Verschiebung in Tagen)")(spec.get("offset", 0)):
            return (f"ungültiges end {end!r} ({{source: holidays:XX, name: ..., "
                    "offset: Tage}})")
        return _name_in(end_source, spec.get("name"), "end: name")
    return None


TABLE = RuleKind(
    "table",
    (
        Field("source", _check_source),
        Field("name", _check_name),
        Field("offset", any_int("offset (Verschiebung in Tagen)"), required=False),
        Field("end", lambda v: None, required=False),
    ),
    YEARS,
    GREGORIAN_YEARS,
    table,
    lambda rule: source_text(rule.get("source")),
    "the class's start_year–end_year within 1900–2100; lunisolar tables hold fewer years "
    "(Hindu 2001–2035, NP 2010–2035, LK 2003–2026)",
    check=_check,
)
