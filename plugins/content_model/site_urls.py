"""The set of root-relative URLs the site will build, derived from the content without building.

Mirrors the URL contract of design.md §3: German at ``/``, every other language under
``/<lang>/``; pages, topics, news and events from their files; the fixed listings; the INKA
calendar from the holiday files; static files from ``content/images`` and the theme.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from content_model.schema import LANGUAGES
from content_model.slugs import slugify

DEFAULT_LANG = "de"
INKA_COMMUNITIES = ("christlich", "orthodox", "juedisch", "islamisch", "alevitisch",
                    "jesidisch", "hinduistisch", "buddhistisch", "gesellschaftlich")

#: Listings and machine files every language has (design.md §3).
FIXED = ("", "themen/", "nachrichten/", "nachrichten/feed.xml", "veranstaltungen/",
         "veranstaltungen/veranstaltungen.ics", "404.html", "kalender/", "kalender/alle.ics",
         "daten/", "suche/")
#: Written once, at the root only.
ROOT_ONLY = ("sitemap.xml", "robots.txt")


@dataclass(frozen=True)
class Entry:
    """What the URL set needs to know about one German (or untranslated) content file."""

    kind: str
    slug: str
    parent: str | None = None
    published: bool = True
    tags: tuple[str, ...] = ()


def document_path(entry: Entry) -> list[str]:
    """Paths (without language prefix) of one document."""
    if entry.kind == "page":
        return [""] if entry.slug == "startseite" else [f"{entry.slug}/"]
    if entry.kind == "topic":
        return [f"themen/{entry.parent}/{entry.slug}/" if entry.parent else f"themen/{entry.slug}/"]
    if entry.kind == "news":
        return [f"nachrichten/{entry.slug}/"] if entry.published else []
    if entry.kind == "event":
        return [f"veranstaltungen/{entry.slug}/", f"veranstaltungen/{entry.slug}.ics"]
    return []


def _pages(base: str, count: int, per_page: int) -> list[str]:
    """Paginated listing: base plus ``seite-<n>/`` for every further page."""
    last = max(1, math.ceil(count / per_page))
    return [base, *(f"{base}seite-{n}/" for n in range(2, last + 1))]


def inka_paths(holidays: Iterable[tuple[str, str]], build_date: dt.date) -> list[str]:
    """Calendar pages and files for the given (community, key) pairs."""
    years = range(build_date.year - 1, build_date.year + 4)  # INKA_YEARS
    paths: list[str] = []
    for year in years:
        paths += [f"kalender/{year}/", f"kalender/{year}.json", f"kalender/{year}.csv"]
        paths += [f"kalender/{year}/inka-{year}-{lang}-{size}.pdf"
                  for lang in LANGUAGES for size in ("a1", "a4")]
    for community in INKA_COMMUNITIES:
        paths += [f"kalender/{community}/", f"kalender/{community}.ics"]
    paths += [f"kalender/{community}/{key}/" for community, key in holidays]
    return paths


def static_paths(content_root: Path, theme_root: Path | None) -> list[str]:
    """Files copied as they are: ``content/images/…`` and the theme's ``static/…``."""
    found: list[str] = []
    images = content_root / "images"
    if images.is_dir():
        found += [p.relative_to(content_root).as_posix() for p in images.rglob("*") if p.is_file()]
    if theme_root is not None and (theme_root / "static").is_dir():
        static = theme_root / "static"
        found += ["static/" + p.relative_to(static).as_posix()
                  for p in static.rglob("*") if p.is_file()]
    return found


def site_urls(entries: Iterable[Entry], holidays: Iterable[tuple[str, str]],
              build_date: dt.date, content_root: Path, *, theme_root: Path | None = None,
              per_page: int = 10) -> set[str]:
    """Every root-relative URL (``/``, ``/en/themen/x/``, ``/kalender/2026.json``, …)."""
    entries = list(entries)
    paths: list[str] = list(FIXED)
    news = [e for e in entries if e.kind == "news" and e.published]
    paths += _pages("nachrichten/", len(news), per_page)
    tagged: dict[str, int] = {}
    for item in news:
        for tag in item.tags:
            tagged[slugify(tag)] = tagged.get(slugify(tag), 0) + 1
    for tag, count in tagged.items():
        paths += _pages(f"nachrichten/thema/{tag}/", count, per_page)
    for entry in entries:
        paths += document_path(entry)
    paths += inka_paths(holidays, build_date)
    urls = {f"/{lang}/{path}" if lang != DEFAULT_LANG else f"/{path}"
            for lang in LANGUAGES for path in paths}
    urls |= {f"/{path}" for path in ROOT_ONLY}
    urls |= {f"/{path}" for path in static_paths(content_root, theme_root)}
    return urls
