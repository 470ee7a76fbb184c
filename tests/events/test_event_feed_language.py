"""An event's SUMMARY/DESCRIPTION in a language feed: its translation (LANGUAGE= that
language), or the German text of a fallback page (LANGUAGE=de), never German labelled as the
feed's language; Arabic text with Latin runs gets Unicode isolates (U+2068 … U+2069)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from mia_site.events_ical import event_component

BERLIN = ZoneInfo("Europe/Berlin")
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def event(**changes: object) -> SimpleNamespace:
    values = {"slug": "fest", "title": "Münsterstraßenfest", "summary_text": "Ein Straßenfest.",
              "start": dt.datetime(2025, 6, 21, 12, tzinfo=BERLIN), "end": None,
              "all_day": False, "location": {}, "lang": "de"}
    return SimpleNamespace(**{**values, **changes})


def component(item: SimpleNamespace) -> tuple[str, str, str, str]:
    vevent = event_component(item, url="https://x.example/e/", stamp=STAMP,
                             uid_domain="x.example")
    summary, description = vevent["SUMMARY"], vevent["DESCRIPTION"]
    return (str(summary), summary.params["LANGUAGE"], str(description),
            description.params["LANGUAGE"])


def test_fallback_page_is_labelled_german() -> None:
    """A Turkish feed without Turkish translation carries the German text as German."""
    title, lang, _, description_lang = component(event(lang="tr", content_lang="de"))
    assert (title, lang, description_lang) == ("Münsterstraßenfest", "de", "de")


def test_translation_is_labelled_with_its_language() -> None:
    item = event(lang="tr", content_lang="tr", title="Münsterstraße Sokak Festivali",
                 summary_text="Bir sokak festivali.")
    title, lang, description, description_lang = component(item)
    assert (title, lang, description_lang) == ("Münsterstraße Sokak Festivali", "tr", "tr")
    assert description.startswith("Bir sokak festivali.")


def test_arabic_text_isolates_latin_runs() -> None:
    item = event(lang="ar", content_lang="ar", title="مهرجان شارع Münsterstraße",
                 summary_text="مهرجان في Dortmund.")
    title, lang, description, _ = component(item)
    assert lang == "ar"
    assert title == "مهرجان شارع \u2068Münsterstraße\u2069"
    assert description.startswith("مهرجان في \u2068Dortmund\u2069.")
    assert description.endswith("\nhttps://x.example/e/")  # a line of its own: left alone
