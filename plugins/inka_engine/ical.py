"""iCalendar feeds of holiday occurrences (design.md §6), written with ``icalendar``.

The site's feeds and ``python -m inka_engine --format ics`` share :func:`build_calendar`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta

from babel.dates import format_skeleton
from icalendar import Calendar, Event

from site_core.languages import babel_locale

from .bidi import is_rtl, isolate
from .constants import DEFAULT_LANGUAGE, DEFAULT_UID_DOMAIN
from .history import Change
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
FALLBACK = datetime(2000, 1, 1, tzinfo=UTC)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _may_move(occ: Occurrence, today: date | None) -> bool:
    return occ.may_move if today is None else occ.may_move_on(today)


def day_month(day: date, lang: str) -> str:
    """'26. März', '26 March', '26 Mart' … (Babel, the feed language's locale)."""
    return format_skeleton("MMMMd", day, locale=babel_locale(lang))


def night_label(occ: Occurrence, lang: str = DEFAULT_LANGUAGE,
                catalog: Catalog = repo_catalog) -> str:
    """'Nacht vom 26. März zum 27. März' in ``lang`` (for ``night: true`` holidays)."""
    return text("night", lang, catalog, evening=day_month(occ.shown_start, lang),
                start=day_month(occ.start, lang))


def summary(occ: Occurrence, lang: str = DEFAULT_LANGUAGE, today: date | None = None,
            catalog: Catalog = repo_catalog) -> str:
    """Localised name (a night named as the night), with "(voraussichtlich)" (in ``lang``)
    when the date may still move — never once it has passed ``today`` (BUILD_DATE)."""
    name = occ.name(lang)
    if occ.night:
        name = f"{name} – {night_label(occ, lang, catalog)}"
    return f"{name} {text('estimated', lang, catalog)}" if _may_move(occ, today) else name


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
                url: str = "", *, today: date | None = None,
                catalog: Catalog = repo_catalog) -> str:
    """Short explanation, evening-before note, "may move by N days" when estimated, the
    calendar the community follows (Islamic: Diyanet/DITIB), source and page URL — one per
    line."""
    parts = [explanation.strip()] if explanation.strip() else []
    if occ.begins_evening_before and not occ.night:
        parts.append(text("evening", lang, catalog))
    if _may_move(occ, today):
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


def _all_day(event: Event, occ: Occurrence, change: Change, uid: str, *, first: date,
             after: date, lang: str, catalog: Catalog) -> None:
    """UID, stamps, dates and the hints every holiday VEVENT shares (design.md §6)."""
    event.add("uid", uid)
    event.add("dtstamp", _utc(change.stamp))
    event.add("last-modified", _utc(change.stamp))
    event.add("dtstart", first)
    event.add("dtend", after)
    event.add("categories", [community_label(occ.community, lang, catalog)],
              parameters=_language(lang, True))
    event.add("transp", "TRANSPARENT")
    event.add("class", "PUBLIC")
    event.add("sequence", max(change.sequence, 1 if occ.corrected else 0))
    # Outlook shows an all-day event that keeps the day free (its own hints).
    event.add("x-microsoft-cdo-alldayevent", "TRUE")
    event.add("x-microsoft-cdo-busystatus", "FREE")


def event_for(occ: Occurrence, *, dtstamp: datetime | None = None, change: Change | None = None,
              lang: str = DEFAULT_LANGUAGE, uid_domain: str = DEFAULT_UID_DOMAIN, url: str = "",
              explanation: str | None = None, today: date | None = None,
              catalog: Catalog = repo_catalog) -> Event:
    """The VEVENT of one occurrence in ``lang``: on its day(s), a night on the evening's date.

    ``change`` (DTSTAMP = LAST-MODIFIED and SEQUENCE, :mod:`inka_engine.history`) is the
    last change of the files the occurrence is made of; ``dtstamp`` alone is the older form
    (one stamp, SEQUENCE 0 or 1). ``explanation`` overrides the holiday's own (then it counts
    as being in ``lang``); Arabic text gets its left-to-right runs isolated (FSI … PDI)."""
    if change is None:
        change = Change(dtstamp or FALLBACK, 0)
    if explanation is None:
        explanation, in_lang = explanation_of(occ, lang, catalog)
    else:
        in_lang = True
    title = summary(occ, lang, today, catalog)
    details = description(occ, lang, explanation, url, today=today, catalog=catalog)
    if is_rtl(lang):
        title, details = isolate(title), isolate(details)
    event = Event()
    _all_day(event, occ, change, f"{occ.uid}@{uid_domain}", first=occ.shown_start,
             after=occ.shown_end + timedelta(days=1), lang=lang, catalog=catalog)
    event.add("summary", title, parameters=_language(lang, True))
    event.add("description", details, parameters=_language(lang, in_lang))
    if url:
        event.add("url", url)
    return event


def eve_event_for(occ: Occurrence, *, change: Change, lang: str = DEFAULT_LANGUAGE,
                  uid_domain: str = DEFAULT_UID_DOMAIN, url: str = "",
                  today: date | None = None, catalog: Catalog = repo_catalog) -> Event | None:
    """The "Vorabend" VEVENT on the evening a holiday begins (``None`` for holidays that
    begin by day and for nights, which are already on their evening).
    UID ``<community>-<key>-<occurrence>-vorabend@…`` (design.md §6)."""
    if occ.evening is None or occ.night:
        return None
    event = Event()
    _all_day(event, occ, change, f"{occ.uid}-vorabend@{uid_domain}", first=occ.evening,
             after=occ.start, lang=lang, catalog=catalog)
    name = text("eve", lang, catalog, holiday=occ.name(lang))
    if _may_move(occ, today):
        name = f"{name} {text('estimated', lang, catalog)}"
    lines = [text("eve_description", lang, catalog, holiday=occ.name(lang),
                  day=day_month(occ.start, lang))]
    if url:
        lines.append(url)
    details = "\n".join(lines)
    if is_rtl(lang):
        name, details = isolate(name), isolate(details)
    event.add("summary", name, parameters=_language(lang, True))
    event.add("description", details, parameters=_language(lang, True))
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
    change_for: Callable[[Occurrence], Change] | None = None,
    today: date | None = None,
    catalog: Catalog = repo_catalog,
) -> Calendar:
    """A VCALENDAR with one all-day VEVENT per occurrence, and a "Vorabend" VEVENT for each
    that begins at sundown.

    ``change_for`` gives each occurrence's last change (:class:`~inka_engine.history.History`);
    without it every VEVENT carries ``dtstamp``, which must be reproducible
    (``site_core.history.repository_stamp``). ``calname`` must not contain a year.
    ``url_for``/``explanation_for`` give each event's page URL and short explanation
    (default: the holiday's translation in ``lang``, else German marked as German);
    ``today`` (BUILD_DATE) drops "(voraussichtlich)" from dates that have passed; ``catalog``
    gives the UI catalogue of a language (the site passes its own).
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
        change = change_for(occ) if change_for else Change(stamp, 1 if occ.corrected else 0)
        url = url_for(occ) if url_for else ""
        eve = eve_event_for(occ, change=change, lang=lang, uid_domain=uid_domain, url=url,
                            today=today, catalog=catalog)
        if eve is not None:
            cal.add_component(eve)
        cal.add_component(event_for(
            occ, change=change, lang=lang, uid_domain=uid_domain, url=url,
            explanation=explanation, today=today, catalog=catalog,
        ))
    return cal


def to_ics(cal: Calendar) -> bytes:
    """RFC 5545 bytes (CRLF, folded lines)."""
    return cal.to_ical()
