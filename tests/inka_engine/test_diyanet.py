"""Diyanet's Hijri calendar by the 2016 Istanbul criterion (issue 15).

Published month starts are from Diyanet's "Dini Günler" lists as reprinted by the press:
- 2020: haber50.com "2020 yılı dini günler listesi" — every month start of the year (the rows
  marked "........" are the first days of the months without a religious day).
- 2021: gundem13.com "Diyanet dini günler takvimi – 2021" (C.Ahir … Şevval 1442).
- 2023: artisiirt.com "Diyanet takvimi: Üç aylar başlangıcı" (2023 Dini Günler Listesi).
- 2025: sozcu.com.tr "Üç aylar ne zaman başlıyor" (2025 Yılı Dini Günler Takvimi);
  yenisafak.com "Recep, Şaban, Ramazan aylarının 2025 tarihleri" (2025–2026 list).
A night is listed by Diyanet on the civil date of its evening ("Kadir Gecesi 26 Mart 2025").
"""

from __future__ import annotations

import datetime as dt

import pytest
from inka_test_support import REPO as ROOT

from inka_engine import diyanet, load_holidays, occurrences
from inka_engine.rules.hijri import DIYANET_PUBLISHED

D = dt.date
#: (Hijri year, month) → first day, as published by Diyanet.
PUBLISHED = {
    # 2020 (haber50.com): Cemaziyelahir 1441 … Cemaziyelevvel 1442
    (1441, 6): D(2020, 1, 26), (1441, 7): D(2020, 2, 25), (1441, 8): D(2020, 3, 25),
    (1441, 9): D(2020, 4, 24), (1441, 10): D(2020, 5, 24), (1441, 11): D(2020, 6, 22),
    (1441, 12): D(2020, 7, 22), (1442, 1): D(2020, 8, 20), (1442, 2): D(2020, 9, 18),
    (1442, 3): D(2020, 10, 18), (1442, 4): D(2020, 11, 16), (1442, 5): D(2020, 12, 16),
    # 2021 (gundem13.com): Cemaziyelahir … Şevval 1442
    (1442, 6): D(2021, 1, 14), (1442, 7): D(2021, 2, 13), (1442, 8): D(2021, 3, 14),
    (1442, 9): D(2021, 4, 13), (1442, 10): D(2021, 5, 13),
    # 2023 (artisiirt.com): Receb, Şaban, Ramazan 1444
    (1444, 7): D(2023, 1, 23), (1444, 8): D(2023, 2, 21), (1444, 9): D(2023, 3, 23),
    # 2025/2026 (sozcu.com.tr, yenisafak.com)
    (1446, 7): D(2025, 1, 1), (1446, 8): D(2025, 1, 31), (1446, 9): D(2025, 3, 1),
    (1446, 10): D(2025, 3, 30), (1447, 7): D(2025, 12, 21), (1447, 9): D(2026, 2, 19),
    (1447, 10): D(2026, 3, 20), (1447, 12): D(2026, 5, 18),
}


def test_the_table_matches_every_published_month_start() -> None:
    for (year, month), first in PUBLISHED.items():
        assert diyanet.to_gregorian(year, month, 1) == first, (year, month)
    for (year, month), (first, _source) in DIYANET_PUBLISHED.items():
        assert diyanet.to_gregorian(year, month, 1) == first, (year, month)


def test_the_table_covers_1900_to_2100_with_months_of_29_or_30_days() -> None:
    _numbers, starts = diyanet.month_starts()
    assert starts[0] <= D(1900, 1, 1) and starts[-1] >= D(2100, 12, 31)
    lengths = diyanet.month_lengths()
    assert set(lengths) == {29, 30}
    assert len(lengths) > 2480


