"""What the event pages and lists need, as pure functions (no Pelican): the moment an event
ends, the upcoming/past split for a given day, series, and language names.

An *event* here is anything with ``start`` and ``end`` (aware ``datetime``; ``end`` may be
None), ``all_day`` (bool) and ``title`` — Pelican pages in the build, simple objects in tests.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from babel import Locale

from site_core.languages import babel_locale


class EventLike(Protocol):
    start: dt.datetime
    end: dt.datetime | None
    all_day: bool
    title: str


def ends_at(event: EventLike) -> dt.datetime:
    """The moment an event is over, as an aware date-time in its own time zone.

    All-day events end at midnight after their last day; a timed event without an end time
    (not known yet, we never guess one) counts as running until the end of its day."""
    if event.all_day or event.end is None:
        last = (event.end or event.start).date()
        tz = event.start.tzinfo
        return dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=tz)
    return event.end


def is_past(event: EventLike, today: dt.date) -> bool:
    """Past when its last day is before ``today`` (the build date; the browser refines it)."""
    return (ends_at(event) - dt.timedelta(microseconds=1)).date() < today


def split_events(events: Iterable[Any], today: dt.date,
                 ) -> tuple[list[Any], list[tuple[int, list[Any]]]]:
    """(upcoming soonest first, [(year, past events latest first)] latest year first).

    An event running on ``today`` is upcoming; one that ended yesterday is past. Past events
    are grouped by the year they started in."""
    upcoming = sorted((e for e in events if not is_past(e, today)),
                      key=lambda e: (e.start, e.title))
    past = sorted((e for e in events if is_past(e, today)),
                  key=lambda e: (e.start, e.title), reverse=True)
    by_year: dict[int, list[Any]] = defaultdict(list)
    for event in past:
        by_year[event.start.year].append(event)
    return upcoming, sorted(by_year.items(), reverse=True)


def series_members(events: Sequence[Any]) -> dict[str, list[Any]]:
    """series slug → the events that name it (the parent itself excluded), by start."""
    members: dict[str, list[Any]] = defaultdict(list)
    for event in events:
        series = getattr(event, "series", None)
        if series and series != event.slug:
            members[series].append(event)
    return {k: sorted(v, key=lambda e: (e.start, e.title)) for k, v in members.items()}


def language_names(codes: Iterable[str], lang: str) -> list[str]:
    """Names of languages in the reader's language ('tr' → 'Türkisch' on a German page)."""
    names = Locale.parse(babel_locale(lang)).languages
    return [names.get(code, code) for code in codes]
