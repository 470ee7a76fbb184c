"""The texts residents read in the engine's feeds: German msgids of the site's UI catalogues
(``theme/translations/<lang>/LC_MESSAGES/messages.po``; ``invoke translations`` extracts them
from this package). No Pelican: the catalogues are read with Babel, by :func:`load_catalog`,
the one loader of the catalogues (the site's ``mia_site.catalogs.translations`` is this
function too)."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from site_core import communities
from site_core.messages import N_

from .constants import DEFAULT_LANGUAGE

#: The repository (``plugins/inka_engine/texts.py`` → two folders up); the site passes its own.
REPO = Path(__file__).resolve().parents[2]

#: A language's catalogue: ``catalog("tr").gettext(msgid)``.
Catalog = Callable[[str], NullTranslations]


#: Named texts of the feeds (the same msgids as on the pages where a page shows them too).
MESSAGES: dict[str, str] = {
    "estimated": N_("(voraussichtlich)"),
    "evening": N_("Beginnt am Vorabend mit Sonnenuntergang."),
    "calendar_islamisch": N_(
        "Islamische Termine folgen dem Kalender der Diyanet/DITIB (wo noch nicht "
        "veröffentlicht: vorausberechnet nach Diyanets eigenem Verfahren). Andere Gemeinden "
        "können um einen Tag abweichen."),
    "german": N_("Erklärung (auf Deutsch)"),
    "calname": N_("INKA – Interkultureller Kalender Dortmund"),
    "caldesc": N_("Feiertage der Religionen und Gemeinschaften in Dortmund"),
    "confirmed": N_("bestätigt – Quelle: %(source)s"),
    "basis": N_("Grundlage der Berechnung: %(sources)s."),
    "night": N_("Nacht vom %(evening)s zum %(start)s"),
    "eve": N_("Vorabend: %(holiday)s"),
    "eve_description": N_("%(holiday)s beginnt an diesem Abend mit Sonnenuntergang; der erste "
                          "Festtag ist der %(day)s."),
}
#: "may move by N days": the plural msgid of the holiday pages (theme/templates/partials/
#: inka.html, extracted from there as one entry with its plural forms).
VARIANCE = ("voraussichtlich – kann sich um %(num)s Tag verschieben",
            "voraussichtlich – kann sich um %(num)s Tage verschieben")
#: The community of an event (CATEGORIES), as the pages label it (site_core.communities).
COMMUNITY_LABELS: dict[str, str] = communities.LABELS


#: The gettext domain: ``messages.po`` / ``messages.pot``.
DOMAIN = "messages"


def po_path(root: Path, lang: str) -> Path:
    """``theme/translations/<lang>/LC_MESSAGES/messages.po`` below the repository ``root``."""
    return root / "theme" / "translations" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def load_catalog(root: Path, lang: str) -> NullTranslations:
    """The catalogue of one language below ``root``, compiled in memory (German: the msgids
    themselves). Cached; ``load_catalog.cache_clear()`` after the .po files changed."""
    path = po_path(root, lang)
    if lang == DEFAULT_LANGUAGE or not path.is_file():
        return NullTranslations()
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def repo_catalog(lang: str) -> NullTranslations:
    """The repository's catalogue of ``lang`` (German: the msgids themselves)."""
    return load_catalog(REPO, lang)


def text(name: str, lang: str, catalog: Catalog = repo_catalog, **values: str) -> str:
    """A named text of :data:`MESSAGES` in ``lang`` (``values`` fill its ``%(name)s``)."""
    found = catalog(lang).gettext(MESSAGES[name])
    return found % values if values else found


def variance(days: int, lang: str, catalog: Catalog = repo_catalog) -> str:
    return catalog(lang).ngettext(*VARIANCE, days) % {"num": days}


def community_label(community: str, lang: str, catalog: Catalog = repo_catalog) -> str:
    return catalog(lang).gettext(COMMUNITY_LABELS[community])


@cache
def country_name(code: str, lang: str) -> str:
    """'Indien', 'India', 'Hindistan' … (Babel's territory names)."""
    return Locale.parse(lang).territories.get(code, code)


class Source(str):
    """Where a computed date comes from, in words for residents (no program names): a German
    msgid of the catalogues, optionally with a country (``%(country)s``). It is the German
    text itself, so it compares and serialises as a plain ``str``."""

    msgid: str
    country: str

    def __new__(cls, msgid: str, country: str = "") -> Source:
        shown = msgid % {"country": country_name(country, DEFAULT_LANGUAGE)} if country else msgid
        obj = super().__new__(cls, shown)
        obj.msgid = msgid
        obj.country = country
        return obj

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Source, (self.msgid, self.country))


def source_text(source: str, lang: str, catalog: Catalog = repo_catalog) -> str:
    """``source`` in ``lang``: a :class:`Source` is translated; any other text (a
    ``confirmed:`` entry's source, written by the editors) is shown as written."""
    if not isinstance(source, Source):
        return str(source)
    translated = catalog(lang).gettext(source.msgid)
    if source.country:
        return translated % {"country": country_name(source.country, lang)}
    return translated
