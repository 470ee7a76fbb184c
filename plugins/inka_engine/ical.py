"""iCalendar feeds of holiday occurrences (design.md §6), written with ``icalendar``.

The site's feeds and ``python -m inka_engine --format ics`` share :func:`build_calendar`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from .bidi import is_rtl, isolate
from .constants import DEFAULT_LANGUAGE, DEFAULT_UID_DOMAIN
from .model import Occurrence
from .texts import (
    MESSAGES,
    Catalog,
    community_label,
    repo_catalog,
    source_text,
    text,
    variance,
)

PRODID = "-//Stadt Dortmund//MIA-DO-KI INKA//DE"


def dtstamp_from_env(default: datetime) -> datetime:
    """UTC time of ``SOURCE_DATE_EPOCH`` when set, else ``default`` (never the wall clock)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return _utc(default)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def summary(occ: Occurrence, lang: str = DEFAULT_LANGUAGE,
            catalog: Catalog = repo_catalog) -> str:
    """Localised name, with "(voraussichtlich)" (in ``lang``) when the date may move."""
    name = occ.name(lang)
    return f"{name} {text('estimated', lang, catalog)}" if occ.may_move else name


def source_line(occ: Occurrence, lang: str = DEFAULT_LANGUAGE,
                catalog: Catalog = repo_catalog) -> str:
    """Where the date comes from, in words in ``lang`` (no program names)."""
    if not occ.source:
        return ""
    shown = source_text(occ.source, lang, catalog)
    if occ.status == "confirmed":
        return text("confirmed", lang, catalog) % {"source": shown}
    return text("basis", lang, catalog) % {"sources": shown}


def description(occ: Occurrence, lang: str = DEFAULT_LANGUAGE, explanation: str = "",
                url: str = "", catalog: Catalog = repo_catalog) -> str:
    """Short explanation, evening-before note, "may move by N days" when estimated, the
    calendar the community follows (Islamic: Diyanet/DITIB), source and page URL — one per
    line."""
    parts = [explanation.strip()] if explanation.strip() else []
    if occ.begins_evening_before:
        parts.append(text("evening", lang, catalog))
    if occ.may_move:
        parts.append(variance(occ.variance_days, lang, catalog))
    if f"calendar_{occ.community}" in MESSAGES:
        parts.append(text(f"calendar_{occ.community}", lang, catalog))
    line = source_line(occ, lang, catalog)
    if line:
        parts.append(line)
    if url:
        parts.append(url)
    return "\n".join(parts)


def explanation_of(occ: Occurrence, lang: str = DEFAULT_LANGUAGE,
                   catalog: Catalog = repo_catalog) -> tuple[str, bool]:
    """The holiday's short explanation for a reader of ``lang`` and whether it is in ``lang``:
    its translation, else the German text marked as German (then ``False``)."""
    if occ.holiday is None:
        return "", True
    texts = occ.holiday.texts(lang)
    if not texts.summary.strip():
        return "", True
    if texts.fallback:
        return f"{text('german', lang, catalog)}: {texts.summary.strip()}", False
    return texts.summary.strip(), True


def default_explanation(occ: Occurrence, lang: str = DEFAULT_LANGUAGE) -> str:
    """The short explanation in ``lang`` (German marked as German where not translated)."""
    return explanation_of(occ, lang)[0]


def _language(lang: str, really: bool) -> dict[str, str]:
    """``LANGUAGE=`` only on text that really is in ``lang``."""
    return {"LANGUAGE": lang} if really else {}


def event_for(occ: Occurrence, *, dtstamp: datetime, lang: str = DEFAULT_LANGUAGE,
              uid_domain: str = DEFAULT_UID_DOMAIN, url: str = "",
              explanation: str | None = None, catalog: Catalog = repo_catalog) -> Event:
    """One VEVENT in ``lang``. ``explanation`` overrides the holiday's own (then it counts as
    being in ``lang``); Arabic text gets its left-to-right runs isolated (FSI … PDI)."""
    if explanation is None:
        explanation, in_lang = explanation_of(occ, lang, catalog)
    else:
        in_lang = True
    title = summary(occ, lang, catalog)
    details = description(occ, lang, explanation, url, catalog)
    if is_rtl(lang):
        title, details = isolate(title), isolate(details)
    event = Event()
    event.add("uid", f"{occ.uid}@{uid_domain}")
    event.add("dtstamp", _utc(dtstamp))
    event.add("dtstart", occ.start)
    event.add("dtend", occ.end + timedelta(days=1))
    event.add("summary", title, parameters=_language(lang, True))
    event.add("description", details, parameters=_language(lang, in_lang))
    event.add("categories", [community_label(occ.community, lang, catalog)],
              parameters=_language(lang, True))
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
    catalog: Catalog = repo_catalog,
) -> Calendar:
    """A VCALENDAR with one all-day VEVENT per occurrence.

    ``dtstamp`` must be reproducible (``dtstamp_from_env(last_commit_time)``); ``calname``
    must not contain a year. ``url_for``/``explanation_for`` give each event's page URL and
    short explanation (default: the holiday's translation in ``lang``, else German marked
    as German); ``catalog`` gives the UI catalogue of a language (the site passes its own).
    """
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calname or text("calname", lang, catalog))
    cal.add("x-wr-caldesc", caldesc or text("caldesc", lang, catalog))
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    stamp = _utc(dtstamp)
    for occ in occurrences:
        explanation = explanation_for(occ) if explanation_for is not None else None
        cal.add_component(event_for(
            occ, dtstamp=stamp, lang=lang, uid_domain=uid_domain,
            url=url_for(occ) if url_for else "", explanation=explanation, catalog=catalog,
        ))
    return cal


def to_ics(cal: Calendar) -> bytes:
    """RFC 5545 bytes (CRLF, folded lines)."""
    return cal.to_ical()
