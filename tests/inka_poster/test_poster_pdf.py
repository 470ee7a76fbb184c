"""The rendered posters: page size and count, fonts, tags, title and language, text, ink.

Renders only what it checks (2026, German and Arabic) through the same functions as the build.
Tools: poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm), installed by .ci/run.

References (public sources, not the code under test): DIN A1 = 841 × 594 mm = 2383.94 × 1683.78 pt,
A4 = 210 × 297 mm = 595.28 × 841.89 pt (ISO 216; 1 pt = 25.4/72 mm). December 2026: Chanukka
from the evening of 4 December (hebcal.com), Bodhi-Tag 8 December, Tag der Menschenrechte
10 December (United Nations), Heiligabend 24 and Weihnachten 25 December. Arabic names: the UN's
"يوم حقوق الإنسان" (un.org/ar/observances/human-rights-day), "عيد الميلاد المجيد" (Christmas).
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import unicodedata
import zlib
from pathlib import Path

import pytest
from PIL import Image

from inka_engine import Occurrence
from inka_poster.data import poster_data
from inka_poster.render import render, render_html
from mia_site import catalogs
from site_core.languages import LOCALES
from tests.conftest import require_tool

ROOT = Path(__file__).resolve().parents[2]
POSTER_DIR = ROOT / "theme" / "poster"
BASE = "https://mia-do-ki.dortmund.de"
POPPLER = ("pdfinfo", "pdffonts", "pdftotext", "pdftoppm")
A1 = (2383.94, 1683.78)
A4 = (595.28, 841.89)
DECEMBER_DE = ("Chanukka", "Bodhi-Tag", "Tag der Menschenrechte", "Heiligabend", "Weihnachten")
DECEMBER_AR = ("يوم حقوق الإنسان", "عيد الميلاد المجيد")
pytestmark = pytest.mark.slow  # WeasyPrint renders four posters afresh (tens of seconds)


@pytest.fixture(scope="module")
def poppler() -> None:
    require_tool(all(shutil.which(tool) for tool in POPPLER), "poppler-utils",
                 "install it with `apt-get install -y poppler-utils`", "INKA poster PDFs")


@pytest.fixture(scope="module")
def posters(occurrences_2026: list[Occurrence], tmp_path_factory: pytest.TempPathFactory,
            poppler: None) -> dict[tuple[str, str], Path]:
    """2026 in German and Arabic, A1 and A4, rendered fresh (no cache) while WeasyPrint's log
    is captured."""
    folder = tmp_path_factory.mktemp("posters")
    records: list[logging.LogRecord] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Capture(logging.DEBUG)
    weasy_log = logging.getLogger("weasyprint")
    weasy_log.addHandler(handler)
    try:
        made = {}
        for lang in ("de", "ar"):
            data = poster_data(2026, lang, occurrences_2026, BASE, locale=LOCALES[lang])
            for kind in ("a1", "a4"):
                pdf = render(render_html(data, kind, POSTER_DIR,
                                         catalogs.translations(ROOT, lang))).pdf
                path = folder / f"inka-2026-{lang}-{kind}.pdf"
                path.write_bytes(pdf)
                made[(lang, kind)] = path
    finally:
        weasy_log.removeHandler(handler)
    warnings = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    assert warnings == [], "the poster CSS/HTML makes WeasyPrint warn"
    return made


def run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True,
                          timeout=120).stdout


def info(path: Path) -> dict[str, str]:
    found = {}
    for line in run("pdfinfo", path).splitlines():
        key, _, value = line.partition(":")
        found[key.strip()] = value.strip()
    return found


def page_size(text: str) -> tuple[float, float]:
    match = re.match(r"([\d.]+) x ([\d.]+) pts", text)
    assert match, text
    return float(match[1]), float(match[2])


def catalog_language(path: Path) -> str | None:
    """/Lang of the PDF (WeasyPrint keeps the catalog in a compressed object stream)."""
    raw = path.read_bytes()
    for chunk in [raw, *(zlib.decompress(m[1]) for m in re.finditer(
            rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S) if _inflates(m[1]))]:
        match = re.search(rb"/Type\s*/Catalog.*?/Lang\s*\(([^)]*)\)|/Lang\s*\(([^)]*)\)"
                          rb".*?/Type\s*/Catalog", chunk, re.S)
        if match:
            return (match[1] or match[2]).decode()
    return None


def _inflates(data: bytes) -> bool:
    try:
        zlib.decompress(data)
    except zlib.error:
        return False
    return True


def plain(text: str) -> str:
    """Text as pdftotext gives it, comparable: NFKC (Arabic presentation forms), no bidi
    controls, one space. Poppler writes the lam-alef ligature as alef + lam, so the expected
    Arabic is brought into that order too (see arabic())."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    return re.sub(r"\s+", " ", text)


