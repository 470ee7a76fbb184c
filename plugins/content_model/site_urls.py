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

from content_model.slugs import slugify
from site_core import clock, urls
from site_core.communities import COMMUNITIES
from site_core.languages import LANGUAGES

#: Listings and machine files every language has (design.md §3).
FIXED = (urls.home(), urls.topics(), urls.news_index(), urls.news_feed(), urls.events_index(),
         urls.events_feed(), urls.not_found(), urls.calendar(), urls.feed(), urls.data_page(),
         urls.search())
#: Written once, at the root only.
ROOT_ONLY = (urls.SITEMAP, urls.ROBOTS)


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
        return [urls.page(entry.slug)]
    if entry.kind == "topic":
        return [urls.topic(entry.slug, entry.parent)]
    if entry.kind == "news":
        return [urls.news(entry.slug)] if entry.published else []
    if entry.kind == "event":
        return [urls.event(entry.slug), urls.event_ics(entry.slug)]
    return []


def _pages(base: str, count: int, per_page: int) -> list[str]:
    """Paginated listing: base plus ``seite-<n>/`` for every further page."""
    last = max(1, math.ceil(count / per_page))
    return [urls.listing_page(base, n) for n in range(1, last + 1)]


def inka_paths(holidays: Iterable[tuple[str, str]], build_date: dt.date) -> list[str]:
    """Calendar pages and files for the given (community, key) pairs."""
    paths: list[str] = []
    for year in clock.inka_years(build_date):
        paths += [urls.year_page(year), urls.open_data(year, "json"), urls.open_data(year, "csv")]
        paths += [urls.poster(year, lang, size)
                  for lang in LANGUAGES for size in urls.POSTER_SIZES]
    for community in COMMUNITIES:
        paths += [urls.community_page(community), urls.feed(community)]
    paths += [urls.holiday_page(community, key) for community, key in holidays]
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
    """Every root-relative URL (``/``, ``/en/themen/x/``, the open data, …)."""
    entries = list(entries)
    paths: list[str] = list(FIXED)
    news = [e for e in entries if e.kind == "news" and e.published]
    paths += _pages(urls.news_index(), len(news), per_page)
    tagged: dict[str, int] = {}
    for item in news:
        for tag in item.tags:
            tagged[slugify(tag)] = tagged.get(slugify(tag), 0) + 1
    for tag, count in tagged.items():
        paths += _pages(urls.tag(tag), count, per_page)
    for entry in entries:
        paths += document_path(entry)
    paths += inka_paths(holidays, build_date)
    found = {urls.href(path, lang) for lang in LANGUAGES for path in paths}
    found |= {urls.href(path) for path in ROOT_ONLY}
    found |= {urls.href(path) for path in static_paths(content_root, theme_root)}
    return found
