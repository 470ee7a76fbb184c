"""Upcoming/past split and event ends (mia_site.events), with a fixed "today".

Reference dates: the Internationale Woche 2025 ran from Saturday 21 to Sunday 29 June 2025 and
opened with the Münsterstraßenfest on 21 June 2025 at 12:00, end not announced (Stadt Dortmund,
press release of 26 May 2025, as in content/events/). Summer time in Germany 2025: 30 March to
26 October (UTC+2), so midnight after 29 June is 2025-06-29T22:00Z.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from mia_site.events import ends_at, is_past, language_names, series_members, split_events

BERLIN = ZoneInfo("Europe/Berlin")


def event(slug: str, start: dt.datetime, end: dt.datetime | None, all_day: bool,
          series: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(slug=slug, title=slug, start=start, end=end, all_day=all_day,
                           series=series)


WOCHE = event("internationale-woche-2025", dt.datetime(2025, 6, 21, tzinfo=BERLIN),
              dt.datetime(2025, 6, 29, tzinfo=BERLIN), True, "internationale-woche-2025")
FEST = event("muensterstrassenfest-2025", dt.datetime(2025, 6, 21, 12, tzinfo=BERLIN), None,
             False, "internationale-woche-2025")
PREIS = event("integrationspreis-2023-verleihung", dt.datetime(2023, 12, 20, tzinfo=BERLIN),
              dt.datetime(2023, 12, 20, tzinfo=BERLIN), True)
VORLESETAG = event("bundesweiter-vorlesetag-2025", dt.datetime(2025, 11, 21, tzinfo=BERLIN),
                   dt.datetime(2025, 11, 21, tzinfo=BERLIN), True)
ALL = [VORLESETAG, FEST, PREIS, WOCHE]


def slugs(items: list[SimpleNamespace]) -> list[str]:
    return [e.slug for e in items]


def test_all_day_event_ends_at_midnight_after_its_last_day() -> None:
    assert ends_at(WOCHE) == dt.datetime(2025, 6, 30, tzinfo=BERLIN)
    assert ends_at(WOCHE).astimezone(dt.UTC) == dt.datetime(2025, 6, 29, 22, tzinfo=dt.UTC)


def test_timed_event_without_end_runs_until_the_end_of_its_day() -> None:
    assert ends_at(FEST) == dt.datetime(2025, 6, 22, tzinfo=BERLIN)


def test_timed_event_with_end() -> None:
    talk = event("x", dt.datetime(2026, 1, 10, 18, tzinfo=BERLIN),
                 dt.datetime(2026, 1, 10, 20, tzinfo=BERLIN), False)
    assert ends_at(talk).isoformat() == "2026-01-10T20:00:00+01:00"


@pytest.mark.parametrize(("today", "past"), [
    (dt.date(2025, 6, 20), False),
    (dt.date(2025, 6, 21), False),
    (dt.date(2025, 6, 29), False),  # the last day still counts as upcoming
    (dt.date(2025, 6, 30), True),
])
def test_multi_day_event(today: dt.date, past: bool) -> None:
    assert is_past(WOCHE, today) is past


def test_split_on_the_opening_day() -> None:
    upcoming, past = split_events(ALL, dt.date(2025, 6, 21))
    assert slugs(upcoming) == ["internationale-woche-2025", "muensterstrassenfest-2025",
                               "bundesweiter-vorlesetag-2025"]
    assert [(year, slugs(items)) for year, items in past] == [
        (2023, ["integrationspreis-2023-verleihung"])]


def test_split_the_day_after_the_festival() -> None:
    upcoming, past = split_events(ALL, dt.date(2025, 6, 22))
    assert slugs(upcoming) == ["internationale-woche-2025", "bundesweiter-vorlesetag-2025"]
    assert [(year, slugs(items)) for year, items in past] == [
        (2025, ["muensterstrassenfest-2025"]), (2023, ["integrationspreis-2023-verleihung"])]


def test_split_at_new_year_2026_everything_is_past_latest_first() -> None:
    upcoming, past = split_events(ALL, dt.date(2026, 1, 1))
    assert upcoming == []
    assert [(year, slugs(items)) for year, items in past] == [
        (2025, ["bundesweiter-vorlesetag-2025", "muensterstrassenfest-2025",
                "internationale-woche-2025"]),
        (2023, ["integrationspreis-2023-verleihung"]),
    ]


def test_series_members_exclude_the_parent() -> None:
    assert {k: slugs(v) for k, v in series_members(ALL).items()} == {
        "internationale-woche-2025": ["muensterstrassenfest-2025"]}


@pytest.mark.parametrize(("lang", "names"), [
    # CLDR language names (unicode.org, via Babel)
    ("de", ["Deutsch", "Türkisch", "Arabisch"]),
    ("en", ["German", "Turkish", "Arabic"]),
    ("tr", ["Almanca", "Türkçe", "Arapça"]),
    ("pl", ["niemiecki", "turecki", "arabski"]),
])
def test_language_names_in_the_readers_language(lang: str, names: list[str]) -> None:
    assert language_names(["de", "tr", "ar"], lang) == names
