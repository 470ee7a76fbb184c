"""The event feeds' format, made in this process by the Pelican-free writer
(mia_site.events_ical) from stand-ins with the facts of two real events: a timed event without
an end (content/events/muensterstrassenfest-2025.md: 21 June 2025, 12:00, ``duration: "10:00"``)
and an all-day event over several days (content/events/internationale-woche-2025.md: 21 to 29
June 2025). The site's own event files are checked in tests/events/test_event_feeds.py."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from icalendar import Calendar

from mia_site.events_ical import calendar, to_ics

BERLIN = ZoneInfo("Europe/Berlin")
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
DOMAIN = "mia-do-ki.dortmund.de"


def ics(**fields: object) -> bytes:
    values = {"slug": "fest", "title": "Fest", "summary_text": "Ein Fest.", "end": None,
              "all_day": False, "location": {}, "lang": "de"}
    item = SimpleNamespace(**{**values, **fields})
    return to_ics(calendar([(item, "https://x.example/fest/")], name="Veranstaltungen",
                           description="Termine", stamp=STAMP, uid_domain=DOMAIN))


def test_timed_event_without_end_ends_after_the_stated_duration() -> None:
    raw = ics(start=dt.datetime(2025, 6, 21, 12, tzinfo=BERLIN), duration="10:00",
              location={"name": "Münsterstraße (Nordstadt)",
                        "address": "Münsterstraße, 44145 Dortmund"})
    assert b"DTSTART;TZID=Europe/Berlin:20250621T120000\r\n" in raw
    assert b"DTEND;TZID=Europe/Berlin:20250621T220000\r\n" in raw
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n" in raw
    (event,) = Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["LOCATION"]) == "Münsterstraße (Nordstadt), Münsterstraße, 44145 Dortmund"
    assert (str(event["STATUS"]), str(event["TRANSP"])) == ("CONFIRMED", "OPAQUE")


def test_all_day_event_has_exclusive_date_end() -> None:
    raw = ics(start=dt.datetime(2025, 6, 21, tzinfo=BERLIN),
              end=dt.datetime(2025, 6, 29, tzinfo=BERLIN), all_day=True)
    assert b"DTSTART;VALUE=DATE:20250621\r\n" in raw
    assert b"DTEND;VALUE=DATE:20250630\r\n" in raw  # last day 29 June, exclusive end
    (event,) = Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["TRANSP"]) == "TRANSPARENT"


def test_cancelled_event_is_cancelled_in_the_feed() -> None:
    raw = ics(start=dt.datetime(2026, 2, 1, tzinfo=BERLIN), all_day=True,
              event_status="cancelled")
    (event,) = Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == f"event-fest@{DOMAIN}"
