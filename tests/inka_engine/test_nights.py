"""Evenings and nights in the feeds and open data (issue 15, design.md §6).

Public dates: Diyanet's "Dini Günler" 2025 lists Miraç Kandili on 26 January, Berat Kandili on
13 February, Kadir Gecesi on 26 March and Mevlid Kandili on 3 September 2025 — the civil date
of the evening (sozcu.com.tr, yenisafak.com). Yom Kippur 5787 begins on the evening of
20 September 2026, its day is 21 September (hebcal.com).
"""

from __future__ import annotations

import datetime as dt
import json

from icalendar import Calendar
from inka_test_support import CONTENT

from inka_engine import load_holidays, occurrences
from inka_engine.export import OPEN_DATA_FIELDS, to_json
from inka_engine.ical import build_calendar, to_ics

STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _feed(communities: list[str], lang: str = "de") -> dict[str, object]:
    found = occurrences(load_holidays(CONTENT), dt.date(2025, 1, 1), dt.date(2026, 12, 31),
                        communities)
    cal = Calendar.from_ical(to_ics(build_calendar(found, dtstamp=STAMP, lang=lang,
                                                   today=dt.date(2026, 12, 4))))
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_nights_are_on_the_evening_diyanet_lists() -> None:
    feed = _feed(["islamisch"])
    expected = {"lailat-al-qadr-1446": dt.date(2025, 3, 26),
                "lailat-al-miradsch-1446": dt.date(2025, 1, 26),
                "lailat-al-baraa-1446": dt.date(2025, 2, 13),
                "maulid-1447": dt.date(2025, 9, 3)}
    for key, evening in expected.items():
        event = feed[f"islamisch-{key}@inka.mia-do-ki.dortmund.de"]
        assert event["DTSTART"].dt == evening, key
        assert event["DTEND"].dt == evening + dt.timedelta(days=1), key
        assert "Nacht vom" in str(event["SUMMARY"]), key
        # A night is already on its evening: no extra Vorabend event.
        assert f"islamisch-{key}-vorabend@inka.mia-do-ki.dortmund.de" not in feed
    assert "Kadir Gecesi" in str(feed["islamisch-lailat-al-qadr-1446@inka.mia-do-ki.dortmund.de"]
                                 ["SUMMARY"])
    # Kadir Gecesi 2026 by Diyanet: the evening of 16 March.
    assert feed["islamisch-lailat-al-qadr-1447@inka.mia-do-ki.dortmund.de"]["DTSTART"].dt == \
        dt.date(2026, 3, 16)
    turkish = _feed(["islamisch"], "tr")["islamisch-lailat-al-qadr-1446@inka.mia-do-ki.dortmund.de"]
    assert str(turkish["SUMMARY"]).startswith("Kadir Gecesi – 26 Mart gecesi")


def test_holidays_that_begin_at_sundown_get_a_vorabend_event() -> None:
    feed = _feed(["juedisch", "islamisch"])
    eve = feed["juedisch-jom-kippur-5787-vorabend@inka.mia-do-ki.dortmund.de"]
    day = feed["juedisch-jom-kippur-5787@inka.mia-do-ki.dortmund.de"]
    assert (eve["DTSTART"].dt, eve["DTEND"].dt) == (dt.date(2026, 9, 20), dt.date(2026, 9, 21))
    assert day["DTSTART"].dt == dt.date(2026, 9, 21)
    assert str(eve["SUMMARY"]).startswith("Vorabend: Jom Kippur")
    ramadan = feed["islamisch-ramadan-beginn-1447-vorabend@inka.mia-do-ki.dortmund.de"]
    assert ramadan["DTSTART"].dt == dt.date(2026, 2, 18)  # first Tarawih, Ramadan 19 Feb
    for event in (eve, day):
        assert str(event["X-MICROSOFT-CDO-ALLDAYEVENT"]) == "TRUE"
        assert str(event["X-MICROSOFT-CDO-BUSYSTATUS"]) == "FREE"
        assert str(event["CLASS"]) == "PUBLIC"


def test_open_data_keeps_start_and_adds_evening_and_night() -> None:
    found = occurrences(load_holidays(CONTENT), dt.date(2025, 1, 1), dt.date(2025, 12, 31),
                        ["islamisch", "juedisch"])
    rows = {r["id"]: r for r in json.loads(to_json(found, fields=OPEN_DATA_FIELDS))["holidays"]}
    qadr = rows["islamisch/lailat-al-qadr/1446"]
    assert (qadr["start"], qadr["evening"], qadr["night"]) == ("2025-03-27", "2025-03-26", True)
    kippur = rows["juedisch/jom-kippur/5786"]
    assert (kippur["start"], kippur["evening"], kippur["night"]) == ("2025-10-02", "2025-10-01",
                                                                     False)
    assert len(rows) == len(found)  # ids are unique


def test_nothing_before_since_and_no_voraussichtlich_in_the_past() -> None:
    holidays = load_holidays(CONTENT)
    early = occurrences(holidays, dt.date(1900, 1, 1), dt.date(1992, 12, 31),
                        ["juedisch", "alevitisch"])
    shoa = sorted(o.start.year for o in early if o.key == "jom-ha-schoa")
    assert shoa[0] == 1951
    assert not [o for o in early if o.key == "sivas-gedenktag"]
    found = occurrences(holidays, dt.date(2025, 6, 1), dt.date(2025, 6, 30), ["islamisch"])
    adha = next(o for o in found if o.key == "eid-al-adha")  # 6 June 2025, not published here
    assert adha.status == "estimated" and adha.may_move and not adha.may_move_on(
        dt.date(2026, 12, 4))
    passed = _feed(["islamisch"])["islamisch-eid-al-adha-1446@inka.mia-do-ki.dortmund.de"]
    assert "voraussichtlich" not in str(passed["SUMMARY"])
