"""One record of every file a build writes (issue 16): two outputs claiming one path stop the
build with both named; the sitemap is made from the pages that were written."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2 import Template
from PIL import Image

import tasks
from mia_site.writer import AbsoluteFeedWriter
from site_build.working import Stop
from site_build.written import OutputClash, Page, WrittenFiles, sitemap_groups
from tests.samples import NEWS_HEAD

ROOT = Path(tasks.__file__).resolve().parent
LANGS = ["de", "en", "ar"]


def test_second_claim_on_a_path_names_both_producers(tmp_path: Path) -> None:
    written = WrittenFiles(tmp_path)
    written.write_bytes("kalender/alle.ics", b"A", "INKA-Kalender")
    with pytest.raises(OutputClash) as caught:
        written.write_bytes("kalender/./alle.ics", b"B", "Veranstaltungen")
    message = str(caught.value)
    assert "kalender/alle.ics" in message
    assert "INKA-Kalender" in message and "Veranstaltungen" in message
    assert (tmp_path / "kalender/alle.ics").read_bytes() == b"A"


def test_a_path_outside_the_output_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Stop, match="außerhalb des Ausgabeordners"):
        WrittenFiles(tmp_path / "out").claim("../x.txt", "Test")


def _writer(tmp_path: Path) -> AbsoluteFeedWriter:
    settings = {"PAGINATED_TEMPLATES": {}, "DEFAULT_PAGINATION": False, "RELATIVE_URLS": False}
    return AbsoluteFeedWriter(str(tmp_path), settings=settings)


def test_our_file_on_a_path_pelican_wrote_stops_the_build(tmp_path: Path) -> None:
    writer = _writer(tmp_path)
    template = Template("<p>{{ page_lang }}</p>")
    template.name = "notfound.html"
    writer.write_file("404.html", template, {"PATH": str(tmp_path)}, page_lang="de")
    with pytest.raises(OutputClash) as caught:
        writer.write_bytes("404.html", b"x", "Veranstaltungen (.ics-Dateien)")
    assert "Vorlage notfound.html" in str(caught.value)
    assert "Veranstaltungen (.ics-Dateien)" in str(caught.value)
    assert (tmp_path / "404.html").read_text(encoding="utf-8") == "<p>de</p>"


def test_pelican_page_on_a_path_we_wrote_stops_the_build(tmp_path: Path) -> None:
    writer = _writer(tmp_path)
    writer.write_bytes("kalender/index.html", b"x", "INKA-Plakate (PDF)")
    with pytest.raises(OutputClash, match="INKA-Plakate"):
        writer.write_file("kalender/index.html", Template("y"), {"PATH": str(tmp_path)})


def test_sitemap_groups_versions_of_a_page_and_leaves_out_unlisted_pages() -> None:
    pages = [Page("en/themen/a/index.html", True), Page("themen/a/index.html", True),
             Page("ar/themen/a/index.html", False),  # a fallback copy of the German text
             Page("index.html", True), Page("ar/index.html", True),
             Page("404.html", False), Page("nur-deutsch/index.html", True),
             Page("feed.xml", True)]
    assert sitemap_groups(pages, LANGS, "de") == [
        [("de", ""), ("ar", "ar/")],
        [("de", "nur-deutsch/")],
        [("de", "themen/a/"), ("en", "en/themen/a/")],
    ]


def test_static_file_on_the_path_of_an_image_copy_stops_the_build(
        tmp_path: Path, build_site_process: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """An editor's ``bild-480w.jpg`` beside ``bild.jpg``: the build would make a smaller copy
    of bild.jpg under the same name. The build names both and keeps the last output."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("inka"))
    (content / "images").mkdir(exist_ok=True)
    Image.new("RGB", (1000, 600), "white").save(content / "images/bild.jpg")
    Image.new("RGB", (480, 288), "white").save(content / "images/bild-480w.jpg")
    news = NEWS_HEAD.removesuffix("---\n") + "image: images/bild.jpg\nimage_alt: Ein Bild\n---\n"
    (content / "news/2025-01-02-testmeldung.md").write_text(news + "Text.\n", encoding="utf-8")
    result = build_site_process(tmp_path / "output", content)
    assert result.returncode != 0
    assert "images/bild-480w.jpg" in result.stderr
    assert "verkleinerte Kopie von content/images/bild.jpg" in result.stderr, result.stderr
    assert "statische Datei content/images/bild-480w.jpg" in result.stderr
    assert not (tmp_path / "output").exists()
