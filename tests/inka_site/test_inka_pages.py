"""The calendar pages of the Interkultureller Kalender (design.md §3, §5, §6, §8).

One build with SOURCE_DATE_EPOCH = 2026-01-01 (the session's ``site_dir``, see tests/conftest.py).
Reference dates come from cited public sources, not from the engine:

* Western Easter Sunday 2026 = 5 April 2026 (Deutsche Bischofskonferenz, "Bewegliche
  Feiertage"; Wikipedia "Osterdatum", table of Easter dates).
* Rosh Hashana 5787 begins at sundown on 11 September 2026, first day 12 September 2026
  (hebcal.com, "Rosh Hashana 2026").
* Eid al-Fitr 1447: 20 March 2026 (Diyanet İşleri Başkanlığı, Dini Günler 2026).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from inka_engine import COMMUNITIES, load_holidays, occurrences
from inka_site.filters import date_wd, month_year
from inka_site.markup import render_body
from mia_site.jsonld import script_text as json_script
from site_core.languages import text_direction as text_dir

ROOT = Path(__file__).resolve().parents[2]
INKA = ROOT / "content" / "inka"
BUILD_DATE = dt.date(2026, 1, 1)  # tests/conftest.py SOURCE_DATE_EPOCH
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}


@pytest.fixture(scope="module")
def site(site_dir: Path) -> Path:
    return site_dir


def page(site: Path, path: str) -> BeautifulSoup:
    file = site / path / "index.html"
    assert file.is_file(), f"/{path} was not written"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def holiday_files() -> list[Path]:
    """The German holiday files (not their translations ``<key>.<lang>.md``)."""
    return sorted(f for f in INKA.glob("*/*.md") if f.name.count(".") == 1)


def rows_with(doc: BeautifulSoup, iso: str) -> list[Tag]:
    """Rows of the dates table whose first cell starts on ``iso``."""
    found = []
    for row in doc.select("table.inka-table tbody tr"):
        first = row.find("time")
        if isinstance(first, Tag) and first.get("datetime") == iso:
            found.append(row)
    return found


# --- /kalender/ -----------------------------------------------------------------------------

def test_overview_has_twelve_month_tables_with_captions(site: Path) -> None:
    doc = page(site, "kalender")
    captions = [c.get_text(strip=True) for c in doc.select("main table caption")]
    assert captions == [f"{m} 2026" for m in MONTHS]
    for table in doc.select("main table"):
        headers = [th.get_text(strip=True) for th in table.select("thead th")]
        assert headers == ["Datum", "Feiertag", "Gemeinschaft"]
        assert all(th.get("scope") == "col" for th in table.select("th"))
        for row in table.select("tbody tr"):
            assert row.find("time", attrs={"datetime": re.compile(r"^2026-\d\d-\d\d$")})
            assert row.find("a", href=re.compile(r"^/kalender/[a-z]+/[a-z0-9-]+/$"))
    h1 = doc.select("main h1")
    assert [h.get_text(strip=True) for h in h1] == ["Interkultureller Kalender 2026"]


def test_overview_shows_today_and_the_next_eight(site: Path) -> None:
    doc = page(site, "kalender")
    today = doc.find(id="inka-heute")
    assert isinstance(today, Tag) and isinstance(today.parent, Tag)
    # 1 January 2026: no holiday of the calendar falls on it.
    assert "Heute ist kein Feiertag im Kalender." in today.parent.get_text(" ", strip=True)
    nxt = doc.find(id="inka-naechste")
    assert isinstance(nxt, Tag) and isinstance(nxt.parent, Tag)
    items = nxt.parent.select("li")
    assert len(items) == 8
    first = items[0]
    assert first.find("time")["datetime"] == "2026-01-06"  # type: ignore[index]
    assert "Heilige Drei Könige" in first.get_text()
    dates = [li.find("time")["datetime"] for li in items]  # type: ignore[index]
    assert dates == sorted(dates) and all(d > "2026-01-01" for d in dates)  # type: ignore[operator]


def test_filter_links_to_every_community_without_javascript(site: Path) -> None:
    doc = page(site, "kalender")
    links = [a["href"] for a in doc.select("nav.inka-filter a")]
    assert links == ["/kalender/", *(f"/kalender/{c}/" for c in COMMUNITIES)]
    assert not doc.select("main script")


def test_overview_explains_how_dates_are_computed(site: Path) -> None:
    text = page(site, "kalender").get_text(" ", strip=True)
    assert "voraussichtlich" in text and "bestätigt" in text and "Vorabend" in text


# --- community pages ------------------------------------------------------------------------

@pytest.mark.parametrize("community", COMMUNITIES)
def test_community_page(site: Path, community: str) -> None:
    doc = page(site, f"kalender/{community}")
    assert len(doc.select("main h1")) == 1
    crumbs = [a.get_text(strip=True) for a in doc.select("nav.breadcrumbs li")]
    assert crumbs[:2] == ["Startseite", "Interkultureller Kalender"] and len(crumbs) == 3
    links = {a["href"] for a in doc.select("main .card-list a")}
    expected = {f"/kalender/{community}/{f.stem}/" for f in holiday_files() if f.parent.name == community}
    assert links == expected
    current = doc.select_one('nav.inka-filter a[aria-current="page"]')
    assert current is not None and current["href"] == f"/kalender/{community}/"


def test_community_display_names(site: Path) -> None:
    names = {c: page(site, f"kalender/{c}").select_one("main h1").get_text(strip=True)  # type: ignore[union-attr]
             for c in ("christlich", "juedisch", "gesellschaftlich")}
    assert names == {"christlich": "Christliche Feiertage", "juedisch": "Jüdische Feiertage",
                     "gesellschaftlich": "Gesellschaftliche Gedenk- und Aktionstage"}


def test_community_colours_come_from_the_generated_stylesheet(site: Path) -> None:
    """The labels' colours: css/communities.css, written by the build, linked by the calendar
    pages (the poster's colours are the same, tests/inka_poster/test_poster_grid.py)."""
    css = (site / "static" / "css" / "communities.css").read_text(encoding="utf-8")
    assert "--community-islamisch: #1b6e3a;" in css
    assert ".inka-community--islamisch { border-inline-start-color: var(--community-islamisch); }" \
        in css
    for path in ("kalender", "en/kalender/islamisch", "ar/kalender/2026"):
        links = [a["href"] for a in page(site, path).select('link[rel="stylesheet"]')]
        assert "/static/css/communities.css" in links, path


# --- holiday pages --------------------------------------------------------------------------

def test_every_holiday_file_has_its_page(site: Path) -> None:
    files = holiday_files()
    assert len(files) >= 80
    missing = [f"{f.parent.name}/{f.stem}" for f in files
               if not (site / "kalender" / f.parent.name / f.stem / "index.html").is_file()]
    assert not missing, missing
    for f in files:
        doc = page(site, f"kalender/{f.parent.name}/{f.stem}")
        assert len(doc.select("h1")) == 1
        levels = [int(h.name[1]) for h in doc.select("main h1, main h2, main h3, main h4")]
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (f, levels)
        crumbs = [li.get_text(strip=True) for li in doc.select("nav.breadcrumbs li")]
        assert len(crumbs) == 4 and crumbs[1] == "Interkultureller Kalender"


def test_holiday_page_lists_two_years_back_to_ten_ahead(site: Path) -> None:
    doc = page(site, "kalender/christlich/weihnachten")
    years = [t["datetime"][:4] for t in doc.select("table.inka-table tbody tr td:first-child "
                                                   "time:first-of-type")]
    assert years == [str(y) for y in range(2024, 2037)]


def test_western_easter_2026_from_a_published_table(site: Path) -> None:
    doc = page(site, "kalender/christlich/ostersonntag")
    rows = rows_with(doc, "2026-04-05")
    assert len(rows) == 1
    assert "So., 5. Apr. 2026" in rows[0].get_text(" ", strip=True)


def test_rosh_hashana_5787_begins_the_evening_before(site: Path) -> None:
    doc = page(site, "kalender/juedisch/rosch-ha-schana")
    assert doc.select_one("main h1").get_text(strip=True).startswith("Rosch haSchana")  # type: ignore[union-attr]
    rows = rows_with(doc, "2026-09-12")
    assert len(rows) == 1
    text = rows[0].get_text(" ", strip=True)
    assert "beginnt am Vorabend, dem Fr., 11. Sept. 2026" in text
    assert rows[0].find("time", attrs={"datetime": "2026-09-11"})
    assert rows[0].find("time", attrs={"datetime": "2026-09-13"})  # second day


def test_confirmed_eid_al_fitr_names_its_source(site: Path) -> None:
    rows = rows_with(page(site, "kalender/islamisch/eid-al-fitr"), "2026-03-20")
    assert len(rows) == 1
    text = rows[0].get_text(" ", strip=True)
    assert "bestätigt" in text and "Diyanet" in text


def test_estimated_islamic_dates_show_their_variance(site: Path) -> None:
    holidays = [h for h in load_holidays(INKA) if h.community == "islamisch"]
    window = occurrences(holidays, dt.date(2024, 1, 1), dt.date(2036, 12, 31))
    build_date = dt.date(2026, 1, 1)  # SOURCE_DATE_EPOCH of the test build
    movable = [o for o in window if o.may_move_on(build_date)]
    assert movable, "expected estimated Islamic dates that may move"
    for occ in movable:  # a night is listed on its evening
        rows = rows_with(page(site, f"kalender/islamisch/{occ.key}"), occ.shown_start.isoformat())
        assert len(rows) == 1, occ
        note = f"voraussichtlich – kann sich um {occ.variance_days} Tag"
        assert note in rows[0].get_text(" ", strip=True), occ
    # Dates that have passed are never "voraussichtlich" (issue 15).
    passed = [o for o in window if o.may_move and not o.may_move_on(build_date)]
    assert passed
    for occ in passed:
        rows = rows_with(page(site, f"kalender/islamisch/{occ.key}"), occ.shown_start.isoformat())
        text = rows[0].get_text(" ", strip=True)
        assert "voraussichtlich" not in text and "berechnet" in text, occ
    # Lailat al-Qadr: 1447 published by Diyanet (the evening of 16 March 2026), 1448 computed
    # by Diyanet's method and not yet published (the evening of 5 March 2027).
    doc = page(site, "kalender/islamisch/lailat-al-qadr")
    confirmed = rows_with(doc, "2026-03-16")[0].get_text(" ", strip=True)
    assert "bestätigt – Quelle: Diyanet" in confirmed and "Nacht" in confirmed
    estimated = rows_with(doc, "2027-03-05")[0].get_text(" ", strip=True)
    assert "voraussichtlich – kann sich um 1 Tag verschieben" in estimated


@pytest.mark.parametrize(("path", "lang", "direction"), [
    ("islamisch/eid-al-fitr", "ar", "rtl"),
    ("juedisch/rosch-ha-schana", "he", "rtl"),
    ("orthodox/ostern", "el", "ltr"),
])
def test_native_name_in_its_own_script(site: Path, path: str, lang: str, direction: str) -> None:
    span = page(site, f"kalender/{path}").select_one("main .inka-native span")
    assert span is not None
    assert span["lang"] == lang and span["dir"] == direction


def test_every_native_name_has_lang_and_direction(site: Path) -> None:
    for holiday in load_holidays(INKA):
        if holiday.native is None:
            continue
        span = page(site, f"kalender/{holiday.community}/{holiday.key}").select_one(
            "main .inka-native span")
        assert span is not None and span.get_text() == holiday.native.text
        assert span["lang"] == holiday.native.lang
        assert span["dir"] == ("rtl" if holiday.native.lang in ("ar", "he", "fa", "ur") else "ltr")


def test_json_ld_event_for_the_next_occurrence(site: Path) -> None:
    doc = page(site, "kalender/juedisch/rosch-ha-schana")
    scripts = doc.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string or "")
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Rosch haSchana (Jüdisches Neujahr)"
    assert (data["startDate"], data["endDate"]) == ("2026-09-12", "2026-09-13")
    assert data["url"].startswith("https://") and data["url"].endswith(
        "/kalender/juedisch/rosch-ha-schana/")
    assert data["location"]["@type"] == "Place"
    canonical = doc.select_one('link[rel="canonical"]')
    assert canonical is not None and canonical["href"] == data["url"]