def _eid_cross_check(years: range) -> tuple[int, int, int]:
    """python-holidays TR's Eid dates (Diyanet's own): exact, ±1, other."""
    from holidays.countries.turkey import TurkeyIslamicHolidays

    table = TurkeyIslamicHolidays()
    exact = near = other = 0
    for year in years:
        for method, month, day in (("eid_al_fitr_dates", 10, 1), ("eid_al_adha_dates", 12, 10)):
            for published, estimated in getattr(table, method)(year):
                if estimated or published.year != year:
                    continue
                found = diyanet.from_gregorian(published)
                assert found is not None
                hijri_year = found[0] if found[1] >= month - 1 else found[0] - 1
                ours = diyanet.to_gregorian(hijri_year, month, day)
                assert ours is not None
                distance = abs((ours - published).days)
                exact += distance == 0
                near += distance == 1
                other += distance > 1
    return exact, near, other


def test_python_holidays_turkey_eids_cross_check() -> None:
    """Cross-check only. Since 2017 Diyanet computes with the 2016 criterion: every Eid of
    python-holidays TR 2017–2032 agrees. Before, Diyanet used older rules (the 1978 Istanbul
    criterion, earlier sighting): none differs by more than a day."""
    exact, near, other = _eid_cross_check(range(2017, 2033))
    assert (exact, near, other) == (32, 0, 0)
    exact, near, other = _eid_cross_check(range(1936, 2017))
    assert other == 0 and exact + near > 150


@pytest.mark.slow  # ephemeris computations (seconds): the unit tier trusts the committed table
def test_skyfield_recomputes_a_sample_of_months() -> None:
    """The committed table is what the criterion gives (DE421 from skyfield-data: offline)."""
    pytest.importorskip("skyfield")
    pytest.importorskip("skyfield_data")
    from inka_engine.istanbul2016 import Istanbul2016, ephemeris_path

    calendar = Istanbul2016(ephemeris_path(prefer_long=False))
    samples = [(1905, 4), (1950, 9), (1987, 1), (2016, 6), (2026, 2), (2031, 11)]
    for year, month in samples:
        start = D(year, month, 1)
        for conjunction, first, _exception in calendar.month_starts(
                start, start + dt.timedelta(days=30)):
            assert diyanet.from_gregorian(first) is not None
            assert diyanet.from_gregorian(first)[2] == 1, (conjunction, first)  # type: ignore[index]
            assert diyanet.from_gregorian(first - dt.timedelta(days=1))[2] in (29, 30)  # type: ignore[index]


def test_engine_dates_follow_diyanet() -> None:
    holidays = load_holidays(ROOT / "content" / "inka")
    found = {(o.key, o.start.year): o for o in occurrences(
        holidays, D(2025, 1, 1), D(2026, 12, 31), communities=["islamisch"])}
    ramadan = found["ramadan-beginn", 2026]
    assert ramadan.start == D(2026, 2, 19) and ramadan.status == "confirmed"
    assert "Diyanet" in ramadan.source and "python-holidays" not in ramadan.source
    # Nights are shown on their evening, as Diyanet lists them.
    assert found["lailat-al-qadr", 2026].shown_start == D(2026, 3, 16)
    assert found["lailat-al-qadr", 2025].shown_start == D(2025, 3, 26)
    assert found["lailat-al-miradsch", 2025].shown_start == D(2025, 1, 26)
    assert found["lailat-al-baraa", 2025].shown_start == D(2025, 2, 13)
    assert found["maulid", 2025].shown_start == D(2025, 9, 3)
    assert found["maulid", 2025].night and found["maulid", 2025].evening == D(2025, 9, 3)
    # Umm al-Qura is the named alternative: Ramadan 2026 begins a day earlier there.
    assert [(a.start, "Umm-al-Qura" in a.who) for a in ramadan.alternatives] == [
        (D(2026, 2, 18), True)]


def test_no_impossible_ramadan_in_any_year() -> None:
    holidays = [h for h in load_holidays(ROOT / "content" / "inka")
                if h.key in ("ramadan-beginn", "eid-al-fitr") and h.community == "islamisch"]
    found = occurrences(holidays, D(1901, 1, 1), D(2099, 12, 31))
    begins = {o.occurrence: o.start for o in found if o.key == "ramadan-beginn"}
    ends = {o.occurrence: o.start for o in found if o.key == "eid-al-fitr"}
    lengths = {(ends[y] - begins[y]).days for y in begins if y in ends}
    assert lengths == {29, 30}
