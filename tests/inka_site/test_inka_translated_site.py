"""Holiday translations on the site, pages and feeds (issue 12), in one build of a content copy
with the fixture translations of ``fixtures/translations`` (Eid al-Fitr in all five
languages, Hızır Orucu with a translated variant in Turkish); posters and search index off.

And on the real site (``site_dir``): no non-German feed labels German text with its own
``LANGUAGE=``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from icalendar import Calendar

from inka_engine import load_holidays

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures" / "translations"
OTHERS = ("en", "tr", "ar", "uk", "pl")
EID = "islamisch/eid-al-fitr"
UNTRANSLATED = "islamisch/eid-al-adha"
#: Libraries the engine computes with: their names must not reach residents.
PROGRAMS = ("pyluach", "python-holidays", "hijridate", "convertdate", "dateutil", "ephem",
            "lunardate")
BLOCKS = {"p", "div", "section", "article", "ul", "ol", "li", "dl", "dd", "table", "h2", "h3"}


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory,
               build_site_fixed: Callable[..., bool]) -> Path:
    tmp = tmp_path_factory.mktemp("translated")
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURES, content / "inka", dirs_exist_ok=True)
    for real in content.glob(f"inka/{UNTRANSLATED}.*.md"):  # one holiday left untranslated
        real.unlink()
    output = tmp / "site"
    quick = {"MIA_POSTERS": "0", "MIA_SEARCH": "0", "MIA_PRECOMPRESS": "0"}
    assert build_site_fixed(output, content, env=quick), \
        "build of the content copy with translations failed"
    return output


def fixture_summary(ident: str, lang: str) -> str:
    text = (FIXTURES / f"{ident}.{lang}.md").read_text(encoding="utf-8")
    return " ".join(text.split("summary: >-\n", 1)[1].split("\n", 2)[:1]).strip()


def german_summary(ident: str) -> str:
    return next(h.summary for h in load_holidays(ROOT / "content" / "inka") if h.ident == ident)


def page(site: Path, lang: str, ident: str) -> BeautifulSoup:
    prefix = "" if lang == "de" else f"{lang}/"
    file = site / f"{prefix}kalender/{ident}/index.html"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def german_blocks(main: Tag) -> list[Tag]:
    return [el for el in main.find_all(True) if el.get("lang") == "de" and el.name in BLOCKS]


def ignored(el: Tag) -> bool:
    return any(p.has_attr("data-pagefind-ignore") for p in [el, *el.parents] if isinstance(p, Tag))


@pytest.mark.parametrize("lang", OTHERS)
def test_translated_holiday_page_has_no_german_block(translated: Path, lang: str) -> None:
    doc = page(translated, lang, EID)
    main = doc.find("main")
    assert isinstance(main, Tag)
    assert german_blocks(main) == []
    summary = fixture_summary(EID, lang)
    lead = main.select_one("p.lead")
    assert lead is not None and " ".join(lead.get_text().split()) == summary
    assert not ignored(lead) and main.has_attr("data-pagefind-body")  # indexed as <lang>
    assert german_summary(EID) not in main.get_text(" ")
    assert "Diese Erklärung gibt es noch nicht" not in main.get_text(" ")
    meta = doc.find("meta", attrs={"name": "description"})
    assert meta is not None and meta["content"] == summary
    # the explanation's root-relative links point into the reader's language
    assert main.select_one(f'a[href="/{lang}/kalender/islamisch/"]') is not None


def test_unreviewed_translation_says_so_and_links_the_german_page(translated: Path) -> None:
    turkish = page(translated, "tr", EID).find("main")
    notice = turkish.select_one("p.notice--language")
    assert notice is not None and "Bu çeviri henüz kontrol edilmedi" in notice.get_text()
    link = notice.find("a")
    assert link["href"] == f"/kalender/{EID}/" and link["lang"] == "de"
    english = page(translated, "en", EID).find("main")  # translation_reviewed: true
    assert english.select_one("p.notice--language") is None


def test_untranslated_holiday_shows_german_marked(translated: Path) -> None:
    main = page(translated, "en", "islamisch/eid-al-adha").find("main")
    blocks = german_blocks(main)
    assert blocks and all(b.get("dir") == "ltr" for b in blocks)
    assert all(ignored(b) for b in blocks)  # German is not indexed as English
    assert "This explanation is not yet available in your language" in main.get_text(" ")
    meta = page(translated, "en", "islamisch/eid-al-adha").find("meta",
                                                                 attrs={"name": "description"})
    assert german_summary("islamisch/eid-al-adha") not in meta["content"]


def test_translated_variant_note(translated: Path) -> None:
    main = page(translated, "tr", "alevitisch/hizir-orucu").find("main")
    who = main.select_one("p.inka-who")
    assert who is not None and who.get_text(strip=True).startswith("TESTFIXTURE-who Bazı")
    german = page(translated, "de", "alevitisch/hizir-orucu").find("main")
    assert german.select_one("p.inka-who").get_text(strip=True).startswith("Manche Aleviten")


def test_arabic_translation_isolates_latin_runs(translated: Path) -> None:
    main = page(translated, "ar", EID).find("main")
    isolated = {b.get_text() for b in main.find_all("bdi")}
    assert {"Ramazan Bayramı", "info@example.org", "10 km", "NRW"} <= isolated


def feed_events(site: Path, lang: str, name: str) -> dict[str, object]:
    prefix = "" if lang == "de" else f"{lang}/"
    cal = Calendar.from_ical((site / f"{prefix}kalender/{name}.ics").read_bytes())
    return {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}


@pytest.mark.parametrize("lang", OTHERS)
def test_feed_uses_the_translation(translated: Path, lang: str) -> None:
    event = feed_events(translated, lang, "islamisch")["islamisch-eid-al-fitr-1447"]
    description = str(event["DESCRIPTION"]).replace("\u2068", "").replace("\u2069", "")
    assert description.startswith(fixture_summary(EID, lang))
    assert event["DESCRIPTION"].params["LANGUAGE"] == lang
    assert event["SUMMARY"].params["LANGUAGE"] == lang
    assert german_summary(EID) not in description


def _no_german_labelled_as(site: Path, lang: str) -> list[str]:
    german = {h.ident.replace("/", "-"): h.summary for h in
              load_holidays(ROOT / "content" / "inka")}
    wrong = []
    for uid, event in feed_events(site, lang, "alle").items():
        ident = uid.removesuffix("-vorabend").rsplit("-", 1)[0]  # the evening's own VEVENT
        description = event["DESCRIPTION"]
        text = str(description).replace("\u2068", "").replace("\u2069", "")
        if german[ident] in text and description.params.get("LANGUAGE") == lang:
            wrong.append(uid)
        programs = [p for p in PROGRAMS if p in text]
        if programs:
            wrong.append(f"{uid}: names {programs}")
    return wrong


@pytest.mark.parametrize("lang", OTHERS)
def test_no_feed_labels_german_text_as_its_language(site_dir: Path, translated: Path,
                                                     lang: str) -> None:
    assert _no_german_labelled_as(site_dir, lang) == []
    assert _no_german_labelled_as(translated, lang) == []


def test_feed_categories_are_the_community_in_the_feeds_language(site_dir: Path) -> None:
    expected = {"de": "islamisch", "en": "Muslim", "tr": "İslami", "ar": "إسلامي"}
    for lang, label in expected.items():
        event = feed_events(site_dir, lang, "islamisch")["islamisch-eid-al-fitr-1447"]
        assert [str(c) for c in event["CATEGORIES"].cats] == [label]


def test_arabic_feed_isolates_latin_runs(site_dir: Path) -> None:
    event = feed_events(site_dir, "ar", "alevitisch")["alevitisch-hidirellez-2025"]
    description = str(event["DESCRIPTION"])
    # Latin names inside the Arabic text, and the page URL on its own line
    assert "(\u2068Hızır\u2069)" in description
    assert "\u2068İlyas\u2069" in description
    url_line = description.splitlines()[-1]
    assert url_line.startswith("https://") and "\u2068" not in url_line


@pytest.mark.slow  # the CLI in a fresh interpreter over every holiday of content/inka
def test_the_command_line_uses_the_translations(tmp_path: Path) -> None:
    content = tmp_path / "inka"
    shutil.copytree(ROOT / "content" / "inka", content)
    shutil.copytree(FIXTURES, content, dirs_exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    done = subprocess.run(
        [sys.executable, "-m", "inka_engine", "--content", str(content), "--years", "2026", "--lang", "tr",
         "--format", "ics", "--community", "islamisch"],
        capture_output=True, env=env, check=True)
    cal = Calendar.from_ical(done.stdout)
    event = {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}[
        "islamisch-eid-al-fitr-1447"]
    assert str(event["DESCRIPTION"]).startswith(fixture_summary(EID, "tr"))
    assert "kaynak: Diyanet İşleri Başkanlığı (Dini Günler)" in str(event["DESCRIPTION"])
