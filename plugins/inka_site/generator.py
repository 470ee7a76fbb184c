"""The INKA generator: reads in ``generate_context``, writes in ``generate_output``."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from content_core import ContentErrors, as_shown
from inka_engine import Holiday, load_holidays
from inka_site import filters
from inka_site.calendar import Calendar, HolidayPage, build_calendar
from inka_site.feeds import FeedSettings, Files, build_files, human_size
from inka_site.markup import render_body
from mia_site import cache, i18n
from mia_site import filters as site_filters
from mia_site.reader import record
from site_build.files import TextStore
from site_core import communities, urls
from site_core.history import History, repository_stamp

log = logging.getLogger(__name__)


class InkaGenerator(Generator):
    """The INKA calendar on the site (design.md §3).

    ``generate_context`` loads the holidays (their problems join the other content errors,
    which stop the build once all files are read) and builds the calendar; ``generate_output``
    writes the feeds and open-data files, then for every language the overview, year,
    community and holiday pages and ``/daten/``: German at ``/``, the others under
    ``/<lang>/`` (``site_core.urls``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        site_filters.install(self)  # also connected to generator_init; installing twice is fine
        self.env.filters.update(filters.FILTERS)
        self.calendar: Calendar | None = None

    def generate_context(self) -> None:
        content_root = Path(self.settings["PATH"])
        build_date: dt.date = self.settings["BUILD_DATE"]
        folder = content_root / "inka"
        holidays: list[Holiday] = []
        if not folder.is_dir():
            # A content folder without holidays (e.g. a test's partial copy): no calendar
            # pages; the whole-site gates check that the real site has them.
            log.info("%s not found: no calendar pages written", folder)
        else:
            try:
                holidays = load_holidays(folder)
            except ContentErrors as exc:
                # Reported together with every other content error once all files are read
                # (mia_site.reader.raise_content_errors stops the build).
                record(self.settings, as_shown(exc.errors, content_root))
        markdown = self.settings["MARKDOWN"]
        self.calendar = build_calendar(holidays, build_date,
                                       lambda text, lang: render_body(text, markdown, lang),
                                       years=self.settings["INKA_YEARS"])
        self.context["inka"] = self.calendar

    def _json_ld(self, page: HolidayPage, lang: str) -> dict[str, Any] | None:
        occ = page.next
        if occ is None:
            return None
        base = self.settings["SITE_BASE_URL"]
        texts = page.texts(lang)
        return {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.holiday.name(lang),
            **({"description": texts.summary} if not texts.fallback else {}),
            "startDate": occ.start.isoformat(),
            "endDate": occ.end.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {
                "@type": "Place",
                "name": "Dortmund",
                "address": {"@type": "PostalAddress", "addressLocality": "Dortmund",
                            "addressCountry": "DE"},
            },
            "url": urls.absolute(base, page.path, lang),
            "inLanguage": lang,
        }

    def _files(self, calendar: Calendar) -> Files:
        """Feeds and open data of every language (design.md §6), computed before the pages
        so that the pages can give each file's size."""
        settings = self.settings
        content = Path(settings["PATH"]).resolve()
        build_date: dt.date = settings["BUILD_DATE"]
        feed_settings = FeedSettings(
            languages=settings["LANGUAGES"], default_lang=settings["DEFAULT_LANG"],
            years=settings["INKA_YEARS"], site_url=settings["SITE_BASE_URL"],
            uid_domain=settings["INKA_UID_DOMAIN"], dtstamp=repository_stamp(content, build_date),
            translate=lambda lang, message: i18n.translate(settings, lang, message),
            history=History.of(content), today=build_date,
            catalog=lambda lang: i18n.catalog(settings, lang))
        store = TextStore(cache.folder_for(settings, "feeds"))
        return build_files(calendar.occurrences, feed_settings, store)

    def generate_output(self, writer: Any) -> None:
        calendar = self.calendar
        if calendar is None or not calendar.holidays:
            return
        files = self._files(calendar)
        writer.write_all(files.contents.items(), "INKA-Kalender (Feeds und offene Daten)")
        # The community colours for the calendar pages' labels (site_core.communities).
        writer.write_bytes(f"{self.settings['THEME_STATIC_DIR']}/{communities.STYLESHEET}",
                           communities.stylesheet().encode("utf-8"),
                           "INKA-Kalender (Farben der Gemeinschaften)")
        for lang in self.settings["LANGUAGES"]:
            self._write_language(writer, calendar, lang, files)

    def _downloads(self, files: Files, lang: str) -> dict[str, dict[str, str]]:
        """Language-independent path → URLs and size text of that language's file."""
        prefix = urls.localized("", lang)
        base = self.settings["SITE_BASE_URL"]
        found = {}
        for path in files.contents:
            if not path.startswith(prefix) or (not prefix and path.split("/", 1)[0]
                                               in self.settings["LANGUAGES"]):
                continue
            plain = path[len(prefix):]
            https = f"{base}/{path}"
            found[plain] = {
                "href": f"/{path}", "https": https,
                "webcal": "webcal://" + https.split("://", 1)[1],
                "size": human_size(files.size(path), lang),
            }
        return found

    def _write_language(self, writer: Any, calendar: Calendar, lang: str, files: Files) -> None:
        """One language's calendar pages under /<lang>/ (German at /). Names, UI and the
        holidays' translated texts are in ``lang``; a text without translation is German,
        marked lang="de"."""
        prefix = urls.localized("", lang)
        common = {"inka_locale": lang, "page_lang": lang, "relative_urls": False,
                  "inka_files": self._downloads(files, lang),
                  "community_stylesheet": communities.STYLESHEET}
        path = urls.calendar()
        writer.write_file(prefix + path + "index.html", self.get_template("kalender"),
                          self.context, section_path=path, **common)
        for year in calendar.years:
            path = urls.year_page(year)
            writer.write_file(prefix + path + "index.html", self.get_template("kalender_year"),
                              self.context, inka_year=year, section_path=path, **common)
        path = urls.data_page()
        writer.write_file(prefix + path + "index.html", self.get_template("daten"),
                          self.context, section_path=path, **common)
        for community in calendar.communities:
            path = urls.community_page(community)
            writer.write_file(prefix + path + "index.html",
                              self.get_template("kalender_community"), self.context,
                              community=community, section_path=path, **common)
        template = self.get_template("kalender_holiday")
        for page in calendar.holidays:
            writer.write_file(prefix + page.path + "index.html", template, self.context,
                              holiday_page=page, json_ld=self._json_ld(page, lang),
                              section_path=page.path, **common)
