"""Fixed vocabularies of the INKA content contract (docs/inka-daten.md)."""

from __future__ import annotations

# Communities and languages are the site core's (design.md §2); the engine re-exports them.
from site_core import COMMUNITIES, DEFAULT_LANGUAGE, INKA_UID_DOMAIN, LANGUAGES

__all__ = ["BEGINS", "COMMUNITIES", "CONFIRM_SLACK_DAYS", "DEFAULT_LANGUAGE",
           "DEFAULT_UID_DOMAIN", "LANGUAGES", "VARIANT_WINDOW_DAYS"]

BEGINS: tuple[str, ...] = ("evening-before", "day")

#: Days beyond ``variance_days`` within which a ``confirmed:`` date still belongs to the
#: occurrence whose computed start is nearest.
CONFIRM_SLACK_DAYS = 3

#: How far (days) a variant's date may lie from the primary date and still count as the
#: same occurrence's alternative.
VARIANT_WINDOW_DAYS = 60

#: Default domain for iCalendar UIDs: the site's INKA_UID_DOMAIN (design.md §6), so that
#: ``invoke holidays --format ics`` writes the same UIDs as the site's feeds.
DEFAULT_UID_DOMAIN = INKA_UID_DOMAIN
