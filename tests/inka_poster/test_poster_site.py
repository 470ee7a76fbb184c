"""The posters in the session build (SOURCE_DATE_EPOCH = 2026-01-01, INKA_YEARS = 2025…2029):
every year × language × format at the contract path (design.md §3), with the right page count,
and linked with its size from the year page of its language."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import require_tool

LANGUAGES = ("de", "en", "tr", "ar", "uk", "pl")
YEARS = tuple(range(2025, 2030))
PAGES = {"a1": 1, "a4": 12}


def test_every_poster_is_written_and_fits_its_pages(site_dir: Path) -> None:
    require_tool(shutil.which("pdfinfo") is not None, "pdfinfo",
                 "install it with `apt-get install -y poppler-utils`", "INKA poster PDFs")
    wrong = []
    for year in YEARS:
        for lang in LANGUAGES:
            for kind, pages in PAGES.items():
                path = site_dir / "kalender" / str(year) / f"inka-{year}-{lang}-{kind}.pdf"
                assert path.is_file(), f"/{path.relative_to(site_dir)} was not written"
                out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                                     check=True, timeout=60).stdout
                found = int(re.search(r"^Pages:\s+(\d+)", out, re.M)[1])  # type: ignore[index]
                if found != pages:
                    wrong.append(f"{path.name}: {found} pages, expected {pages}")
    assert wrong == []
    assert not list(site_dir.glob("*/kalender/*/inka-*.pdf")), "posters only in /kalender/<year>/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_year_page_links_its_language_posters_with_size(site_dir: Path, lang: str) -> None:
    prefix = "" if lang == "de" else f"{lang}/"
    html = (site_dir / prefix / "kalender" / "2026" / "index.html").read_text("utf-8")
    doc = BeautifulSoup(html, "html.parser")
    section = doc.select_one("section.inka-posters")
    assert section is not None, "no poster links on the year page"
    links = {a["href"]: a.get_text(" ", strip=True) for a in section.select("a[href$='.pdf']")}
    for kind, label in (("a1", "DIN A1"), ("a4", "DIN A4")):
        href = f"/kalender/2026/inka-2026-{lang}-{kind}.pdf"
        assert href in links, (href, links)
        text = links[href]
        size = (site_dir / href.lstrip("/")).stat().st_size
        assert label in text and "PDF" in text
        assert re.search(r"\d+\s*(kB|MB|кБ|МБ|كيلوبايت|م\.ب)", text), text
        assert str(max(1, -(-size // 1000))) in text.replace(".", "") or "MB" in text
    assert section.select_one(f"a[href='/{prefix}kalender/2026/']") is not None
