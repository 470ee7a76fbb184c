"""iCalendar feeds of holiday occurrences (design.md §6), written with ``icalendar``.

The site's feeds and ``python -m inka_engine --format ics`` share :func:`build_calendar`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from .constants import DEFAULT_LANGUAGE, DEFAULT_UID_DOMAIN
from .model import Occurrence
from .texts import TEXTS, text

PRODID = "-//Stadt Dortmund//MIA-DO-KI INKA//DE"


def dtstamp_from_env(default: datetime) -> datetime:
    """UTC time of ``SOURCE_DATE_EPOCH`` when set, else ``default`` (never the wall clock)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return _utc(default)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def summary(occ: Occurrence, lang: str = DEFAULT_LANGUAGE) -> str:
    """Localised name, with "(voraussichtlich)" (in ``lang``) when the date may move."""
    name = occ.name(lang)
    return f"{name} {text('estimated', lang)}" if occ.may_move else name


def description(occ: Occurrence, lang: str = DEFAULT_LANGUAGE, explanation: str = "",
                url: str = "") -> str:
    """Short explanation, evening-before note, "may move by N days" when estimated, the
    calendar the community follows (Islamic: Diyanet/DITIB), source and page URL — one per
    line."""
    parts = [explanation.strip()] if explanation.strip() else []
    if occ.begins_evening_before:
        parts.append(text("evening", lang))
    if occ.may_move:
        parts.append(text("variance", lang, n=occ.variance_days))
    if f"calendar_{occ.community}" in TEXTS:
        parts.append(text(f"calendar_{occ.community}", lang))
    if occ.source:
        parts.append(f"{text('source', lang)}: {occ.source}")
    if url:
        parts.append(url)
    return "\n".join(parts)


def default_explanation(occ: Occurrence, lang: str = DEFAULT_LANGUAGE) -> str:
    """The holiday's short German explanation; in other languages marked as German (the
    explanations are not translated yet)."""
    summary_de = occ.holiday.summary.strip() if occ.holiday else ""
    if not summary_de:
        return ""
    return summary_de if lang == DEFAULT_LANGUAGE else f"{text('german', lang)}: {summary_de}"


def event_for(occ: Occurrence, *, dtstamp: datetime, lang: str = DEFAULT_LANGUAGE,
              uid_domain: str = DEFAULT_UID_DOMAIN, url: str = "",
              explanation: str = "") -> Event:
    event = Event()
    event.add("uid", f"{occ.uid}@{uid_domain}")
    event.add("dtstamp", _utc(dtstamp))
    event.add("dtstart", occ.start)
    event.add("dtend", occ.end + timedelta(days=1))
    event.add("summary", summary(occ, lang), parameters={"LANGUAGE": lang})
    event.add("description", description(occ, lang, explanation, url),
              parameters={"LANGUAGE": lang})
    event.add("categories", [occ.community])
    event.add("transp", "TRANSPARENT")
    event.add("sequence", 1 if occ.corrected else 0)
    if url:
        event.add("url", url)
    return event


def build_calendar(
    occurrences: Iterable[Occurrence],
    *,
    dtstamp: datetime,
    lang: str = DEFAULT_LANGUAGE,
    calname: str | None = None,
    caldesc: str | None = None,
    uid_domain: str = DEFAULT_UID_DOMAIN,
    url_for: Callable[[Occurrence], str] | None = None,
    explanation_for: Callable[[Occurrence], str] | None = None,
    prodid: str = PRODID,
) -> Calendar:
    """A VCALENDAR with one all-day VEVENT per occurrence.

    ``dtstamp`` must be reproducible (``dtstamp_from_env(last_commit_time)``); ``calname``
    must not contain a year. ``url_for``/``explanation_for`` give each event's page URL and
    short explanation (default: :func:`default_explanation`).
    """
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calname or text("calname", lang))
    cal.add("x-wr-caldesc", caldesc or text("caldesc", lang))
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    stamp = _utc(dtstamp)
    for occ in occurrences:
        if explanation_for is not None:
            explanation = explanation_for(occ)
        else:
            explanation = default_explanation(occ, lang)
        cal.add_component(event_for(
            occ, dtstamp=stamp, lang=lang, uid_domain=uid_domain,
            url=url_for(occ) if url_for else "", explanation=explanation,
        ))
    return cal


def to_ics(cal: Calendar) -> bytes:
    """RFC 5545 bytes (CRLF, folded lines)."""
    return cal.to_ical()
