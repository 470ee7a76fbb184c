"""Month grids, marks and poster data (pure: no Pelican, no WeasyPrint).

References (public sources, not the code under test):
- ISO 8601 weeks: 2026 begins on a Thursday, so it has 53 ISO weeks; 28 Dec 2026 – 3 Jan 2027 is
  week 53 and 1 Jan 2026 lies in week 1 (timeanddate.com, "Week Numbers for 2026").
- December 2026: Chanukka begins on the evening of Friday 4 December 2026, first day 5 December
  (hebcal.com, Chanukah 2026); Bodhi-Tag 8 December (Rohatsu, fixed date); Tag der
  Menschenrechte 10 December (United Nations, General Assembly resolution 423 (V));
  Heiligabend 24 and Weihnachten 25 December.
- Weekday and month names: Unicode CLDR (de: "Mo", "Dezember"; ar: "الاثنين", "ديسمبر").
- Contrast: WCAG 2.1 relative luminance and contrast ratio (w3.org/TR/WCAG21/#dfn-contrast-ratio).
"""

from __future__ import annotations

import ast
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inka_engine import COMMUNITIES, Occurrence
from inka_poster.cache import PosterCache, cache_key, shared_folder
from inka_poster.data import feeds_url, poster_data, poster_path
from inka_poster.grid import month_grid, month_occurrences
from inka_poster.sizes import file_size
from site_core.communities import BY_KEY

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://mia-do-ki.dortmund.de"


def occ(community: str, key: str, start: dt.date, end: dt.date | None = None, *,
        evening: bool = False, status: str = "estimated", variance: int = 0) -> Occurrence:
    return Occurrence(community, key, start.year, start, end or start, evening, status,  # type: ignore[arg-type]
                      variance, "test")


# --- weeks ---------------------------------------------------------------------------------------

def test_december_2026_iso_weeks_start_on_monday() -> None:
    grid = month_grid(2026, 12, [])
    assert [w.iso_week for w in grid.weeks] == [49, 50, 51, 52, 53]
    first = grid.weeks[0].days
    assert first[0] is None  # Monday 30 November belongs to November
    assert first[1] is not None and first[1].date == dt.date(2026, 12, 1)  # a Tuesday
    last = grid.weeks[-1].days
    assert last[0] is not None and last[0].date == dt.date(2026, 12, 28)
    assert last[3] is not None and last[3].date == dt.date(2026, 12, 31)
    assert last[4:] == (None, None, None)


def test_january_2026_starts_in_week_1_and_march_needs_six_rows() -> None:
    january = month_grid(2026, 1, [])
    assert january.weeks[0].iso_week == 1
    assert january.weeks[0].days[3] is not None and january.weeks[0].days[3].date.day == 1
    march = month_grid(2026, 3, [])  # 1 March 2026 is a Sunday
    assert len(march.weeks) == 6
    assert march.weeks[0].days[6] is not None and march.weeks[0].days[6].is_sunday


def test_january_2027_begins_in_week_53_of_2026() -> None:
    assert month_grid(2027, 1, []).weeks[0].iso_week == 53


# --- marks ---------------------------------------------------------------------------------------

def test_marks_sit_on_the_start_day_with_letter_and_markers() -> None:
    items = [
        occ("islamisch", "eid-al-fitr", dt.date(2026, 3, 20), dt.date(2026, 3, 22),
            evening=True, variance=1),
        occ("christlich", "ostersonntag", dt.date(2026, 4, 5)),
        occ("juedisch", "pessach", dt.date(2026, 4, 2), dt.date(2026, 4, 9), evening=True),
    ]
    march = month_grid(2026, 3, items)
    (mark,) = march.day(20).marks
    assert (mark.letter, mark.text, mark.estimated) == ("I", "I*~", True)
    assert march.day(21).marks == ()  # only the first day is marked; the list gives the range
    april = month_grid(2026, 4, items)
    assert [m.text for m in april.day(2).marks] == ["J*"]
    assert [m.text for m in april.day(5).marks] == ["C"]


