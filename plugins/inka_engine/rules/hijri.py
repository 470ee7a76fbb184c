"""Hijri dates by Diyanet's calendar (kind ``hijri``) and by Umm al-Qura (``hijri-umm-al-qura``).

``hijri`` — the calendar of Diyanet İşleri Başkanlığı, which DITIB and most German mosque
associations follow. Every month start 1900–2100 comes from the committed table
``data/diyanet_months.csv``, computed with Diyanet's own method (the 2016 Istanbul criterion,
:mod:`inka_engine.istanbul2016`). Months whose start Diyanet has published (its "Dini Günler"
lists, :data:`DIYANET_PUBLISHED`) are ``confirmed``, with the list as source; all other dates
are ``estimated`` (Diyanet may still publish a different day: ``variance_days``).

``hijri-umm-al-qura`` — the Umm al-Qura calendar of Saudi Arabia (``hijridate``,
1343–1500 AH = 1924-08-01 … 2077-11-15): shown on the pages as the alternative tradition
(``variants:`` of the Islamic holidays), never the primary date.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from convertdate import islamic as _tabular
from hijridate import Gregorian as _Gregorian
from hijridate import Hijri as _Hijri

from .. import diyanet
from ..errors import require_year
from ..model import Rule
from ..texts import N_, Source
from .base import Calendar, Computed, Field, RuleKind, int_in

UMM_AL_QURA_YEARS = (1343, 1500)
UMM_AL_QURA_GREGORIAN = (1924, 2077)
YEARS = (1900, 2100)
#: Shown to residents: no program names (the code's sources are named in the docstring).
DIYANET_SOURCE = Source(N_("Diyanet İşleri Başkanlığı (Dini Günler)"))
DIYANET_METHOD = Source(N_("Diyanet-Kalender, berechnet nach Diyanets Verfahren "
                           "(Kriterium des Hidschri-Kalender-Kongresses Istanbul 2016)"))
UMM_AL_QURA_SOURCE = Source(N_("vorausberechnet nach dem Umm-al-Qura-Kalender"))
#: Where the files that make these dates live (feeds stamp events with their last change).
DATA_FILES = (diyanet.TABLE_PATH,)

#: The residents read the list's name in their language (its year is in the comment below).
_DINI_GUNLER_2025 = _DINI_GUNLER_2026 = DIYANET_SOURCE
#: Month starts Diyanet has published: (Hijri year, month) → (first day, source). Read from
#: Diyanet's "Dini Günler" lists as reprinted by the press: 2025 — sozcu.com.tr "Üç aylar ne
#: zaman başlıyor" (Recep 1446 = 1 Jan, Şaban = 31 Jan, Ramazan = 1 Mar, Şevval = 30 Mar
#: 2025); Mevlid Kandili 3 Sep 2025 (yenisafak.com) ⇒ 1 Rebiülevvel 1447 = 24 Aug;
#: 2025/2026 — yenisafak.com "Recep, Şaban, Ramazan aylarının 2025 tarihleri" (Üç ayların
#: başlangıcı 21 Dec 2025, Berat Kandili 2 Feb 2026 ⇒ 1 Şaban = 20 Jan, Ramazan 19 Feb,
#: Ramazan Bayramı 20 Mar, Kurban Bayramı 27 May 2026 ⇒ 1 Zilhicce = 18 May); Mevlid
#: Kandili 24 Aug 2026 (elipshaber.com) ⇒ 1 Rebiülevvel 1448 = 14 Aug 2026.
DIYANET_PUBLISHED: dict[tuple[int, int], tuple[date, str]] = {
    (1446, 7): (date(2025, 1, 1), _DINI_GUNLER_2025),
    (1446, 8): (date(2025, 1, 31), _DINI_GUNLER_2025),
    (1446, 9): (date(2025, 3, 1), _DINI_GUNLER_2025),
    (1446, 10): (date(2025, 3, 30), _DINI_GUNLER_2025),
    (1447, 3): (date(2025, 8, 24), _DINI_GUNLER_2025),
    (1447, 7): (date(2025, 12, 21), _DINI_GUNLER_2025),
    (1447, 8): (date(2026, 1, 20), _DINI_GUNLER_2026),
    (1447, 9): (date(2026, 2, 19), _DINI_GUNLER_2026),
    (1447, 10): (date(2026, 3, 20), _DINI_GUNLER_2026),
    (1447, 12): (date(2026, 5, 18), _DINI_GUNLER_2026),
    (1448, 3): (date(2026, 8, 14), _DINI_GUNLER_2026),
}


def hijri(rule: Rule, year: int) -> Computed | None:
    """A Hijri date in Diyanet's calendar."""
    month, day = rule.get("month"), rule.get("day")
    published = DIYANET_PUBLISHED.get((year, month))
    if published is not None:
        first, source = published
        start = diyanet.to_gregorian(year, month, day)
        if start is None:
            return None
        shift = first - diyanet.to_gregorian(year, month, 1)  # type: ignore[operator]
        return Computed(year, start + shift, confirmed=True, source=source)
    start = diyanet.to_gregorian(year, month, day)
    if start is None:
        require_year(year, diyanet.years(), "islamisches Jahr",
                     "der berechneten Diyanet-Tabelle", " n. H.")
        return None
    return Computed(year, start, source=DIYANET_METHOD)