def test_sitemap_lists_the_calendar_pages(site: Path) -> None:
    tree = ET.parse(site / "sitemap.xml")
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = {el.text or "" for el in tree.iter(f"{ns}loc")}
    paths = {loc.split("/", 3)[3] for loc in locs}
    assert "kalender/" in paths
    assert {f"kalender/{c}/" for c in COMMUNITIES} <= paths
    assert {f"kalender/{f.parent.name}/{f.stem}/" for f in holiday_files()} <= paths


# --- content errors stop the build ------------------------------------------------------------

def test_a_broken_holiday_file_stops_the_build(tmp_path: Path,
                                               capfd: pytest.CaptureFixture[str],
                                               build_site_fixed: Callable[..., bool]) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    purim = content / "inka" / "juedisch" / "purim.md"
    lines = purim.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("variance_days:"))
    lines[number - 1] = "variance_days: viele"
    purim.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = tmp_path / "out"
    output.mkdir()
    (output / "keep.txt").write_text("last good build", encoding="utf-8")
    assert build_site_fixed(output, content) is False
    err = capfd.readouterr().err
    assert f"content/inka/juedisch/purim.md:{number}: " in err
    assert (output / "keep.txt").read_text(encoding="utf-8") == "last good build"


# --- helpers (no build) -------------------------------------------------------------------------

def test_body_headings_stay_below_the_pages_h1() -> None:
    assert "<h2" in render_body("## Was das Fest bedeutet\n\nText", MARKDOWN)
    shifted = render_body("# Titel\n\n## Teil\n\nText", MARKDOWN)
    assert "<h1" not in shifted and "<h2" in shifted and "<h3" in shifted


def test_babel_formats_and_safe_json() -> None:
    assert date_wd(dt.date(2026, 4, 5)) == "So., 5. Apr. 2026"
    assert date_wd(dt.date(2026, 4, 5), year=False) == "So., 5. Apr."
    assert month_year(dt.date(2026, 3, 1)) == "März 2026"
    assert "</script>" not in json_script({"name": "</script><b>"})
    assert json.loads(json_script({"name": "</script>&"})) == {"name": "</script>&"}
    assert (text_dir("ar"), text_dir("he"), text_dir("el")) == ("rtl", "rtl", "ltr")