def test_confirmed_and_exact_dates_are_not_marked_estimated() -> None:
    confirmed = occ("islamisch", "eid-al-adha", dt.date(2026, 5, 27), status="confirmed",
                    variance=1)
    exact = occ("christlich", "weihnachten", dt.date(2026, 12, 25), variance=0)
    assert month_grid(2026, 5, [confirmed]).day(27).marks[0].text == "I"
    assert month_grid(2026, 12, [exact]).day(25).marks[0].text == "C"


def test_several_marks_on_one_day_in_community_order() -> None:
    items = [occ("gesellschaftlich", "x", dt.date(2026, 6, 1)),
             occ("christlich", "y", dt.date(2026, 6, 1)),
             occ("islamisch", "z", dt.date(2026, 6, 1))]
    assert [m.letter for m in month_grid(2026, 6, items).day(1).marks] == ["C", "I", "G"]


def test_december_2026_from_the_engine(occurrences_2026: list[Occurrence]) -> None:
    grid = month_grid(2026, 12, occurrences_2026)
    marks = {day: {(m.community, m.key): m for m in grid.day(day).marks}
             for day in (5, 8, 10, 24, 25)}
    chanukka = marks[5][("juedisch", "chanukka")]
    assert chanukka.evening_before and chanukka.text.startswith("J*")
    assert ("buddhistisch", "bodhi-tag") in marks[8]
    assert ("gesellschaftlich", "tag-der-menschenrechte") in marks[10]
    assert ("christlich", "heiligabend") in marks[24]
    assert ("christlich", "weihnachten") in marks[25]
    week_of_christmas = next(w for w in grid.weeks
                             if any(d and d.date.day == 24 for d in w.days))
    assert week_of_christmas.iso_week == 52


def test_month_list_holds_the_starts_of_the_month_in_date_order(
        occurrences_2026: list[Occurrence]) -> None:
    found = month_occurrences(occurrences_2026, 2026, 12)
    assert [o.start for o in found] == sorted(o.start for o in found)
    assert all(o.start.year == 2026 and o.start.month == 12 for o in found)


# --- colours and letters -------------------------------------------------------------------------

def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("community", COMMUNITIES)
def test_mark_colours_carry_white_letters(community: str) -> None:
    """White letters on the colour: text contrast ≥ 4.5:1 (which also gives ≥ 3:1 for the
    mark as a graphic against the white paper)."""
    ratio = 1.05 / (_luminance(BY_KEY[community].colour) + 0.05)
    assert ratio >= 4.5, f"{community}: {ratio:.2f}:1"


def test_every_community_has_its_own_letter() -> None:
    letters = [BY_KEY[c].letter for c in COMMUNITIES]
    assert len(set(letters)) == len(COMMUNITIES)
    assert all(len(letter) == 1 and letter.isascii() for letter in letters)


# --- poster data ---------------------------------------------------------------------------------

def test_poster_data_in_german(occurrences_2026: list[Occurrence]) -> None:
    data = poster_data(2026, "de", occurrences_2026, BASE, locale="de_DE")
    assert [short for short, _ in data.weekdays] == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    december = data.months[11]
    assert december.name == "Dezember"
    names = {e.name: e for e in december.entries}
    assert names["Heiligabend"].when == "24. Dez."
    assert names["Tag der Menschenrechte"].when_long == "Do., 10. Dez."
    chanukka = next(e for e in december.entries if e.mark.key == "chanukka")
    assert chanukka.when == "5.–12. Dez." and chanukka.mark.text == "J*"
    assert data.url == "https://mia-do-ki.dortmund.de/kalender/" and data.dir == "ltr"
    assert data.qr.startswith("data:image/svg+xml")


def test_poster_data_in_arabic_is_rtl_with_latin_digits(
        occurrences_2026: list[Occurrence]) -> None:
    data = poster_data(2026, "ar", occurrences_2026, BASE, locale="ar")
    assert data.dir == "rtl"
    assert data.weekdays[0][1] == "الاثنين"  # (short, full)
    assert data.months[11].name == "ديسمبر"
    christmas = next(e for e in data.months[11].entries if e.mark.key == "weihnachten")
    assert christmas.when.startswith("25") and "ديسمبر" in christmas.when
    assert data.url == "https://mia-do-ki.dortmund.de/ar/kalender/"


