"""What the calendar pages show, computed once per build from the engine (no Pelican import).

Windows (design.md §6), in calendar years of ``build_date``: the overview shows the current
year; holiday pages list two years back to ten ahead.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from inka_engine import COMMUNITIES, Alternative, Holiday, Occurrence, occurrences
from inka_engine.model import HolidayTexts
from site_core import urls
from site_core.languages import text_direction

YEARS_BACK = 2
YEARS_AHEAD = 10
UPCOMING = 8
COMMUNITY_DAYS = 365

# Language-independent paths of the calendar pages (the site core's URL builders).
community_path = urls.community_page
year_path = urls.year_page
holiday_path = urls.holiday_page


def _is_on(o: Occurrence, day: dt.date) -> bool:
    return o.start <= day <= o.end


#: Markdown → HTML of a holiday text in a language (``render(text, lang)``).
Render = Callable[[str, str], str]


def _plain(text: str, lang: str = "de") -> str:
    del lang
    return text


@dataclass
class HolidayPage:
    """One holiday and its occurrences in the holiday page's window."""

    holiday: Holiday
    body_html: str
    occurrences: list[Occurrence]
    build_date: dt.date
    render: Render = _plain
    _html: dict[str, str] = field(default_factory=dict, repr=False)

    def texts(self, lang: str) -> HolidayTexts:
        """Summary, explanation and variant notes for a reader of ``lang`` (its translation,
        else German with ``.fallback`` true)."""
        return self.holiday.texts(lang)

    def html(self, lang: str) -> str:
        """The explanation as HTML for a reader of ``lang`` (German where not translated)."""
        texts = self.texts(lang)
        if texts.lang == "de":
            return self.body_html
        if texts.lang not in self._html:
            self._html[texts.lang] = self.render(texts.body, texts.lang)
        return self._html[texts.lang]

    @property
    def path(self) -> str:
        return holiday_path(self.holiday.community, self.holiday.key)

    @property
    def name(self) -> str:
        return self.holiday.name("de")

    @property
    def native_dir(self) -> str:
        return text_direction(self.holiday.native.lang) if self.holiday.native else "ltr"

    @property
    def next(self) -> Occurrence | None:
        """The running or next occurrence (None when the rule gives none in the window)."""
        return next((o for o in self.occurrences if o.end >= self.build_date), None)

    @property
    def alternatives(self) -> list[tuple[str, list[Alternative]]]:
        """Other traditions' dates in the window, grouped by who keeps them."""
        grouped: dict[str, list[Alternative]] = {}
        for o in self.occurrences:
            for alt in o.alternatives:
                grouped.setdefault(alt.who, []).append(alt)
        return list(grouped.items())

    @property
    def sources(self) -> list[str]:
        """Bases of the computed (not confirmed) dates, each once."""
        return list(dict.fromkeys(o.source for o in self.occurrences
                                  if o.status != "confirmed" and o.source))


@dataclass
class Calendar:
    build_date: dt.date
    holidays: list[HolidayPage]
    occurrences: list[Occurrence]
    communities: Sequence[str] = COMMUNITIES
    #: INKA_YEARS (design.md §6): year pages, open data and feeds.
    years: Sequence[int] = ()
    _by_ident: dict[str, HolidayPage] = field(default_factory=dict, repr=False)

    @property
    def year(self) -> int:
        return self.build_date.year

    @property
    def first_year(self) -> int:
        return self.year - YEARS_BACK

    @property
    def last_year(self) -> int:
        return self.year + YEARS_AHEAD

    def neighbours(self, year: int) -> tuple[int | None, int | None]:
        """The previous and next year that have a year page (None at either end)."""
        before = [y for y in self.years if y < year]
        after = [y for y in self.years if y > year]
        return (max(before) if before else None, min(after) if after else None)

    def page(self, community: str, key: str) -> HolidayPage:
        if not self._by_ident:
            self._by_ident = {h.holiday.ident: h for h in self.holidays}
        return self._by_ident[f"{community}/{key}"]

    def months(self, year: int | None = None) -> list[tuple[dt.date, list[Occurrence]]]:
        """(first day of month, occurrences starting in it) for the twelve months of a year."""
        year = year or self.year
        by_month: dict[int, list[Occurrence]] = defaultdict(list)
        for o in self.occurrences:
            if o.start.year == year:
                by_month[o.start.month].append(o)
        return [(dt.date(year, m, 1), by_month.get(m, [])) for m in range(1, 13)]

    def _select(self, community: str | None) -> Iterable[Occurrence]:
        return (o for o in self.occurrences if community is None or o.community == community)

    def today(self, community: str | None = None) -> list[Occurrence]:
        return [o for o in self._select(community) if _is_on(o, self.build_date)]

    def upcoming(self, community: str | None = None, limit: int | None = UPCOMING,
                 days: int | None = None) -> list[Occurrence]:
        """Occurrences starting after the build date (at most ``limit``, within ``days``)."""
        until = self.build_date + dt.timedelta(days=days) if days else None
        found = [o for o in self._select(community) if o.start > self.build_date
                 and (until is None or o.start <= until)]
        return found[:limit] if limit else found

    def current(self, community: str, days: int = COMMUNITY_DAYS) -> list[Occurrence]:
        """Running and coming occurrences of a community within ``days`` of the build date."""
        until = self.build_date + dt.timedelta(days=days)
        return [o for o in self._select(community)
                if o.end >= self.build_date and o.start <= until]

    def community_holidays(self, community: str) -> list[HolidayPage]:
        pages = [h for h in self.holidays if h.holiday.community == community]
        return sorted(pages, key=lambda h: h.name.casefold())

    def paths(self) -> list[str]:
        """Every calendar page, as URL paths (for the sitemap)."""
        return [urls.calendar(), *(year_path(y) for y in self.years),
                *(community_path(c) for c in self.communities),
                *(h.path for h in sorted(self.holidays, key=lambda h: h.path))]


def build_calendar(holidays: Sequence[Holiday], build_date: dt.date,
                   render: Render = _plain, years: Sequence[int] = ()) -> Calendar:
    """Compute every occurrence of the holiday pages' window (and of ``years``, INKA_YEARS)
    once; ``render(text, lang)`` turns a holiday's Markdown body into HTML."""
    first = dt.date(min([build_date.year - YEARS_BACK, *years]), 1, 1)
    last = dt.date(max([build_date.year + YEARS_AHEAD, *years]), 12, 31)
    found = occurrences(holidays, first, last)
    per_holiday: dict[str, list[Occurrence]] = defaultdict(list)
    for o in found:
        per_holiday[f"{o.community}/{o.key}"].append(o)
    pages = [HolidayPage(h, render(h.body, "de"), per_holiday.get(h.ident, []), build_date,
                         render) for h in holidays]
    return Calendar(build_date, pages, found, years=tuple(sorted(years)))
