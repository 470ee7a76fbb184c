"""Golden output of one page of each kind (design.md §9), plus the key facts asserted directly.

The session build runs with a fixed SOURCE_DATE_EPOCH (tests/conftest.py), so these files do not
change with the day the tests run. After a deliberate change to the theme or to these pages:

    .venv/bin/pytest tests/site/test_golden.py --update-golden

and review the diff the run prints at its end (and `git diff tests/site/golden/`) before
committing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sitelib
from bs4 import BeautifulSoup, Tag

GOLDEN = Path(__file__).parent / "golden"

# name → URL. Fixed pages (not "the newest news"), so adding content changes only the lists.
PAGES = {
    "home": "/",
    "topic-list": "/themen/",
    "topic": "/themen/sprachmittlung/",
    "subtopic": "/themen/integration-durch-bildung/sprachbildung/",
    "news-list": "/nachrichten/",
    "news-item": "/nachrichten/internationale-woche-2025/",
    "news-tag": "/nachrichten/thema/internationale-woche/",
    "events-list": "/veranstaltungen/",
    "event": "/veranstaltungen/muensterstrassenfest-2025/",
    "legal": "/impressum/",
}


def normalised(doc: BeautifulSoup, url: str) -> str:
    """<title>, description, breadcrumbs and <main>, pretty-printed by bs4."""
    title = sitelib.text(doc.find("title"))
    desc = doc.find("meta", attrs={"name": "description"})
    description = str(desc.get("content", "")) if isinstance(desc, Tag) else ""
    parts = [
        f"<!-- url: {url} -->",
        f"<!-- title: {title} -->",
        f"<!-- description: {description} -->",
    ]
    crumbs = doc.find("nav", class_="breadcrumbs")
    if isinstance(crumbs, Tag):
        parts.append(crumbs.prettify().rstrip())
    main = doc.find("main")
    parts.append(main.prettify().rstrip() if isinstance(main, Tag) else "<!-- NO <main> -->")
    return "\n".join(parts) + "\n"


def _page(site_dir: Path, url: str) -> BeautifulSoup:
    file = sitelib.file_for_path(site_dir, url)
    assert file is not None, f"{url} is not in the build (golden page; pick another in PAGES?)"
    return sitelib.soup(file)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_golden(site_dir: Path, name: str, golden: Any) -> None:
    url = PAGES[name]
    actual = normalised(_page(site_dir, url), url)
    golden.check(GOLDEN / f"{name}.html", actual.encode("utf-8"), built=f"build{url}",
                 update_with="pytest tests/site/test_golden.py --update-golden")


# --- key facts, asserted directly ----------------------------------------------------------


def _source(folder: str, slug: str) -> sitelib.Source:
    for src in sitelib.sources(folder):
        if src.data.get("slug") == slug and src.lang == sitelib.DEFAULT_LANG:
            return src
    raise AssertionError(f"no content file with slug {slug!r} in content/{folder}")


def _crumbs(doc: BeautifulSoup) -> list[tuple[str | None, str]]:
    nav = doc.find("nav", attrs={"aria-label": "Sie sind hier"})
    assert isinstance(nav, Tag), "no breadcrumb <nav aria-label='Sie sind hier'>"
    trail = []
    for li in nav.find_all("li"):
        link = li.find("a")
        trail.append((str(link["href"]) if isinstance(link, Tag) else None, sitelib.text(li)))
    current = nav.find(attrs={"aria-current": "page"})
    assert isinstance(current, Tag) and sitelib.text(current) == trail[-1][1], (
        "the last breadcrumb must be the current page (aria-current=page, not a link)"
    )
    return trail


def _h1(doc: BeautifulSoup) -> str:
    return sitelib.text(doc.find("h1"))


def _description(doc: BeautifulSoup) -> str:
    meta = doc.find("meta", attrs={"name": "description"})
    return str(meta.get("content", "")) if isinstance(meta, Tag) else ""


def _main_links(doc: BeautifulSoup) -> list[str]:
    main = doc.find("main")
    assert isinstance(main, Tag)
    return [str(a["href"]) for a in main.find_all("a", href=True)]


def test_home_page_facts(site_dir: Path) -> None:
    doc = _page(site_dir, "/")
    home = _source("pages", "startseite")
    assert _h1(doc) == home.data["title"] == "MIA-DO-KI – Kommunales Integrationszentrum Dortmund"
    assert _description(doc) == home.data["summary"]
    links = _main_links(doc)
    assert "/leichte-sprache/" in links, "home page: no entry to Leichte Sprache (design.md §8)"
    assert "Gebärdensprache" in sitelib.text(doc.find("main")), "home page: no DGS slot (§8)"
    assert doc.find("nav", attrs={"aria-label": "Sie sind hier"}) is None


def test_topic_page_facts(site_dir: Path) -> None:
    doc = _page(site_dir, PAGES["topic"])
    src = _source("pages", "sprachmittlung")
    assert _h1(doc) == src.data["title"]
    assert _description(doc) == src.data["summary"]
    assert _crumbs(doc) == [("/", "Startseite"), ("/themen/", "Themen"), (None, src.data["title"])]


def test_subtopic_page_facts(site_dir: Path) -> None:
    doc = _page(site_dir, PAGES["subtopic"])
    src = _source("pages", "sprachbildung")
    parent = _source("pages", "integration-durch-bildung")
    assert _h1(doc) == src.data["title"]
    assert _crumbs(doc) == [
        ("/", "Startseite"),
        ("/themen/", "Themen"),
        ("/themen/integration-durch-bildung/", parent.data["title"]),
        (None, src.data["title"]),
    ]
    parent_doc = _page(site_dir, "/themen/integration-durch-bildung/")
    assert PAGES["subtopic"] in _main_links(parent_doc), "parent topic does not list the sub-topic"


def test_topic_list_in_editor_order(site_dir: Path) -> None:
    doc = _page(site_dir, "/themen/")
    tops = sorted(
        (
            s
            for s in sitelib.sources("pages")
            if "themen" in s.path.parts
            and not s.data.get("parent")
            and s.lang == sitelib.DEFAULT_LANG
        ),
        key=lambda s: (s.data["order"], s.data["title"]),
    )
    expected = [f"/themen/{s.data['slug']}/" for s in tops]
    links = [h for h in _main_links(doc) if h in expected]
    assert list(dict.fromkeys(links)) == expected


def test_news_item_facts(site_dir: Path) -> None:
    doc = _page(site_dir, PAGES["news-item"])
    src = _source("news", "internationale-woche-2025")
    assert _h1(doc) == src.data["title"]
    assert _description(doc) == src.data["summary"]
    main = doc.find("main")
    assert isinstance(main, Tag)
    times = [str(t.get("datetime", "")) for t in main.find_all("time")]
    assert any(t.startswith("2025-06-02") for t in times), times
    assert "/nachrichten/thema/internationale-woche/" in _main_links(doc)
    assert ("/nachrichten/", "Nachrichten") in _crumbs(doc)


def test_news_list_newest_first(site_dir: Path, build_date: dt.date) -> None:
    doc = _page(site_dir, "/nachrichten/")
    news = sorted(
        (
            s
            for s in sitelib.sources("news")
            if s.lang == sitelib.DEFAULT_LANG and s.published(build_date)
        ),
        key=lambda s: str(s.data["date"]),
        reverse=True,
    )
    expected = [f"/nachrichten/{s.data['slug']}/" for s in news][:8]  # DEFAULT_PAGINATION
    links = list(dict.fromkeys(h for h in _main_links(doc) if h in expected))
    assert links == expected


def test_event_facts(site_dir: Path) -> None:
    doc = _page(site_dir, PAGES["event"])
    src = _source("events", "muensterstrassenfest-2025")
    assert _h1(doc) == src.data["title"]
    main = doc.find("main")
    assert isinstance(main, Tag)
    times = [str(t.get("datetime", "")) for t in main.find_all("time")]
    assert any(t.startswith("2025-06-21T12:00") for t in times), times
    assert src.data["location"]["name"] in sitelib.text(main)
    assert ("/veranstaltungen/", "Veranstaltungen") in _crumbs(doc)


def test_events_list_links_every_event(site_dir: Path, build_date: dt.date) -> None:
    doc = _page(site_dir, "/veranstaltungen/")
    links = _main_links(doc)
    missing = [
        s.data["slug"]
        for s in sitelib.sources("events")
        if s.lang == sitelib.DEFAULT_LANG
        and s.published(build_date)
        and f"/veranstaltungen/{s.data['slug']}/" not in links
    ]
    assert not missing, f"events not listed on /veranstaltungen/: {missing}"


def test_legal_page_facts(site_dir: Path) -> None:
    doc = _page(site_dir, "/impressum/")
    assert _h1(doc) == "Impressum"
    assert _crumbs(doc)[-1] == (None, "Impressum")


def test_two_builds_are_byte_identical(
    site_dir: Path, tmp_path: Path, build_site_fixed: Any
) -> None:
    """design.md §6: one clock (SOURCE_DATE_EPOCH), so two builds of a commit are identical.

    Except the search bundle: Pagefind 1.5.2 writes its filter indexes in hash-map order, so
    indexing the same pages twice gives filter files with other hashes (checked by hand:
    only pagefind/filter/* and the metadata naming them differ). Pages, feeds, data, PDFs and
    compressed copies are compared byte for byte."""
    again = tmp_path / "again"
    assert build_site_fixed(again), "second build failed"

    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*")
                if p.is_file() and not p.relative_to(root).as_posix().startswith("pagefind/")}

    first, second = files(site_dir), files(again)
    assert first == second, f"different files: {sorted(first ^ second)[:20]}"
    differ = [
        rel for rel in sorted(first) if (site_dir / rel).read_bytes() != (again / rel).read_bytes()
    ]
    assert not differ, f"{len(differ)} file(s) differ between two builds: {differ[:20]}"