def hijri_umm_al_qura(rule: Rule, year: int) -> Computed | None:
    """A Hijri date in the Umm al-Qura calendar (the alternative tradition)."""
    start = umm_al_qura(year, rule.get("month"), rule.get("day"))
    return None if start is None else Computed(year, start, source=UMM_AL_QURA_SOURCE)


@lru_cache(maxsize=65536)
def umm_al_qura(year: int, month: int, day: int) -> date | None:
    require_year(year, UMM_AL_QURA_YEARS, "islamisches Jahr", "der Umm-al-Qura-Tabelle",
                 " n. H. = 1924-08-01 … 2077-11-15")
    try:
        return date(*_Hijri(year, month, day).to_gregorian().datetuple())
    except ValueError:  # day 30 of a 29-day month
        return None


@lru_cache(maxsize=65536)
def hijri_year_of(day: date) -> int:
    found = diyanet.from_gregorian(day)
    if found is not None:
        return found[0]
    try:
        return _Gregorian(day.year, day.month, day.day).to_hijri().year
    except (OverflowError, ValueError):
        return _tabular.from_gregorian(day.year, day.month, day.day)[0]


def hijri_years(start: date, end: date) -> range:
    """Hijri years that may have a date in [start, end] (tabular calendar, with a margin)."""
    first = _tabular.from_gregorian(start.year, start.month, start.day)[0]
    last = _tabular.from_gregorian(end.year, end.month, end.day)[0]
    return range(first - 1, last + 2)


def _hijri_plausible(rule: Rule, cycle: int, asked: tuple[date, date]) -> bool:
    """The tabular date of the rule in this Hijri year, within three days of ``asked``."""
    approx = date(*_tabular.to_gregorian(cycle, rule.get("month", 1), rule.get("day", 1)))
    return asked[0] - timedelta(3) <= approx <= asked[1] + timedelta(3)


#: Occurrences numbered by the Hijri year.
HIJRI_YEARS = Calendar("hijri", hijri_years, hijri_year_of, _hijri_plausible)


_FIELDS = (Field("month", int_in(1, 12, "month (Monat im islamischen Kalender)")),
           Field("day", int_in(1, 30, "day (Tag)")))

HIJRI = RuleKind(
    "hijri", _FIELDS, YEARS, HIJRI_YEARS, hijri, lambda rule: DIYANET_METHOD,
    "1900–2100 (Diyanet's calendar: the 2016 Istanbul criterion, committed table "
    "data/diyanet_months.csv; published months confirmed)",
)

HIJRI_UMM_AL_QURA = RuleKind(
    "hijri-umm-al-qura", _FIELDS, UMM_AL_QURA_GREGORIAN, HIJRI_YEARS, hijri_umm_al_qura,
    lambda rule: UMM_AL_QURA_SOURCE,
    "1924-08-01 … 2077-11-15 (hijridate Umm al-Qura, 1343–1500 AH)",
)
