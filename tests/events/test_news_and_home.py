"""News (pagination, tags, feeds, images) and the home page's lists, in every language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from events_support import LANGUAGES, prefix
from PIL import Image

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://mia-do-ki.dortmund.de"


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_news_paginate_by_eight(site_dir: Path, lang: str) -> None:
    """content/news has ten German news items, all published by 2026-01-01."""
    first = _page(site_dir, f"{prefix(lang)}nachrichten")
    second = _page(site_dir, f"{prefix(lang)}nachrichten/seite-2")
    assert len(first.select("main .card--news")) == 8
    assert len(second.select("main .card--news")) == 2
    nav = first.find("nav", class_="pagination")
    assert nav.find("a", rel="next")["href"] == f"/{prefix(lang)}nachrichten/seite-2/"
    assert second.find("nav", class_="pagination").find("a", rel="prev")["href"] == (
        f"/{prefix(lang)}nachrichten/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_atom_feeds_parse(site_dir: Path, lang: str) -> None:
    root = ET.parse(site_dir / prefix(lang) / "nachrichten" / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert entries, "no entries"
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(f"{BASE}/{prefix(lang)}nachrichten/"), link
        assert entry.find(f"{ATOM}updated") is not None or entry.find(f"{ATOM}published") is not None
        assert entry.find(f"{ATOM}title").text


def test_news_list_shows_tags_and_tag_pages_exist(site_dir: Path) -> None:
    doc = _page(site_dir, "en/nachrichten")
    tag = doc.find("a", class_="tag")
    assert tag is not None and tag["href"].startswith("/en/nachrichten/thema/")
    assert (site_dir / tag["href"].lstrip("/") / "index.html").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_lists_next_holidays_in_its_language(site_dir: Path, lang: str) -> None:
    doc = BeautifulSoup((site_dir / prefix(lang) / "index.html").read_text("utf-8"),
                        "html.parser")
    links = doc.select("ul.holiday-list a")
    assert len(links) == 3
    for link in links:
        assert link["href"].startswith(f"/{prefix(lang)}kalender/"), link["href"]
        assert (site_dir / link["href"].lstrip("/") / "index.html").is_file()
    # 2026-01-01: the first coming holidays include Epiphany on 6 January (a fixed date).
    assert doc.select("ul.holiday-list time")[0]["datetime"] == "2026-01-06"
    assert len(doc.select("#news-h ~ .card--news")) == 3


def test_news_image_has_alt_sizes_and_generated_copies(fixture_site: Path) -> None:
    for lang in LANGUAGES:
        doc = _page(fixture_site, f"{prefix(lang)}nachrichten/nachricht-mit-bild")
        img = doc.find("main").find("img")
        assert img["alt"] == "Drei farbige Kreise auf weißem Grund"
        assert (img["width"], img["height"]) == ("1600", "900")
        assert img["sizes"]
        candidates = [c.strip().split() for c in img["srcset"].split(",")]
        assert [w for _u, w in candidates] == ["480w", "800w", "1200w", "1600w"]
        for url, width in candidates:
            with Image.open(fixture_site / url.lstrip("/")) as picture:
                assert picture.width == int(width[:-1])
                assert picture.height == round(900 * picture.width / 1600)
