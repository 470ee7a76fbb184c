"""The site core (plugins/site_core): languages, communities, clock, URL builders, slugs.

Fast unit tests, no site build. Expected values are written from design.md (§3 URL contract,
§6 one clock, §7 languages), not from the code under test.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from pelican.settings import DEFAULT_CONFIG

from content_model.site_urls import Entry, site_urls
from content_model.slugs import slugify
from mia_site.reader import tag
from site_core import INKA_UID_DOMAIN, clock, communities, languages, urls

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = ("en", "tr", "ar", "uk", "pl")


# --- Languages (design.md §7) -------------------------------------------------------------

def test_languages_default_first() -> None:
    assert languages.LANGUAGES == ("de", "en", "tr", "ar", "uk", "pl")
    assert languages.DEFAULT_LANGUAGE == "de"
    assert languages.TRANSLATED == TRANSLATED


def test_only_arabic_is_right_to_left() -> None:
    assert languages.rtl_languages() == ("ar",)
    assert [languages.text_direction(code) for code in languages.LANGUAGES] == [
        "ltr", "ltr", "ltr", "rtl", "ltr", "ltr"]


@pytest.mark.parametrize(("code", "direction"), [
    ("he", "rtl"), ("ar-EG", "rtl"), ("fa", "rtl"), ("syr", "rtl"),
    ("el", "ltr"), ("hi", "ltr"), ("ku", "ltr"), ("EN", "ltr")])
def test_direction_of_native_names(code: str, direction: str) -> None:
    assert languages.text_direction(code) == direction


def test_every_language_has_a_babel_locale_and_a_native_name() -> None:
    assert set(languages.LOCALES) == set(languages.LANGUAGES)
    for code in languages.LANGUAGES:
        locale = Locale.parse(languages.babel_locale(code))
        assert locale.language == code
        # the switcher names each language in itself (Babel's CLDR name, capitalised)
        assert languages.NATIVE_NAMES[code].casefold() == locale.get_display_name(
            locale).split(" (")[0].casefold()
    assert languages.babel_locale("he") == "he"  # other codes pass through


def test_english_dates_are_british() -> None:
    """One map for every date: en_GB on pages, posters and events."""
    from inka_site.filters import date_wd
    from mia_site.filters import date_full

    day = dt.date(2026, 9, 12)
    assert date_wd(day, "en") == "Sat, 12 Sept 2026"  # CLDR en_GB, day before month
    assert date_wd(day, "en", year=False) == "Sat 12 Sept"  # as on the posters
    assert date_full(day, "en") == "Saturday, 12 September 2026"
    assert date_wd(day, "de") == "Sa., 12. Sept. 2026"


# --- Communities (design.md §3) -----------------------------------------------------------

def test_communities_of_the_url_contract() -> None:
    assert communities.COMMUNITIES == (
        "christlich", "orthodox", "juedisch", "islamisch", "alevitisch", "jesidisch",
        "hinduistisch", "buddhistisch", "gesellschaftlich")
    assert communities.SOCIETAL == "gesellschaftlich"


def _catalogue(lang: str) -> dict[str, str]:
    path = ROOT / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        return {str(m.id): str(m.string) for m in read_po(fh, locale=lang) if m.id}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_community_texts_in_every_catalogue(lang: str) -> None:
    catalogue = _catalogue(lang)
    for key in communities.COMMUNITIES:
        for msgid in (communities.TITLES[key], communities.LABELS[key],
                      communities.INTROS[key]):
            assert catalogue.get(msgid), f"{lang}: {msgid!r} has no translation"


def test_stylesheet_reads_the_colours() -> None:
    css = communities.stylesheet()
    for key, colour in communities.COLOURS.items():
        assert re.search(rf"--community-{key}: {colour};", css)
        assert f".inka-community--{key} {{ border-inline-start-color: var(--community-{key}); }}" \
            in css
    assert "inka-community--" not in (ROOT / "theme/static/css/site.css").read_text("utf-8")


def test_letters_are_unique() -> None:
    letters = [c.letter for c in communities.BY_KEY.values()]
    assert len(set(letters)) == len(letters)


# --- Clock (design.md §6) -----------------------------------------------------------------

def test_build_date_is_the_berlin_date() -> None:
    # 2026-12-31 23:30 UTC is 2027-01-01 00:30 in Dortmund (CET, UTC+1).
    assert clock.build_date({"SOURCE_DATE_EPOCH": "1798759800"}) == dt.date(2027, 1, 1)
    # 2026-06-30 22:30 UTC is 2026-07-01 00:30 in Dortmund (CEST, UTC+2).
    assert clock.build_date({"SOURCE_DATE_EPOCH": "1782858600"}) == dt.date(2026, 7, 1)


def test_build_date_without_epoch_is_today_in_berlin() -> None:
    from zoneinfo import ZoneInfo

    before = dt.datetime.now(ZoneInfo("Europe/Berlin")).date()
    assert clock.build_date({}) in {before, before + dt.timedelta(days=1)}


def test_bad_source_date_epoch_is_named() -> None:
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        clock.build_date({"SOURCE_DATE_EPOCH": "gestern"})


def test_inka_years_last_year_to_three_ahead() -> None:
    assert clock.inka_years(dt.date(2026, 12, 5)) == [2025, 2026, 2027, 2028, 2029]


def test_uid_domain_is_the_sites() -> None:
    from inka_engine.constants import DEFAULT_UID_DOMAIN

    assert INKA_UID_DOMAIN == DEFAULT_UID_DOMAIN == "inka.mia-do-ki.dortmund.de"


# --- URL builders (design.md §3, the URL contract) ----------------------------------------

@pytest.mark.parametrize(("built", "expected"), [
    (urls.home(), ""),
    (urls.home("ar"), "ar/"),
    (urls.topics("uk"), "uk/themen/"),
    (urls.topic("sprachmittlung"), "themen/sprachmittlung/"),
    (urls.topic("dgs", "barrierefrei", "en"), "en/themen/barrierefrei/dgs/"),
    (urls.page("impressum", "pl"), "pl/impressum/"),
    (urls.page("startseite", "tr"), "tr/"),
    (urls.page("leichte-sprache"), "leichte-sprache/"),
    (urls.news_index(), "nachrichten/"),
    (urls.listing_page(urls.news_index(), 2), "nachrichten/seite-2/"),
    (urls.news("sommerfest", "en"), "en/nachrichten/sommerfest/"),
    (urls.tag("sprachcafe"), "nachrichten/thema/sprachcafe/"),
    (urls.news_feed("ar"), "ar/nachrichten/feed.xml"),
    (urls.events_index(), "veranstaltungen/"),
    (urls.event("fest"), "veranstaltungen/fest/"),
    (urls.event_ics("fest", "en"), "en/veranstaltungen/fest.ics"),
    (urls.events_feed(), "veranstaltungen/veranstaltungen.ics"),
    (urls.calendar(), "kalender/"),
    (urls.calendar("tr"), "tr/kalender/"),
    (urls.year_page(2027), "kalender/2027/"),
    (urls.community_page("islamisch", "ar"), "ar/kalender/islamisch/"),
    (urls.holiday_page("islamisch", "eid-al-fitr"), "kalender/islamisch/eid-al-fitr/"),
    (urls.holiday_page("juedisch", "jom-kippur", "uk"), "uk/kalender/juedisch/jom-kippur/"),
    (urls.feed(), "kalender/alle.ics"),
    (urls.feed("orthodox", "en"), "en/kalender/orthodox.ics"),
    (urls.open_data(2026, "json"), "kalender/2026.json"),
    (urls.open_data(2026, "csv", "pl"), "pl/kalender/2026.csv"),
    (urls.data_page("en"), "en/daten/"),
    (urls.poster(2026, "ar", "a1"), "kalender/2026/inka-2026-ar-a1.pdf"),
    (urls.poster(2027, "de", "a4"), "kalender/2027/inka-2027-de-a4.pdf"),
    (urls.search("en"), "en/suche/"),
    (urls.not_found("ar"), "ar/404.html"),
    (urls.SITEMAP, "sitemap.xml"),
    (urls.ROBOTS, "robots.txt"),
])
def test_url_contract(built: str, expected: str) -> None:
    assert built == expected


def test_links_and_absolute_urls() -> None:
    assert urls.href(urls.holiday_page("islamisch", "eid-al-fitr"), "en") == \
        "/en/kalender/islamisch/eid-al-fitr/"
    assert urls.absolute("https://mia-do-ki.dortmund.de/", urls.calendar(), "tr") == \
        "https://mia-do-ki.dortmund.de/tr/kalender/"


# --- One slugify (build side = check side) ------------------------------------------------

@pytest.mark.parametrize(("name", "slug"), [
    ("Sprachcafé", "sprachcafe"), ("Çiğ köfte", "cig-koefte"), ("Łódź", "lodz"),
    ("Einbürgerung", "einbuergerung")])
def test_tag_slug_is_the_same_in_build_and_check(name: str, slug: str,
                                                 tmp_path: Path) -> None:
    built = tag(name, dict(DEFAULT_CONFIG))  # what the build's reader gives a tag
    assert built.slug == slugify(name) == slug
    checked = site_urls([Entry("news", "x", tags=(name,))], [], dt.date(2026, 1, 1), tmp_path)
    assert f"/nachrichten/thema/{slug}/" in checked  # what `invoke check` expects
    assert built == name  # Pelican compares a tag with its name through the same slugify