def arabic(expected: str) -> str:
    return re.sub("ل([اأإآ])", r"\1ل", plain(expected))


@pytest.mark.parametrize(("lang", "kind", "size", "pages"), [
    ("de", "a1", A1, 1), ("ar", "a1", A1, 1), ("de", "a4", A4, 12), ("ar", "a4", A4, 12)])
def test_page_size_count_tags_and_title(posters: dict[tuple[str, str], Path], lang: str,
                                        kind: str, size: tuple[float, float],
                                        pages: int) -> None:
    found = info(posters[(lang, kind)])
    width, height = page_size(found["Page size"])
    assert (width, height) == pytest.approx(size, abs=0.02)
    assert int(found["Pages"]) == pages
    assert found["Tagged"] == "yes"
    title = {"de": "Interkultureller Kalender 2026", "ar": "التقويم متعدد الثقافات 2026"}[lang]
    assert found["Title"] == title
    assert catalog_language(posters[(lang, kind)]) == lang


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_fonts_are_embedded(posters: dict[tuple[str, str], Path], lang: str) -> None:
    for kind in ("a1", "a4"):
        rows = run("pdffonts", posters[(lang, kind)]).splitlines()[2:]
        assert rows, "no fonts listed"
        for row in rows:
            assert re.search(r"\byes\s+yes\s+yes\b", row), f"not embedded as subset: {row}"
            assert "DejaVu" in row


def test_german_december_lists_the_reference_holidays(
        posters: dict[tuple[str, str], Path]) -> None:
    december = plain(run("pdftotext", "-f", "12", "-l", "12", posters[("de", "a4")], "-"))
    assert "Dezember 2026" in december
    for name in DECEMBER_DE:
        assert name in december, name
    assert "Sa., 5. – Sa., 12. Dez." in december  # Chanukka, first day after the evening of 4.
    a1 = plain(run("pdftotext", posters[("de", "a1")], "-"))
    for name in DECEMBER_DE:
        assert name in a1, name
    for text in ("Interkultureller Kalender 2026", "mia-do-ki.dortmund.de/kalender/",
                 "Integrationsrat", "beginnt am Vorabend"):
        assert text in a1, text


def test_arabic_poster_has_the_arabic_names(posters: dict[tuple[str, str], Path]) -> None:
    december = plain(run("pdftotext", "-f", "12", "-l", "12", posters[("ar", "a4")], "-"))
    a1 = plain(run("pdftotext", posters[("ar", "a1")], "-"))
    for name in DECEMBER_AR:
        assert arabic(name) in december, name
        assert arabic(name) in a1, name
    assert "mia-do-ki.dortmund.de/ar/kalender/" in a1


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_a1_has_ink_across_the_sheet(posters: dict[tuple[str, str], Path], lang: str,
                                     tmp_path: Path) -> None:
    """Not blank, and not shifted off the sheet (the WeasyPrint RTL pitfall, tooling.md §9):
    every quarter of the width carries ink."""
    run("pdftoppm", "-r", "10", "-png", "-singlefile", posters[(lang, "a1")], tmp_path / "page")
    with Image.open(tmp_path / "page.png") as image:
        grey = image.convert("L")
        width, height = grey.size
        dark = [[grey.getpixel((x, y)) < 200 for x in range(width)] for y in range(height)]
    share = sum(map(sum, dark)) / (width * height)
    assert share > 0.05, f"only {share:.1%} of the page is not white"
    quarters = [sum(row[x] for row in dark for x in range(q * width // 4, (q + 1) * width // 4))
                for q in range(4)]
    assert min(quarters) > 0.2 * max(quarters), quarters


@pytest.mark.parametrize("kind", ["a1", "a4"])
@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_poster_uses_its_sheet(posters: dict[tuple[str, str], Path], lang: str, kind: str,
                                   tmp_path: Path) -> None:
    """Issue 15: the months fill the sheet down to its margin — no empty band at the foot
    (the A1 sheet used to leave its lowest sixth empty). The last inked row lies within the
    lowest 8 % of the page (the margin alone is 2 % on A1; it used to be 15 %)."""
    run("pdftoppm", "-r", "20", "-png", "-singlefile", posters[(lang, kind)], tmp_path / "page")
    with Image.open(tmp_path / "page.png") as image:
        grey = image.convert("L")
        width, height = grey.size
        inked = [y for y in range(height)
                 if any(grey.getpixel((x, y)) < 200 for x in range(0, width, 2))]
    assert inked[-1] / height > 0.92, f"{lang} {kind}: ink ends at {inked[-1] / height:.0%}"
