"""Hijri dates: Diyanet where python-holidays' TR table has confirmed Eid dates, else Umm al-Qura.

Diyanet (the calendar of DITIB and most German mosque associations) publishes its Eid dates;
python-holidays' ``TR`` class carries them as confirmed for 1936–2032 (dates outside that
range are marked "(estimated)" and are not used). A Diyanet Eid fixes the start of its Hijri
month, so every day of Shawwal (from Ramazan Bayramı) and of Dhu al-Hijja (from Kurban
Bayramı) is taken from Diyanet and counted as confirmed. All other dates come from the Umm
al-Qura table in ``hijridate`` (1343–1500 AH = 1924-08-01 … 2077-11-15) and are estimated.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from convertdate import islamic as _tabular
from hijridate import Gregorian as _Gregorian
from hijridate import Hijri as _Hijri
from holidays.countries.turkey import TurkeyIslamicHolidays

from ..errors import OutOfRange
from ..model import Rule
from ..texts import N_, Source
from .base import Computed, Field, RuleKind, int_in

UMM_AL_QURA_YEARS = (1343, 1500)
YEARS = (1924, 2077)
#: Shown to residents: no program names (the code's sources are named in the docstring).
DIYANET_SOURCE = Source(N_("Diyanet İşleri Başkanlığı (Dini Günler)"))
UMM_AL_QURA_SOURCE = Source(N_("vorausberechnet nach dem Umm-al-Qura-Kalender"))

#: Hijri month → (day of the Diyanet-published anchor in that month, TR calendar method).
_DIYANET_ANCHORS = {10: (1, "eid_al_fitr_dates"), 12: (10, "eid_al_adha_dates")}


@lru_cache(maxsize=65536)
def umm_al_qura(year: int, month: int, day: int) -> date | None:
    if not UMM_AL_QURA_YEARS[0] <= year <= UMM_AL_QURA_YEARS[1]:
        raise OutOfRange(
            f"islamisches Jahr {year} liegt außerhalb der Umm-al-Qura-Tabelle ("
            f"{UMM_AL_QURA_YEARS[0]}–{UMM_AL_QURA_YEARS[1]} n. H. = 1924-08-01 … 2077-11-15)"
        )
    try:
        return date(*_Hijri(year, month, day).to_gregorian().datetuple())
    except ValueError:  # day 30 of a 29-day month
        return None


@lru_cache(maxsize=1)
def _turkey() -> TurkeyIslamicHolidays:
    return TurkeyIslamicHolidays()


@lru_cache(maxsize=4096)
def diyanet_dates(method: str, year: int) -> tuple[date, ...]:
    """Diyanet-confirmed (not estimated) dates of one Eid that fall in Gregorian ``year``."""
    found = getattr(_turkey(), method)(year)
    return tuple(sorted(d for d, estimated in found if not estimated and d.year == year))


def diyanet_anchor(month: int, near: date) -> tuple[int, date] | None:
    """The Diyanet anchor day in ``month`` nearest to the Umm al-Qura date ``near``."""
    if month not in _DIYANET_ANCHORS:
        return None
    anchor_day, method = _DIYANET_ANCHORS[month]
    candidates = [
        d for y in {near.year - 1, near.year, near.year + 1} for d in diyanet_dates(method, y)
    ]
    close = [d for d in candidates if abs((d - near).days) <= 3]
    if not close:
        return None
    return anchor_day, min(close, key=lambda d: abs((d - near).days))


def hijri(rule: Rule, year: int) -> Computed | None:
    month, day = rule.get("month"), rule.get("day")
    estimate = umm_al_qura(year, month, day)
    if estimate is None:
        return None
    if month in _DIYANET_ANCHORS and day <= 29:
        anchor_day = _DIYANET_ANCHORS[month][0]
        anchor_estimate = umm_al_qura(year, month, anchor_day)
        found = diyanet_anchor(month, anchor_estimate) if anchor_estimate else None
        if found is not None:
            start = found[1] + timedelta(day - found[0])
            return Computed(year, start, confirmed=True, source=DIYANET_SOURCE)
    return Computed(year, estimate)


@lru_cache(maxsize=65536)
def hijri_year_of(day: date) -> int:
    try:
        return _Gregorian(day.year, day.month, day.day).to_hijri().year
    except (OverflowError, ValueError):
        return _tabular.from_gregorian(day.year, day.month, day.day)[0]


def hijri_years(start: date, end: date) -> range:
    """Hijri years that may have a date in [start, end] (tabular calendar, with a margin)."""
    first = _tabular.from_gregorian(start.year, start.month, start.day)[0]
    last = _tabular.from_gregorian(end.year, end.month, end.day)[0]
    return range(first - 1, last + 2)


HIJRI = RuleKind(
    "hijri",
    (Field("month", int_in(1, 12, "month (Monat im islamischen Kalender)")), Field("day", int_in(1, 30, "day (Tag)"))),
    YEARS,
    "hijri",
    hijri,
    lambda rule: UMM_AL_QURA_SOURCE,
    "1924-08-01 … 2077-11-15 (hijridate Umm al-Qura, 1343–1500 AH); "
    "Diyanet-confirmed Eid months 1936–2032 (python-holidays TR)",
)
