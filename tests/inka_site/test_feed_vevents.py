"""Each VEVENT serialised once per language and reused (issue 17), in-process: no site build.

The feeds must stay byte-identical to serialising each whole calendar with icalendar, and a
VEVENT is taken from the cache only while everything it is made of is unchanged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from inka_engine import COMMUNITIES, load_holidays, occurrences
from inka_engine.export import holiday_url
from inka_engine.ical import build_calendar, to_ics
from inka_engine.texts import repo_catalog, text
from inka_site import feeds
from inka_site.vevents import splice
from site_build.files import TextStore
from site_core import urls

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://mia-do-ki.dortmund.de"
DOMAIN = "inka.mia-do-ki.dortmund.de"
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def found() -> list:
    holidays = [h for h in load_holidays(ROOT / "content" / "inka")
                if h.community in ("juedisch", "islamisch", "christlich")]
    return occurrences(holidays, dt.date(2026, 1, 1), dt.date(2027, 12, 31))


def _settings(**changes: object) -> feeds.FeedSettings:
    values = {"languages": ("de", "ar"), "default_lang": "de", "years": (2026, 2027),
              "site_url": BASE, "uid_domain": DOMAIN, "dtstamp": STAMP,
              "translate": lambda lang, msgid: repo_catalog(lang).gettext(msgid),
              "today": dt.date(2026, 3, 1), **changes}
    return feeds.FeedSettings(**values)  # type: ignore[arg-type]


def test_feeds_equal_whole_calendars_serialised_by_icalendar(found: list) -> None:
    settings = _settings()
    files = feeds.build_files(found, settings)
    for lang in settings.languages:
        for community in (None, *COMMUNITIES):
            chosen = [o for o in found if community is None or o.community == community]
            whole = to_ics(build_calendar(
                chosen, dtstamp=STAMP, lang=lang,
                calname=feeds.feed_name(community, lang, settings.translate),
                caldesc=text("caldesc", lang), uid_domain=DOMAIN, today=settings.today,
                url_for=lambda o, lang=lang: holiday_url(o, BASE, lang)))
            assert files.contents[urls.feed(community, lang)] == whole


def test_splice_needs_a_calendar_header() -> None:
    with pytest.raises(ValueError, match="END:VCALENDAR"):
        splice(b"BEGIN:VCALENDAR\r\n", [b"BEGIN:VEVENT\r\nEND:VEVENT\r\n"])


def _tamper(folder: Path, lang: str) -> str:
    """Mark every cached VEVENT of ``lang``, so that a reused one shows in the feed."""
    path = folder / f"{lang}.json"
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["events"] = {k: v.replace("SUMMARY", "SUMMARY;X-CACHED=1")
                        for k, v in stored["events"].items()}
    path.write_text(json.dumps(stored), encoding="utf-8")
    return "X-CACHED=1"


def test_unchanged_events_come_from_the_cache(found: list, tmp_path: Path) -> None:
    store = TextStore(tmp_path)
    first = feeds.build_files(found, _settings(), store)
    assert first.contents == feeds.build_files(found, _settings(), store).contents
    mark = _tamper(tmp_path, "ar")
    again = feeds.build_files(found, _settings(), store)
    assert mark.encode() in again.contents["ar/kalender/alle.ics"]
    assert mark.encode() not in again.contents["kalender/alle.ics"]


def _events(feed: bytes) -> list[bytes]:
    return feed.split(b"BEGIN:VEVENT")[1:]


@pytest.mark.parametrize("change", [
    {"site_url": "https://example.org"},          # the page URL in every event
    {"uid_domain": "example.org"},                 # the UID
    {"dtstamp": STAMP + dt.timedelta(days=1)},     # DTSTAMP without history
    {"today": dt.date(2028, 1, 1)},                # "(voraussichtlich)" dropped after the date
])
def test_a_changed_input_is_not_taken_from_the_cache(found: list, tmp_path: Path,
                                                      change: dict) -> None:
    store = TextStore(tmp_path)
    feed = "ar/kalender/alle.ics"
    before = feeds.build_files(found, _settings(), store).contents[feed]
    mark = _tamper(tmp_path, "ar").encode()
    got = feeds.build_files(found, _settings(**change), store).contents[feed]
    fresh = feeds.build_files(found, _settings(**change)).contents[feed]
    assert got.replace(b";" + mark, b"") == fresh  # what was reused is what would be made
    changed = [new for old, new in zip(_events(before), _events(got), strict=True)
               if old != new.replace(b";" + mark, b"")]
    assert changed, f"{change} changed no event"
    assert not [event for event in changed if mark in event]
