"""Year pages, the subscribe panel, open data (JSON/CSV) and the /daten/ page (design.md §3, §6).

Session build with SOURCE_DATE_EPOCH = 2026-01-01 (tests/conftest.py): INKA_YEARS = 2025…2029.
Reference facts (cited, not taken from the engine): Rosh Hashana 5787 begins on 12 September 2026
(hebcal.com); Eid al-Fitr 1447 is on 20 March 2026 (Diyanet İşleri Başkanlığı, Dini Günler 2026).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from inka_engine import COMMUNITIES
from inka_engine.export import OPEN_DATA_FIELDS

LANGUAGES = ("de", "en", "tr", "ar", "uk", "pl")
YEARS = tuple(range(2025, 2030))
BASE = "https://mia-do-ki.dortmund.de"
CONTRACT_FIELDS = ("id", "community", "key", "name", "start", "end", "begins_evening_before",
                   "evening", "night", "status", "variance_days", "url")


def prefix(lang: str) -> str:
    return "" if lang == "de" else f"{lang}/"


def page(site: Path, path: str) -> BeautifulSoup:
    file = site / path / "index.html"
    assert file.is_file(), f"/{path} was not written"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def load_json(site: Path, lang: str, year: int) -> dict[str, object]:
    return json.loads((site / prefix(lang) / "kalender" / f"{year}.json").read_text("utf-8"))


# --- year pages -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_year_pages_exist_with_twelve_months(site_dir: Path, lang: str) -> None:
    for year in YEARS:
        doc = page(site_dir, f"{prefix(lang)}kalender/{year}")
        assert doc.html is not None and doc.html["lang"] == lang
        h1 = doc.select("main h1")
        assert len(h1) == 1 and str(year) in h1[0].get_text()
        months = doc.select("main table.inka-table caption") + doc.select("main .inka-empty")
        assert len(months) == 12
        for cell in doc.select("main table.inka-table tbody time:first-of-type"):
            assert str(cell["datetime"]).startswith(str(year))


def test_year_page_2026_lists_reference_dates(site_dir: Path) -> None:
    doc = page(site_dir, "kalender/2026")
    starts = {str(t["datetime"]) for t in doc.select("main table.inka-table tbody td time")}
    assert {"2026-09-12", "2026-03-20"} <= starts
    captions = [c.get_text(strip=True) for c in doc.select("main table caption")]
    assert captions[0] == "Januar 2026" and captions[-1] == "Dezember 2026"


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_prev_next_only_to_existing_years(site_dir: Path, lang: str) -> None:
    for year in YEARS:
        doc = page(site_dir, f"{prefix(lang)}kalender/{year}")
        rels = {str(link["rel"][0]): str(link["href"]) for link in doc.select("head link[rel]")
                if link["rel"][0] in ("prev", "next")}
        links = {str(a["rel"][0]): str(a["href"]) for a in doc.select("main a[rel]")}
        expected = {}
        if year > YEARS[0]:
            expected["prev"] = f"/{prefix(lang)}kalender/{year - 1}/"
        if year < YEARS[-1]:
            expected["next"] = f"/{prefix(lang)}kalender/{year + 1}/"
        assert rels == expected and links == expected, year


def test_overview_links_every_year(site_dir: Path) -> None:
    for lang in LANGUAGES:
        doc = page(site_dir, f"{prefix(lang)}kalender")
        hrefs = [str(a["href"]) for a in doc.select("nav.inka-years a")]
        assert hrefs == [f"/{prefix(lang)}kalender/{y}/" for y in YEARS]


def test_sitemap_lists_year_pages_and_daten_in_every_language(site_dir: Path) -> None:
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = {el.text for el in ET.parse(site_dir / "sitemap.xml").iter(f"{ns}loc")}
    for lang in LANGUAGES:
        assert f"{BASE}/{prefix(lang)}daten/" in locs
        for year in YEARS:
            assert f"{BASE}/{prefix(lang)}kalender/{year}/" in locs


# --- subscribe panel ------------------------------------------------------------------------------

PANEL_PAGES = ["kalender", *(f"kalender/{c}" for c in COMMUNITIES), *(f"kalender/{y}" for y in YEARS)]


def _feed_of(path: str) -> str:
    last = path.rsplit("/", 1)[-1]
    return f"kalender/{last}.ics" if last in COMMUNITIES else "kalender/alle.ics"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_subscribe_panel(site_dir: Path, lang: str) -> None:
    for path in PANEL_PAGES:
        doc = page(site_dir, prefix(lang) + path)
        panel = doc.select_one("section.inka-subscribe")
        assert isinstance(panel, Tag), path
        feed = prefix(lang) + _feed_of(path)
        webcal = panel.select_one('a[href^="webcal://"]')
        assert webcal is not None and webcal["href"] == f"webcal://{BASE[8:]}/{feed}"
        field = panel.select_one("input.inka-feed-url")
        assert field is not None and field.has_attr("readonly")
        assert field["value"] == f"{BASE}/{feed}" and field["dir"] == "ltr"
        label = panel.select_one(f'label[for="{field["id"]}"]')
        assert label is not None and label.get_text(strip=True)
        assert panel.select_one('[role="status"]') is not None
        assert panel["data-copy-label"] and panel["data-copied-label"]
        howto = panel.select_one("dl.inka-howto").get_text(" ")  # type: ignore[union-attr]
        brands = ("Outlook", "Thunderbird", "calendar.google.com", "ICSx⁵")
        if lang != "ar":  # Arabic writes آيفون, ماك, أندرويد
            brands += ("iPhone", "Mac", "Android")
        assert all(w in howto for w in brands), howto
        download = panel.select_one("a[download]")
        assert download is not None and download["href"] == f"/{feed}"
        size_kb = -(-(site_dir / feed).stat().st_size // 1000)
        assert re.search(rf"\bICS\b.*\b{size_kb}\b", download.get_text()), download.get_text()
        scripts = doc.select("script")
        assert [s.get("src") for s in scripts if s.get("src")] == ["/static/js/copy.js"]
        assert all(s.has_attr("defer") for s in scripts if s.get("src"))
        assert not [s for s in scripts if not s.get("src")
                    and s.get("type") != "application/ld+json"], "inline script (CSP)"


def test_subscribe_panel_german_texts(site_dir: Path) -> None:
    panel = page(site_dir, "kalender/juedisch").select_one("section.inka-subscribe")
    assert panel is not None
    text = panel.get_text(" ", strip=True)
    assert "Ein Abonnement aktualisiert sich von selbst" in text
    assert "Von URL" in text
    assert re.search(r"Kalender herunterladen \(ICS-Datei, \d+ kB\)", text)


def test_holiday_page_links_to_its_community_feed(site_dir: Path) -> None:
    doc = page(site_dir, "en/kalender/juedisch/purim")
    assert doc.select_one('main a[href="/en/kalender/juedisch/#inka-abo"]') is not None
    target = page(site_dir, "en/kalender/juedisch")
    assert target.find(id="inka-abo") is not None


def test_copy_script_is_self_hosted_and_enhances_only(site_dir: Path) -> None:
    script = (site_dir / "static" / "js" / "copy.js").read_text(encoding="utf-8")
    assert "http" not in script.replace("https://", "")  # nothing fetched
    assert "createElement(\"button\")" in script  # the button exists only with JS


# --- open data ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_json_shape_per_year_and_language(site_dir: Path, lang: str) -> None:
    for year in YEARS:
        data = load_json(site_dir, lang, year)
        assert list(data) == ["year", "language", "holidays"]
        assert data["year"] == year and data["language"] == lang
        holidays = data["holidays"]
        assert isinstance(holidays, list) and len(holidays) > 50
        uids, ids = set(), set()
        for item in holidays:
            assert tuple(item) == (*CONTRACT_FIELDS, "uid")
            assert item["start"].startswith(str(year)), item  # starts in that year
            assert item["end"] >= item["start"]
            # id = <community>/<key>/<occurrence>, the UID's occurrence (design.md §6)
            assert f"{item['id'].replace('/', '-')}@" in item["uid"]
            assert item["status"] in ("confirmed", "computed", "estimated")
            assert isinstance(item["begins_evening_before"], bool)
            assert isinstance(item["night"], bool)
            if item["begins_evening_before"]:
                day_before = dt.date.fromisoformat(item["start"]) - dt.timedelta(days=1)
                assert item["evening"] == day_before.isoformat()
            else:
                assert item["evening"] is None and not item["night"]
            ids.add(item["id"])
            assert isinstance(item["variance_days"], int)
            assert item["url"] == f"{BASE}/{prefix(lang)}kalender/{item['community']}/{item['key']}/"
            assert (site_dir / item["url"].removeprefix(BASE + "/") / "index.html").is_file()
            uids.add(item["uid"])
        assert len(uids) == len(ids) == len(holidays)


def test_json_reference_facts(site_dir: Path) -> None:
    items = {h["id"]: h for h in load_json(site_dir, "de", 2026)["holidays"]}  # type: ignore[union-attr]
    rosh = items["juedisch/rosch-ha-schana/5787"]
    assert (rosh["start"], rosh["end"], rosh["begins_evening_before"]) == (
        "2026-09-12", "2026-09-13", True)
    eid = items["islamisch/eid-al-fitr/1447"]
    assert (eid["start"], eid["status"], eid["uid"]) == (
        "2026-03-20", "confirmed", "islamisch-eid-al-fitr-1447@inka.mia-do-ki.dortmund.de")
    english = {h["id"]: h for h in load_json(site_dir, "en", 2026)["holidays"]}  # type: ignore[union-attr]
    assert english["islamisch/eid-al-fitr/1447"]["name"] == "Eid al-Fitr"
    assert english["islamisch/eid-al-fitr/1447"]["url"].startswith(f"{BASE}/en/kalender/")


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_csv_has_bom_and_the_same_rows_as_json(site_dir: Path, lang: str) -> None:
    for year in YEARS:
        raw = (site_dir / prefix(lang) / "kalender" / f"{year}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        holidays = load_json(site_dir, lang, year)["holidays"]
        assert rows and tuple(rows[0]) == OPEN_DATA_FIELDS
        as_text = [{k: (str(v).lower() if isinstance(v, bool) else "" if v is None else str(v))
                    for k, v in h.items()} for h in holidays]  # type: ignore[union-attr]
        assert rows == as_text


# --- /daten/ --------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_daten_page_links_every_file(site_dir: Path, lang: str) -> None:
    doc = page(site_dir, f"{prefix(lang)}daten")
    assert doc.html is not None and doc.html["lang"] == lang
    hrefs = {str(a["href"]) for a in doc.select("main a[href]")}
    for year in YEARS:
        assert f"/{prefix(lang)}kalender/{year}.json" in hrefs
        assert f"/{prefix(lang)}kalender/{year}.csv" in hrefs
    for name in ("alle", *COMMUNITIES):
        assert f"/{prefix(lang)}kalender/{name}.ics" in hrefs
    fields = [c.get_text(strip=True) for c in doc.select("main dl.inka-fields dt code")]
    assert fields == [*CONTRACT_FIELDS, "uid"]
    assert "https://www.govdata.de/dl-de/by-2-0" in hrefs
    assert "dl-de/by-2-0" in doc.get_text()


def test_daten_page_marks_the_licence_as_a_suggestion(site_dir: Path) -> None:
    doc = page(site_dir, "daten")
    licence = doc.find(id="daten-lizenz")
    assert isinstance(licence, Tag) and isinstance(licence.parent, Tag)
    text = licence.parent.get_text(" ", strip=True)
    assert "Vorschlag, noch von der Stadt Dortmund zu bestätigen" in text
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in text
    assert "islamisch/eid-al-fitr/1447" in doc.get_text()  # the id names the occurrence
