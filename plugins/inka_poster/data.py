"""What one poster shows, for one year and language (no Pelican, no WeasyPrint).

Names come from the engine (``Occurrence.name(lang)``), month and weekday names and dates from
Babel for the site's locale of that language. The templates in ``theme/poster/`` only lay it
out; their UI strings go through the site's catalogues.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from babel.dates import format_interval, format_skeleton, get_day_names, get_month_names

from inka_engine import COMMUNITIES, Occurrence
from inka_engine.texts import text
from inka_poster.grid import Mark, MonthGrid, mark_of, month_grid, month_occurrences
from inka_poster.qr import svg_data_uri
from site_core import urls
from site_core.communities import BY_KEY, Community
from site_core.languages import babel_locale, text_direction

KINDS = urls.POSTER_SIZES
#: Site-relative path (design.md §3): the German year folder for every language.
poster_path = urls.poster


def feeds_url(base_url: str, lang: str) -> str:
    """The calendar page of the language, where the feeds are offered (the QR code's target)."""
    return urls.absolute(base_url, urls.calendar(), lang)


@dataclass(frozen=True)
class Entry:
    """One line of a month's list: when, which community, the name and the markers."""

    mark: Mark
    name: str
    #: '5.–12. Dez.' (A1) and with weekdays 'Sa., 5. – Sa., 12. Dez.' (A4)
    when: str
    when_long: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Month:
    """One month: its name in the poster's language, its calendar grid and its list."""

    name: str
    grid: MonthGrid
    entries: tuple[Entry, ...]

    @property
    def number(self) -> int:
        return self.grid.month


#: A weekday's abbreviated and full name ('Mo', 'Montag').
Weekday = tuple[str, str]


@dataclass(frozen=True)
class PosterData:
    year: int
    lang: str
    months: tuple[Month, ...]
    #: Monday … Sunday (ISO weeks), as the grid's columns
    weekdays: tuple[Weekday, ...]
    communities: tuple[Community, ...]
    url: str
    #: Notes in the poster's language from the engine's texts (Islamic calendar used).
    notes: tuple[str, ...]
    qr: str = field(repr=False)

    @property
    def dir(self) -> str:
        return text_direction(self.lang)

    @property
    def url_text(self) -> str:
        """The address as printed: without its scheme."""
        return self.url.split("://", 1)[-1]

    def fingerprint(self) -> str:
        """A stable text of everything shown (part of the cache key)."""
        return repr(self) + self.qr


def when(o: Occurrence, locale: str, skeleton: str = "MMMd") -> str:
    """'4. Dez.' or '5.–12. Dez.' in a Babel locale (Latin digits, also in Arabic);
    ``skeleton="MMMEd"`` adds the weekdays."""
    first, last = o.shown_start, o.shown_end  # a night: the date of its evening
    if last == first:
        return format_skeleton(skeleton, first, locale=locale)
    return format_interval(first, last, skeleton=skeleton, locale=locale)


def weekdays(locale: str) -> tuple[Weekday, ...]:
    """Monday … Sunday (ISO weeks start on Monday)."""
    short = get_day_names("abbreviated", context="stand-alone", locale=locale)
    full = get_day_names("wide", context="stand-alone", locale=locale)
    return tuple((str(short[i]), str(full[i])) for i in range(7))


def month_names(locale: str) -> dict[int, str]:
    names = get_month_names("wide", context="stand-alone", locale=locale)
    return {int(k): str(v) for k, v in names.items()}


def poster_data(year: int, lang: str, occurrences: Sequence[Occurrence], base_url: str, *,
                locale: str | None = None) -> PosterData:
    """Everything one year's poster shows in one language; ``locale`` is the Babel locale of
    the language (default: the site core's map, site_core.languages.LOCALES)."""
    locale = locale or babel_locale(lang)
    names = month_names(locale)
    months = []
    for number in range(1, 13):
        entries = tuple(Entry(mark_of(o), o.name(lang), when(o, locale),
                              when(o, locale, "MMMEd"), o.shown_start, o.shown_end)
                        for o in month_occurrences(occurrences, year, number))
        months.append(Month(names[number], month_grid(year, number, occurrences), entries))
    url = feeds_url(base_url, lang)
    return PosterData(
        year=year, lang=lang, months=tuple(months),
        weekdays=weekdays(locale),
        communities=tuple(BY_KEY[c] for c in COMMUNITIES),
        url=url, notes=(text("calendar_islamisch", lang),),
        qr=svg_data_uri(url))
