"""iCalendar files of the events (design.md §6), written with ``icalendar``. No Pelican.

One file per event (``/veranstaltungen/<slug>.ics``) and one feed of all events per language
(``/veranstaltungen/veranstaltungen.ics``, past events stay in it).

- UID ``event-<slug>@<INKA_UID_DOMAIN>``: the same in every language and every file.
- Timed events: ``DTSTART;TZID=Europe/Berlin`` plus a ``VTIMEZONE`` made from zoneinfo.
- All-day events: ``VALUE=DATE`` with an exclusive ``DTEND`` (the day after the last day).
- A timed event without ``end`` ends after the ``duration`` its editor states (``invoke
  check`` asks for one); without either it has no ``DTEND`` (RFC 5545 §3.6.1: it ends at its
  start) — we never invent an end.
- ``DTSTAMP`` = ``LAST-MODIFIED`` = the last commit that touched the event's files, and
  ``SEQUENCE`` counts the changes since (:mod:`inka_engine.history`): an unrelated commit or
  a rebuild on another day leaves the VEVENT byte-identical. Without git: ``SOURCE_DATE_EPOCH``,
  else a fixed time (never the clock).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from icalendar import Calendar, Event

from content_model.duration import parse_duration
from inka_engine.bidi import is_rtl, isolate
from site_core.history import Change

PRODID = "-//Stadt Dortmund//MIA-DO-KI Veranstaltungen//DE"


def uid(slug: str, domain: str) -> str:
    return f"event-{slug}@{domain}"


def location_text(location: dict[str, str]) -> str:
    return ", ".join(v for v in (location.get("name"), location.get("address")) if v)


#: Every attribute of an event that :func:`event_component` reads: with the URL, the change and
#: the calendar's own texts they are what an event's VEVENT is made of (the key of the .ics
#: files kept between builds, mia_site.events_cache; a test holds the two together).
FIELDS = ("slug", "title", "summary_text", "start", "end", "all_day", "location", "duration",
          "event_status", "lang", "content_lang")


def inputs(event: Any) -> tuple[tuple[str, Any], ...]:
    """(name, value) of each of :data:`FIELDS` (None when the event has no such attribute)."""
    return tuple((name, getattr(event, name, None)) for name in FIELDS)


def event_component(event: Any, *, url: str, stamp: dt.datetime, uid_domain: str,
                    change: Change | None = None) -> Event:
    """One VEVENT. ``event`` has slug, title, summary_text, start, end, all_day, location,
    organizer, event_status, lang and optionally content_lang (a page of the build or a
    stand-in in tests), and may have ``duration`` (used when ``end`` is missing). ``change``
    gives DTSTAMP, LAST-MODIFIED and SEQUENCE; without it ``stamp`` is used and SEQUENCE is 0."""
    change = change or Change(stamp, 0)
    vevent = Event()
    vevent.add("uid", uid(event.slug, uid_domain))
    vevent.add("dtstamp", change.stamp)
    vevent.add("last-modified", change.stamp)
    vevent.add("sequence", change.sequence)
    if event.all_day:
        last = (event.end or event.start).date()
        vevent.add("dtstart", event.start.date())
        vevent.add("dtend", last + dt.timedelta(days=1))
    else:
        vevent.add("dtstart", event.start)
        span = parse_duration(getattr(event, "duration", None))
        if event.end is not None:
            vevent.add("dtend", event.end)
        elif span is not None:
            vevent.add("dtend", event.start + span)
    # A language's version of an event is its translation, or the German text (a fallback
    # page: content_lang "de"): LANGUAGE= names the language the text really is in.
    lang = getattr(event, "content_lang", None) or event.lang
    title, text = event.title, f"{event.summary_text}\n\n{url}"
    if is_rtl(lang):
        title, text = isolate(title), isolate(text)
    vevent.add("summary", title, parameters={"LANGUAGE": lang})
    vevent.add("description", text, parameters={"LANGUAGE": lang})
    where = location_text(event.location)
    if where:
        vevent.add("location", where)
    vevent.add("url", url)
    cancelled = getattr(event, "event_status", "confirmed") == "cancelled"
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    vevent.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return vevent


def calendar(events: Iterable[tuple[Any, str]], *, name: str, description: str,
             stamp: dt.datetime, uid_domain: str,
             change_for: Any = None) -> Calendar:
    """A VCALENDAR of (event, absolute page URL) pairs, with the VTIMEZONEs its times need.
    ``change_for(event)`` gives each event's :class:`~inka_engine.history.Change`."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-caldesc", description)
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    for event, url in events:
        change = change_for(event) if change_for is not None else None
        cal.add_component(event_component(event, url=url, stamp=stamp, uid_domain=uid_domain,
                                          change=change))
    # The VTIMEZONE for every TZID used, from zoneinfo; a short range keeps the file small.
    years = [c.decoded("dtstart").year for c in cal.walk("VEVENT")]
    if years:
        cal.add_missing_timezones(dt.date(min(years) - 1, 1, 1), dt.date(max(years) + 2, 1, 1))
        _one_rdate_per_line(cal)
    return cal


def _one_rdate_per_line(cal: Calendar) -> None:
    """Write each onset of a VTIMEZONE as its own RDATE line, the first one (DTSTART) too.

    icalendar lists the onsets in one comma-separated RDATE; both forms are RFC 5545, but
    ical.js (Thunderbird's parser) reads only the first value of such a list and ignores
    DTSTART when RDATEs exist, and then puts summer events an hour off. tests/events checks
    every event time with ical.js."""
    for tz in cal.walk("VTIMEZONE"):
        for onset in tz.subcomponents:
            rdate = onset.get("RDATE")
            if rdate is None:
                continue
            lists = rdate if isinstance(rdate, list) else [rdate]
            moments = [onset.decoded("DTSTART")] + [d.dt for item in lists for d in item.dts]
            del onset["RDATE"]
            for moment in moments:
                onset.add("RDATE", moment)


def to_ics(cal: Calendar) -> bytes:
    """RFC 5545 bytes (CRLF line ends, lines folded at 75 octets)."""
    return cal.to_ical()
