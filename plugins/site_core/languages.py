"""The site's languages (design.md §3, §7): codes, Babel locales, native names, direction.

German is the default language at ``/``; every other language mirrors the paths under
``/<lang>/``. This is the one list: settings, checks, the CLI and templates read it here.
"""

from __future__ import annotations

from typing import Literal

DEFAULT_LANGUAGE = "de"
LANGUAGES: tuple[str, ...] = ("de", "en", "tr", "ar", "uk", "pl")
#: The languages translated from German (catalogues, translation files).
TRANSLATED: tuple[str, ...] = tuple(code for code in LANGUAGES if code != DEFAULT_LANGUAGE)

#: Site language → Babel locale for dates, numbers, weekday and month names. Arabic keeps
#: Latin digits (Babel formats dates with them): they match German letters, forms and phone
#: numbers, and Maghreb readers use them.
LOCALES: dict[str, str] = {"de": "de_DE", "en": "en_GB", "tr": "tr_TR", "ar": "ar",
                           "uk": "uk_UA", "pl": "pl_PL"}

#: Each language's name in its own language (the language switcher shows these, with lang=…).
NATIVE_NAMES: dict[str, str] = {"de": "Deutsch", "en": "English", "tr": "Türkçe",
                                "ar": "العربية", "uk": "Українська", "pl": "Polski"}

#: Languages written right to left: the site's (Arabic) and those of holidays' native names.
RTL_LANGS = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "syr", "ug", "ur",
                       "yi"})

Direction = Literal["ltr", "rtl"]


def is_rtl(lang: str) -> bool:
    """Whether ``lang`` (a code such as ``ar`` or ``ar-EG``) is written right to left."""
    return lang.split("-", maxsplit=1)[0].split("_", maxsplit=1)[0].lower() in RTL_LANGS


def text_direction(lang: str) -> Direction:
    """The value of a ``dir`` attribute for text in ``lang``."""
    return "rtl" if is_rtl(lang) else "ltr"


def rtl_languages(languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """The site languages written right to left."""
    return tuple(code for code in languages if is_rtl(code))


def babel_locale(lang: str) -> str:
    """The Babel locale for a site language (other codes are passed through)."""
    return LOCALES.get(lang, lang)


def prefix(lang: str) -> str:
    """The language's folder: "" for German, "en/" for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
