"""Event calendars (.ics), JSON-LD and event pages of the built site, in every language.

Reference facts: the events' dates are those announced by the city (content/events/), the UID
form and the feed properties are design.md §6, line rules are RFC 5545 §3.1 (CRLF, lines of at
most 75 octets) and Germany's summer time 2025 is UTC+2, winter time UTC+1.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from events_support import LANGUAGES, prefix
from icalendar import Calendar

from tests.conftest import NODE_MODULES, require_tool

UID_DOMAIN = "inka.mia-do-ki.dortmund.de"
BASE = "https://mia-do-ki.dortmund.de"
CHECKER = Path(__file__).with_name("icaljs_check.mjs")
REAL_EVENTS = {
    "bundesweiter-vorlesetag-2025", "einbuergerungsfeier-2025-05",
    "gedenken-mehmet-kubasik-2025", "integrationspreis-2023-verleihung",
    "internationale-woche-2025", "muensterstrassenfest-2025",
}


def ics_files(site: Path) -> list[Path]:
    return sorted(site.glob("veranstaltungen/*.ics")) + sorted(
        site.glob("*/veranstaltungen/*.ics"))


def lint(path: Path) -> Calendar:
    """Strict checks of one file; returns the parsed calendar."""
    raw = path.read_bytes()
    assert raw.endswith(b"\r\n"), path
    assert b"\n" not in raw.replace(b"\r\n", b""), f"{path}: a line break that is not CRLF"
    long = [line for line in raw.split(b"\r\n") if len(line) > 75]
    assert not long, f"{path}: lines over 75 octets: {long[:2]}"
    cal = Calendar.from_ical(raw)
    assert not cal.errors, (path, cal.errors)
    for component in cal.walk():
        assert not component.errors, (path, component.name, component.errors)
    for prop in ("PRODID", "VERSION", "CALSCALE", "METHOD", "X-WR-CALNAME", "X-WR-CALDESC"):
        assert prop in cal, f"{path}: no {prop}"
    assert str(cal["VERSION"]) == "2.0" and str(cal["METHOD"]) == "PUBLISH"
    assert not re.search(r"\d{4}", str(cal["X-WR-CALNAME"])), "no year in X-WR-CALNAME"
    zones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    for event in cal.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION", "URL", "STATUS",
                     "LOCATION"):
            assert prop in event, f"{path}: event without {prop}"
        # The last commit of the event's own files (git), the same as LAST-MODIFIED.
        assert event["DTSTAMP"].to_ical() == event["LAST-MODIFIED"].to_ical()
        assert event["DTSTAMP"].to_ical().decode().endswith("Z")
        assert int(event["SEQUENCE"]) >= 0
        assert str(event["URL"]) in str(event["DESCRIPTION"]), "DESCRIPTION names the page"
        for name in ("DTSTART", "DTEND"):
            if name in event and "TZID" in event[name].params:
                assert event[name].params["TZID"] in zones, f"{path}: {name} TZID, no VTIMEZONE"
    return cal


def events_of(path: Path) -> dict[str, object]:
    return {str(e["UID"]): e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


# --- the real site -----------------------------------------------------------------------------


def test_every_ics_file_passes_the_lint(site_dir: Path) -> None:
    files = ics_files(site_dir)
    assert len(files) == len(LANGUAGES) * (len(REAL_EVENTS) + 1)
    for path in files:
        lint(path)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_keeps_past_events_with_stable_uids(site_dir: Path, lang: str) -> None:
    feed = site_dir / prefix(lang) / "veranstaltungen" / "veranstaltungen.ics"
    uids = set(events_of(feed))
    assert uids == {f"event-{slug}@{UID_DOMAIN}" for slug in REAL_EVENTS}


# The format of one event (times, all-day ends, status): test_event_ics_format.py, on the
# writer in-process.


def test_other_languages_have_their_own_urls_and_calendar_name(site_dir: Path) -> None:
    de = site_dir / "veranstaltungen" / "veranstaltungen.ics"
    en = site_dir / "en" / "veranstaltungen" / "veranstaltungen.ics"
    assert str(Calendar.from_ical(de.read_bytes())["X-WR-CALNAME"]) == "Veranstaltungen – MIA-DO-KI"
    assert str(Calendar.from_ical(en.read_bytes())["X-WR-CALNAME"]) == "Events – MIA-DO-KI"
    uid = f"event-muensterstrassenfest-2025@{UID_DOMAIN}"
    assert str(events_of(en)[uid]["URL"]) == f"{BASE}/en/veranstaltungen/muensterstrassenfest-2025/"


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


def _json_ld(doc: BeautifulSoup) -> dict[str, object]:
    scripts = doc.head.find_all("script", type="application/ld+json")
    assert len(scripts) == 1, "one JSON-LD block in <head>"
    return json.loads(scripts[0].string)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_page_json_ld(site_dir: Path, lang: str) -> None:
    doc = _page(site_dir, f"{prefix(lang)}veranstaltungen/muensterstrassenfest-2025")
    data = _json_ld(doc)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["startDate"] == "2025-06-21T12:00:00+02:00"
    assert dt.datetime.fromisoformat(data["startDate"]).utcoffset() == dt.timedelta(hours=2)
    assert "endDate" not in data
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == "Münsterstraße, 44145 Dortmund"
    organizer = data["organizer"]["name"]  # in the page's language (every event is translated)
    assert organizer.startswith("Stadt Dortmund") if lang == "de" else "MIA-DO-KI" in organizer
    assert data["url"] == f"{BASE}/{prefix(lang)}veranstaltungen/muensterstrassenfest-2025/"
    week = _json_ld(_page(site_dir, f"{prefix(lang)}veranstaltungen/internationale-woche-2025"))
    assert (week["startDate"], week["endDate"]) == ("2025-06-21", "2025-06-29")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_add_to_calendar_link_names_type_and_size(site_dir: Path, lang: str) -> None:
    doc = _page(site_dir, f"{prefix(lang)}veranstaltungen/muensterstrassenfest-2025")
    link = doc.find("a", href=f"/{prefix(lang)}veranstaltungen/muensterstrassenfest-2025.ics")
    assert link is not None and link.get("type") == "text/calendar"
    size = (site_dir / prefix(lang) / "veranstaltungen" / "muensterstrassenfest-2025.ics").stat()
    kb = f"{round(size.st_size / 1024, 1)}"
    text = link.get_text(" ")
    assert "iCal" in text
    assert kb.replace(".", ",") in text or kb in text, (kb, text)


def test_series_links_both_ways(site_dir: Path) -> None:
    parent = _page(site_dir, "veranstaltungen/internationale-woche-2025")
    series = parent.find("section", class_="event-series")
    assert series is not None
    assert series.find("a", href="/veranstaltungen/muensterstrassenfest-2025/") is not None
    child = _page(site_dir, "en/veranstaltungen/muensterstrassenfest-2025")
    assert child.find("a", href="/en/veranstaltungen/internationale-woche-2025/") is not None


# --- ical.js (Thunderbird's parser) -----------------------------------------------------------


def _icaljs(files: list[Path]) -> dict[str, dict[str, object]]:
    node = shutil.which("node")
    require_tool(node is not None, "node", "install it with `apt-get install -y nodejs`",
                 "event feeds parse with ical.js")
    require_tool((NODE_MODULES / "ical.js").is_dir(), "node_modules/ical.js",
                 "run `npm ci --ignore-scripts` (make test does it)", "event feeds parse with ical.js")
    result = subprocess.run([str(node), str(CHECKER), str(NODE_MODULES), *map(str, files)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_icaljs_reads_every_event_file(site_dir: Path, fixture_site: Path) -> None:
    files = ics_files(site_dir) + ics_files(fixture_site)
    parsed = _icaljs(files)
    assert set(parsed) == {str(f) for f in files}
    by_uid = {}
    for info in parsed.values():
        assert info["version"] == "2.0"
        for event in info["events"]:
            if event["tzid"]:
                assert event["tzid"] in info["timezones"]
            by_uid[event["uid"]] = event
    fest = by_uid[f"event-muensterstrassenfest-2025@{UID_DOMAIN}"]
    assert fest["startUtc"] == "2025-06-21T10:00:00.000Z"  # 12:00 summer time
    talk = by_uid[f"event-testabend-sprachcafe@{UID_DOMAIN}"]
    assert talk["startUtc"] == "2026-01-10T17:00:00.000Z"  # 18:00 winter time
    assert talk["end"] == "2026-01-10T20:00:00"
    day = by_uid[f"event-abgesagter-testtag@{UID_DOMAIN}"]
    assert (day["isDate"], day["start"], day["end"]) == (True, "2026-02-01", "2026-02-03")
    assert day["status"] == "CANCELLED"


# --- the fixture site: cancelled, languages, drafts ---------------------------------------


def test_cancelled_event_says_so_everywhere(fixture_site: Path) -> None:
    path = fixture_site / "veranstaltungen" / "abgesagter-testtag.ics"
    lint(path)
    assert str(events_of(path)[f"event-abgesagter-testtag@{UID_DOMAIN}"]["STATUS"]) == "CANCELLED"
    doc = _page(fixture_site, "veranstaltungen/abgesagter-testtag")
    assert "Diese Veranstaltung ist abgesagt." in doc.find("main").get_text(" ")
    assert doc.title.get_text().startswith("Abgesagt:")
    assert _json_ld(doc)["eventStatus"] == "https://schema.org/EventCancelled"
    en = _page(fixture_site, "en/veranstaltungen/abgesagter-testtag")
    assert "This event has been cancelled." in en.find("main").get_text(" ")
    listing = _page(fixture_site, "veranstaltungen")
    card = listing.find("a", href="/veranstaltungen/abgesagter-testtag/").find_parent("article")
    assert "Abgesagt" in card.get_text(" ")


@pytest.mark.parametrize(("lang", "names", "where", "map_text"), [
    ("de", "Deutsch, Türkisch, Arabisch", "Ortszeit Dortmund (Mitteleuropäische Normalzeit)",
     "Ort im Stadtplan ansehen"),
    ("en", "German, Turkish, Arabic", "Local time in Dortmund (Central European Standard Time)",
     "See the place on the city map"),
])
def test_event_page_facts(fixture_site: Path, lang: str, names: str, where: str,
                          map_text: str) -> None:
    doc = _page(fixture_site, f"{prefix(lang)}veranstaltungen/testabend-sprachcafe")
    facts = doc.find("dl", class_="facts")
    text = " ".join(facts.get_text(" ").split())
    assert names in text and where in text
    assert "Keine Anmeldung nötig." in text and "Eintritt frei" in text
    assert "Der Raum ist stufenlos erreichbar." in text
    link = facts.find("a", href="https://example.invalid/karte")
    assert link is not None and link.get_text() == map_text
    start = facts.find("time")
    assert start["datetime"] == "2026-01-10T18:00+01:00"
    data = _json_ld(doc)
    assert (data["startDate"], data["endDate"]) == ("2026-01-10T18:00:00+01:00",
                                                    "2026-01-10T20:00:00+01:00")
    assert data["inLanguage"] == ["de", "tr", "ar"]


def test_upcoming_and_past_on_the_build_date(fixture_site: Path) -> None:
    doc = _page(fixture_site, "veranstaltungen")
    upcoming = doc.find(attrs={"data-events": "upcoming"})
    past = doc.find(attrs={"data-events": "past"})
    up = [a["href"] for a in upcoming.select(".card__title a")]
    assert up == ["/veranstaltungen/testabend-sprachcafe/", "/veranstaltungen/abgesagter-testtag/"]
    assert upcoming.find(attrs={"data-events-none": True}).has_attr("hidden")
    years = [g["data-events-year"] for g in past.find_all(attrs={"data-events-year": True})]
    assert years == ["2025", "2023"]
    ends = [a["data-event-end"] for a in upcoming.find_all(attrs={"data-event-end": True})]
    assert ends == ["2026-01-10T20:00:00+01:00", "2026-02-03T00:00:00+01:00"]


def test_future_dated_items_stay_unpublished(fixture_site: Path) -> None:
    """Build date 2026-01-01: an event published 2026-02-15 and news of 2026-01-02 wait."""
    for lang in LANGUAGES:
        p = prefix(lang)
        assert not (fixture_site / p / "veranstaltungen" / "kuenftiger-termin").exists()
        assert not (fixture_site / p / "veranstaltungen" / "kuenftiger-termin.ics").exists()
        assert not (fixture_site / p / "nachrichten" / "kuenftige-nachricht").exists()
        feed = (fixture_site / p / "veranstaltungen" / "veranstaltungen.ics").read_text("utf-8")
        assert "kuenftiger-termin" not in feed
        atom = (fixture_site / p / "nachrichten" / "feed.xml").read_text("utf-8")
        assert "kuenftige-nachricht" not in atom
        lists = (fixture_site / p / "nachrichten" / "index.html").read_text("utf-8")
        assert "kuenftige-nachricht" not in lists
    assert (fixture_site / "nachrichten" / "nachricht-mit-bild").is_dir()  # dated 2025-12-31
