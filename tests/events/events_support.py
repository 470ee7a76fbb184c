"""Small helpers shared by the event and news tests."""

from __future__ import annotations

LANGUAGES = ("de", "en", "tr", "ar", "uk", "pl")


def prefix(lang: str) -> str:
    """URL/path prefix of a language: '' for German, 'en/' for English."""
    return "" if lang == "de" else f"{lang}/"
