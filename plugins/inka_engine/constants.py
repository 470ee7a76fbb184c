"""Fixed vocabularies of the INKA content contract (docs/inka-daten.md)."""

from __future__ import annotations

COMMUNITIES: tuple[str, ...] = (
    "christlich",
    "orthodox",
    "juedisch",
    "islamisch",
    "alevitisch",
    "jesidisch",
    "hinduistisch",
    "buddhistisch",
    "gesellschaftlich",
)

LANGUAGES: tuple[str, ...] = ("de", "en", "tr", "ar", "uk", "pl")
DEFAULT_LANGUAGE = "de"

BEGINS: tuple[str, ...] = ("evening-before", "day")

#: Days beyond ``variance_days`` within which a ``confirmed:`` date still belongs to the
#: occurrence whose computed start is nearest.
CONFIRM_SLACK_DAYS = 3

#: How far (days) a variant's date may lie from the primary date and still count as the
#: same occurrence's alternative.
VARIANT_WINDOW_DAYS = 60

#: Default domain for iCalendar UIDs (design.md §6: INKA_UID_DOMAIN).
DEFAULT_UID_DOMAIN = "inka.dortmund.de"
