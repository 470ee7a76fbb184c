"""Subscription feeds and open-data files of the calendar (design.md §3, §6), as bytes.

Everything is computed before the pages are rendered, so that the pages can name each file's
size. Texts come from ``inka_engine`` (iCalendar, JSON, CSV) and the UI catalogues (feed names).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from babel.units import format_unit

from inka_engine import COMMUNITIES, Occurrence
from inka_engine.export import OPEN_DATA_FIELDS, holiday_url, to_csv, to_json
from inka_engine.history import Change, History, holiday_files
from inka_engine.texts import Catalog, repo_catalog, text
from inka_site.vevents import LanguageEvents
from site_build.files import TextStore
from site_core import communities, urls
from site_core.languages import babel_locale


def human_size(size: int, lang: str) -> str:
    """'48 kB' in the page's locale (Babel), rounded up to whole kilobytes."""
    kilobytes = max(1, -(-size // 1000))
    return format_unit(kilobytes, "digital-kilobyte", length="short",
                       locale=babel_locale(lang))


@dataclass
class Files:
    """The files of one build: site-relative path → bytes (the language prefix included)."""

    contents: dict[str, bytes] = field(default_factory=dict)

    def add(self, path: str, data: bytes) -> None:
        self.contents[path] = data

    def size(self, path: str) -> int:
        return len(self.contents[path])


@dataclass(frozen=True)
class FeedSettings:
    languages: Sequence[str]
    default_lang: str
    years: Sequence[int]
    site_url: str
    uid_domain: str
    dtstamp: dt.datetime
    translate: Callable[[str, str], str]
    #: Per-event DTSTAMP/LAST-MODIFIED/SEQUENCE from the repository (design.md §6); without
    #: it every VEVENT carries ``dtstamp``.
    history: History | None = None
    #: BUILD_DATE: no "(voraussichtlich)" on dates that have passed.
    today: dt.date | None = None
    #: A language's UI catalogue (the feeds' texts); default: the repository's catalogues.
    catalog: Catalog = repo_catalog


def in_years(occurrences: Iterable[Occurrence], years: Sequence[int]) -> list[Occurrence]:
    """Occurrences that start in one of ``years`` (the rolling window of the feeds)."""
    wanted = set(years)
    return [o for o in occurrences if o.start.year in wanted]


def feed_name(community: str | None, lang: str, translate: Callable[[str, str], str],
              catalog: Catalog = repo_catalog) -> str:
    if community is None:
        return text("calname", lang, catalog)
    return f"{translate(lang, communities.TITLES[community])} – INKA Dortmund"


def build_files(occurrences: Sequence[Occurrence], settings: FeedSettings,
                store: TextStore | None = None) -> Files:
    """Every feed and open-data file in every language. Each VEVENT is serialised once per
    language (``alle.ics`` and its community's feed share it) or taken from ``store``."""
    files = Files()
    store = store or TextStore(None)
    window = in_years(occurrences, settings.years)
    for lang in settings.languages:

        def url(o: Occurrence, lang: str = lang) -> str:
            return holiday_url(o, settings.site_url, lang)

        change_for = None
        if settings.history is not None:
            changes: dict[int, Change] = {}

            def change_for(o: Occurrence, lang: str = lang, history: History = settings.history,
                           changes: dict[int, Change] = changes) -> Change:
                # One holiday's occurrences share their files, so their last change.
                found = changes.get(id(o.holiday))
                if found is None:
                    found = changes[id(o.holiday)] = history.change(holiday_files(o.holiday, lang))
                return found

        events = LanguageEvents(lang, settings.dtstamp, settings.uid_domain, url, change_for,
                                settings.today, settings.catalog, store.load(lang))
        for community in (None, *COMMUNITIES):
            chosen = [o for o in window if community is None or o.community == community]
            files.add(urls.feed(community, lang), events.calendar(
                chosen, calname=feed_name(community, lang, settings.translate, settings.catalog),
                caldesc=text("caldesc", lang, settings.catalog)))
        store.save(lang, events.used)
        for year in settings.years:
            chosen = [o for o in window if o.start.year == year]
            files.add(urls.open_data(year, "json", lang), to_json(
                chosen, lang, settings.site_url, fields=OPEN_DATA_FIELDS,
                uid_domain=settings.uid_domain, year=year, language=lang).encode("utf-8"))
            files.add(urls.open_data(year, "csv", lang), to_csv(
                chosen, lang, settings.site_url, fields=OPEN_DATA_FIELDS,
                uid_domain=settings.uid_domain))
    return files
