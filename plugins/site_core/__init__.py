"""The site core (design.md §2): each fact shared by settings, checks, the CLI, generators and
templates, once. No Pelican import and no import of the engine or the content model, so that
every layer may read it.

- :mod:`site_core.languages`: languages, Babel locales, native names, text direction
- :mod:`site_core.communities`: communities with titles, labels, letters and colours
- :mod:`site_core.clock`: BUILD_DATE, INKA_YEARS (the one clock)
- :mod:`site_core.history`: when calendar files last changed by Git (DTSTAMP, SEQUENCE)
- :mod:`site_core.urls`: URL builders for every page, feed and file
- :data:`INKA_UID_DOMAIN`: the domain of every iCalendar UID
"""

from __future__ import annotations

from site_core import clock, communities, languages, urls
from site_core.communities import COMMUNITIES
from site_core.languages import DEFAULT_LANGUAGE, LANGUAGES, LOCALES

#: Fixed forever: calendar subscribers' apps identify events by it (design.md §6). Never
#: derived from the site's address.
INKA_UID_DOMAIN = "inka.mia-do-ki.dortmund.de"

__all__ = ["COMMUNITIES", "DEFAULT_LANGUAGE", "INKA_UID_DOMAIN", "LANGUAGES", "LOCALES", "clock",
           "communities", "languages", "urls"]
