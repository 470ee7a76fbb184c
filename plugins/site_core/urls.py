"""URL builders for every kind of page, feed and file (design.md §3, the URL contract).

Each builder returns a site-relative path (no leading slash) in ``lang``: German at the root,
every other language under ``<lang>/`` (:func:`localized`, the one place that adds the
prefix). Templates get them as the Jinja global ``paths`` and add the page's language with
``lpath()``; Python code passes ``lang`` or uses :func:`href`/:func:`absolute`.
"""

from __future__ import annotations

from site_core.languages import DEFAULT_LANGUAGE, prefix

CALENDAR = "kalender/"
#: The feed of every community, ``kalender/alle.ics``.
ALL_FEED = "alle"
POSTER_SIZES = ("a1", "a4")


def localized(path: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``path`` (site-relative, German) as the page of ``lang``: 'themen/' → 'en/themen/'."""
    return prefix(lang) + path


def href(path: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Root-relative link: '/en/themen/'."""
    return "/" + localized(path, lang)


def absolute(base_url: str, path: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Absolute URL under the site's public address: 'https://…/en/themen/'."""
    return f"{base_url.rstrip('/')}/{localized(path, lang)}"


# --- Pages -------------------------------------------------------------------------------
def home(lang: str = DEFAULT_LANGUAGE) -> str:
    return localized("", lang)


def topics(lang: str = DEFAULT_LANGUAGE) -> str:
    return localized("themen/", lang)


def topic(slug: str, parent: str | None = None, lang: str = DEFAULT_LANGUAGE) -> str:
    return localized(f"themen/{parent}/{slug}/" if parent else f"themen/{slug}/", lang)


def page(slug: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A plain page (legal pages, Leichte Sprache); the home page is ``startseite``."""
    return home(lang) if slug == "startseite" else localized(f"{slug}/", lang)


def news_index(lang: str = DEFAULT_LANGUAGE) -> str:
    return localized("nachrichten/", lang)


def news(slug: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return localized(f"nachrichten/{slug}/", lang)


def news_feed(lang: str = DEFAULT_LANGUAGE) -> str:
    return localized("nachrichten/feed.xml", lang)


def tag(slug: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return localized(f"nachrichten/thema/{slug}/", lang)


def listing_page(base: str, number: int) -> str:
    """Page ``number`` of a paginated listing (``base`` is its first page)."""
    return base if number <= 1 else f"{base}seite-{number}/"


def events_index(lang: str = DEFAULT_LANGUAGE) -> str:
    return localized("veranstaltungen/", lang)


def event(slug: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return localized(f"veranstaltungen/{slug}/", lang)


def event_ics(slug: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return localized(f"veranstaltungen/{slug}.ics", lang)


def events_feed(lang: str = DEFAULT_LANGUAGE) -> str:
    return localized("veranstaltungen/veranstaltungen.ics", lang)


def search(lang: str = DEFAULT_LANGUAGE) -> str:
    return localized("suche/", lang)


def not_found(lang: str = DEFAULT_LANGUAGE) -> str:
    return localized("404.html", lang)


# --- Interkultureller Kalender ------------------------------------------------------------
def calendar(lang: str = DEFAULT_LANGUAGE) -> str:
    """The overview of the current year: 'kalender/'."""
    return localized(CALENDAR, lang)


def year_page(year: int, lang: str = DEFAULT_LANGUAGE) -> str:
    return localized(f"{CALENDAR}{year}/", lang)


def community_page(community: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return localized(f"{CALENDAR}{community}/", lang)


def holiday_page(community: str, key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return localized(f"{CALENDAR}{community}/{key}/", lang)


def feed(community: str | None = None, lang: str = DEFAULT_LANGUAGE) -> str:
    """Subscription feed of one community, or of all (``community`` None): 'kalender/alle.ics'."""
    return localized(f"{CALENDAR}{community or ALL_FEED}.ics", lang)


def open_data(year: int, suffix: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Open data of a year: 'kalender/2026.json', 'kalender/2026.csv'."""
    return localized(f"{CALENDAR}{year}.{suffix}", lang)


def data_page(lang: str = DEFAULT_LANGUAGE) -> str:
    """The page documenting the open data: 'daten/'."""
    return localized("daten/", lang)


def poster(year: int, lang: str, size: str) -> str:
    """A poster PDF, in the German year folder for every language:
    'kalender/2026/inka-2026-en-a1.pdf'."""
    return f"{year_page(year)}inka-{year}-{lang}-{size}.pdf"


# --- Machine files (the root only) --------------------------------------------------------
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
