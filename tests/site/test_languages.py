"""Six languages (design.md §3, §7): lang/dir, hreflang, the switcher, fallbacks, per-language
feeds, and right-to-left Arabic in the browser."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import sitelib
from bs4 import Tag

LANGS = ("de", "en", "tr", "ar", "uk", "pl")
NATIVE = {"de": "Deutsch", "en": "English", "tr": "Türkçe", "ar": "العربية",
          "uk": "Українська", "pl": "Polski"}
ATOM = "{http://www.w3.org/2005/Atom}"


def _prefix(lang: str) -> str:
    return "/" if lang == "de" else f"/{lang}/"


def _mirror(url: str, lang: str) -> str:
    first = url.strip("/").split("/", 1)
    rest = url if first[0] not in LANGS else "/" + (first[1] if len(first) > 1 else "")
    return _prefix(lang).rstrip("/") + rest if lang != "de" else rest


def test_every_german_page_exists_in_every_language(
        site_dir: Path, html_pages: list[tuple[str, Path]]) -> None:
    missing = [_mirror(url, lang) for url, _f in html_pages if sitelib.lang_of_url(url) == "de"
               for lang in LANGS[1:]
               if sitelib.file_for_path(site_dir, _mirror(url, lang)) is None]
    assert not missing, f"{len(missing)} mirrored pages missing, e.g. {missing[:5]}"


def test_html_lang_and_direction(html_pages: list[tuple[str, Path]]) -> None:
    wrong = []
    for url, file in html_pages:
        html = sitelib.soup(file).find("html")
        lang = sitelib.lang_of_url(url)
        want_dir = "rtl" if lang == "ar" else "ltr"
        if not isinstance(html, Tag) or html.get("lang") != lang or html.get("dir") != want_dir:
            wrong.append(url)
    assert not wrong, f"wrong <html lang/dir> on {wrong[:5]}"


def _alternates(file: Path) -> dict[str, str]:
    doc = sitelib.soup(file)
    return {str(link["hreflang"]): str(link["href"])
            for link in doc.find_all("link", rel="alternate") if link.get("hreflang")}


def test_hreflang_alternates_are_absolute_complete_and_mutual(
        site_dir: Path, html_pages: list[tuple[str, Path]]) -> None:
    base = sitelib.site_base_url()
    problems = []
    for url, file in html_pages:
        alternates = _alternates(file)
        if not alternates:
            continue
        if "x-default" not in alternates:
            problems.append(f"{url}: no x-default")
        for lang, href in alternates.items():
            if not href.startswith(base + "/"):
                problems.append(f"{url}: {lang} alternate not absolute: {href}")
                continue
            target = sitelib.file_for_path(site_dir, urlsplit(href).path)
            if target is None:
                problems.append(f"{url}: {lang} alternate missing: {href}")
            elif lang != "x-default" and _alternates(target) != alternates:
                problems.append(f"{url}: {lang} alternate lists other alternates")
        if base + url not in alternates.values():
            problems.append(f"{url}: does not list itself")
    assert not problems, "\n".join(problems[:20])


def test_translated_pages_list_every_real_translation(site_dir: Path) -> None:
    """Sprachmittlung is translated into all six languages by content/pages/themen/*.md."""
    sources = sorted((Path(sitelib.ROOT) / "content" / "pages" / "themen").glob("sprachmittlung*.md"))
    langs = {p.suffixes[0].strip(".") if len(p.suffixes) > 1 else "de" for p in sources}
    file = sitelib.file_for_path(site_dir, "/en/themen/sprachmittlung/")
    assert file is not None
    assert set(_alternates(file)) == langs | {"x-default"}


def test_fallback_page_shows_german_text_with_notice_and_canonical(site_dir: Path) -> None:
    """Older news may stay German (issue 12); /tr/nachrichten/einbuergerungen-2023/ is a
    fallback."""
    news = Path(sitelib.ROOT) / "content" / "news"
    assert not list(news.glob("2024-02-20-einbuergerungen-2023.tr.md"))
    file = sitelib.file_for_path(site_dir, "/tr/nachrichten/einbuergerungen-2023/")
    assert file is not None
    doc = sitelib.soup(file)
    assert doc.find("html")["lang"] == "tr"
    canonical = doc.find("link", rel="canonical")
    assert canonical["href"] == sitelib.site_base_url() + "/nachrichten/einbuergerungen-2023/"
    assert _alternates(file) == {}, "fallback pages are left out of hreflang"
    notice = doc.select_one("main .notice--language")
    assert notice is not None and "Almanca" in sitelib.text(notice)
    article = doc.select_one("main article")
    assert article is not None and article.get("lang") == "de"
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "/tr/nachrichten/einbuergerungen-2023/" not in sitemap


def test_unreviewed_translation_says_german_is_authoritative(site_dir: Path) -> None:
    file = sitelib.file_for_path(site_dir, "/pl/themen/sprachmittlung/")
    assert file is not None
    notice = sitelib.soup(file).select_one("main .notice--language")
    assert notice is not None
    link = notice.find("a")
    assert link is not None and link["href"] == "/themen/sprachmittlung/"
    assert link.get("lang") == "de"


def test_language_switcher_semantics(site_dir: Path, html_pages: list[tuple[str, Path]]) -> None:
    problems = []
    for url, file in html_pages:
        nav = sitelib.soup(file).select_one("nav.lang-switch")
        lang = sitelib.lang_of_url(url)
        if nav is None:
            problems.append(f"{url}: no language switcher")
            continue
        entries = nav.find_all("li")
        if [sitelib.text(li) for li in entries] != [NATIVE[code] for code in LANGS]:
            problems.append(f"{url}: switcher lists {[sitelib.text(li) for li in entries]}")
            continue
        for code, li in zip(LANGS, entries, strict=True):
            child = li.find(["a", "span"])
            if child.get("lang") != code:
                problems.append(f"{url}: {code} entry without lang")
            if code == lang:
                if child.name != "span" or child.get("aria-current") != "true":
                    problems.append(f"{url}: current language is a link or not aria-current")
            elif child.name != "a" or sitelib.file_for_path(site_dir, child["href"]) is None:
                problems.append(f"{url}: {code} link broken: {child.get('href')}")
    assert not problems, "\n".join(problems[:20])


def test_sitemap_lists_alternates_per_url(site_dir: Path) -> None:
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = root.findall("s:url", ns)
    by_loc = {u.findtext("s:loc", namespaces=ns): u for u in urls}
    home_en = by_loc[sitelib.site_base_url() + "/en/"]
    langs = {link.get("hreflang") for link in home_en.findall("x:link", ns)}
    assert langs == set(LANGS) | {"x-default"}


@pytest.mark.parametrize("lang", LANGS)
def test_news_feed_per_language_parses(site_dir: Path, lang: str) -> None:
    feed = site_dir / _prefix(lang).strip("/") / "nachrichten" / "feed.xml"
    root = ET.parse(feed).getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert entries, f"{lang}: the feed has no entries"
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(sitelib.site_base_url() + _prefix(lang)), link


def test_dates_are_formatted_per_locale(site_dir: Path) -> None:
    """Babel month names (CLDR): the Internationale Woche starts on 21 June 2025."""
    expected = {"de": "21. Juni 2025", "en": "21 June 2025", "tr": "21 Haziran 2025",
                "ar": "21 يونيو 2025", "uk": "21 червня 2025", "pl": "21 czerwca 2025"}
    for lang, text in expected.items():
        file = sitelib.file_for_path(site_dir,
                                     _prefix(lang) + "veranstaltungen/internationale-woche-2025/")
        assert file is not None
        assert text in sitelib.text(sitelib.soup(file).find("main")), lang


@pytest.fixture
def rtl_page(browser: Any, site_server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


@pytest.mark.browser
def test_arabic_is_right_to_left_and_mirrored(rtl_page: Any, site_server: str,
                                              tmp_path: Path) -> None:
    rtl_page.goto(site_server + "/ar/nachrichten/")
    assert rtl_page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    width = rtl_page.evaluate("document.documentElement.clientWidth")
    first = rtl_page.locator(".main-nav li").first.bounding_box()
    last = rtl_page.locator(".main-nav li").last.bounding_box()
    assert first["x"] > last["x"], "the navigation starts at the right edge"
    assert first["x"] + first["width"] > width * 0.6
    crumb = rtl_page.evaluate(
        "getComputedStyle(document.querySelector('.breadcrumbs li + li'), '::before').content")
    assert crumb == '"‹"', "breadcrumb separators point to the left in Arabic"
    rtl_page.screenshot(path=str(tmp_path / "ar-news.png"), full_page=True)
    rtl_page.goto(site_server + "/de/".replace("/de/", "/") + "nachrichten/")
    assert rtl_page.evaluate("getComputedStyle(document.body).direction") == "ltr"