def test_paths_follow_the_url_contract() -> None:
    assert poster_path(2026, "ar", "a1") == "kalender/2026/inka-2026-ar-a1.pdf"
    assert poster_path(2027, "de", "a4") == "kalender/2027/inka-2027-de-a4.pdf"
    assert feeds_url(BASE + "/", "en") == "https://mia-do-ki.dortmund.de/en/kalender/"


# --- sizes and cache -----------------------------------------------------------------------------

def test_file_sizes_in_the_page_language() -> None:
    assert file_size(1_234_567, "de_DE") == "1,2 MB"
    assert file_size(1_234_567, "en_GB") == "1.2 MB"
    assert file_size(179_001, "de_DE") == "180 kB"
    assert file_size(999_999, "de_DE") == "1.000 kB"


def test_cache_key_changes_with_every_part_and_round_trips(tmp_path: Path) -> None:
    base = cache_key("data", "template", "css", "weasyprint 70.0")
    assert base == cache_key("data", "template", "css", "weasyprint 70.0")
    for changed in (("data2", "template", "css", "weasyprint 70.0"),
                    ("data", "template2", "css", "weasyprint 70.0"),
                    ("data", "template", "css2", "weasyprint 70.0"),
                    ("data", "template", "css", "weasyprint 71.0"),
                    ("datatemplate", "", "css", "weasyprint 70.0")):
        assert cache_key(*changed) != base
    cache = PosterCache(tmp_path / "posters")
    assert cache.get(base) is None
    cache.put(base, b"%PDF-1.7 test")
    assert cache.get(base) == b"%PDF-1.7 test"
    assert cache.prune(max_age_days=30) == 0
    assert cache.prune(max_age_days=-1) == 1 and cache.get(base) is None


def test_shared_cache_serves_a_fresh_clone(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A poster set in one clone is found by another clone of the same user (the shared
    folder), copied into the clone's own cache; a build with its own MIA_POSTER_CACHE or
    MIA_SHARED_CACHE=0 uses no shared folder; a shared folder it cannot write is no error."""
    monkeypatch.delenv("MIA_POSTER_CACHE", raising=False)
    monkeypatch.delenv("MIA_SHARED_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    shared = shared_folder()
    assert shared == tmp_path / "home-cache" / "mia-do-ki" / "posters"
    key = cache_key("data", "template")
    PosterCache(tmp_path / "clone1" / "posters", shared).put(key, b"%PDF-1.7 one")
    second = PosterCache(tmp_path / "clone2" / "posters", shared)
    assert second.get(key) == b"%PDF-1.7 one" and second.from_shared == 1
    assert (tmp_path / "clone2" / "posters" / f"{key}.pdf").read_bytes() == b"%PDF-1.7 one"
    assert second.get(key) == b"%PDF-1.7 one" and second.from_shared == 1  # own copy now
    monkeypatch.setenv("MIA_SHARED_CACHE", "0")
    assert shared_folder() is None
    monkeypatch.delenv("MIA_SHARED_CACHE")
    monkeypatch.setenv("MIA_POSTER_CACHE", str(tmp_path / "own"))
    assert shared_folder() is None
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the shared folder would be")
    third = PosterCache(tmp_path / "clone3" / "posters", blocked / "posters")
    third.put(key, b"%PDF-1.7 three")
    assert third.get(key) == b"%PDF-1.7 three"


def test_pure_modules_import_neither_pelican_nor_weasyprint() -> None:
    for name in ("grid", "data", "qr", "sizes", "cache"):
        tree = ast.parse((ROOT / "plugins" / "inka_poster" / f"{name}.py").read_text("utf-8"))
        imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                    if isinstance(node, ast.Import) for alias in node.names}
        imported |= {(node.module or "").split(".")[0] for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom)}
        assert not imported & {"pelican", "weasyprint", "mia_site"}, (name, imported)
    code = ("import sys; import inka_poster.grid, inka_poster.data, inka_poster.cache; "
            "print(sorted({'pelican', 'weasyprint'} & {m.split('.')[0] for m in sys.modules}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": "plugins"},
                          timeout=120)
    assert done.stdout.strip() == "[]"


def test_posters_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from inka_poster.generator import enabled

    monkeypatch.setenv("MIA_POSTERS", "0")
    assert not enabled()
    monkeypatch.setenv("MIA_POSTERS", "1")
    assert enabled()
    monkeypatch.delenv("MIA_POSTERS")
    assert enabled()
