"""INKA holiday engine: holiday files → occurrences in a date range. No Pelican import.

Public API::

    load_holidays(content_dir) -> list[Holiday]            # raises ContentErrors
    collect_holidays(content_dir) -> (list[Holiday], list[ContentError])
    occurrences(holidays, start, end, communities=None) -> list[Occurrence]
"""

from __future__ import annotations

from content_core import ContentError, ContentErrors

from .constants import COMMUNITIES, DEFAULT_UID_DOMAIN, LANGUAGES
from .engine import (
    Omission,
    Placement,
    clear_caches,
    computed_dates,
    holiday_occurrences,
    occurrences,
    place_confirmed,
    rule_dates,
)
from .loader import collect_holidays, load_holiday, load_holidays
from .model import (
    Alternative,
    Confirmed,
    Holiday,
    HolidayTexts,
    Native,
    Occurrence,
    Rule,
    Translation,
    Variant,
)
from .rules import KINDS

__all__ = [
    "COMMUNITIES",
    "DEFAULT_UID_DOMAIN",
    "KINDS",
    "LANGUAGES",
    "Alternative",
    "Confirmed",
    "ContentError",
    "ContentErrors",
    "Holiday",
    "HolidayTexts",
    "Native",
    "Occurrence",
    "Omission",
    "Placement",
    "Rule",
    "Translation",
    "Variant",
    "clear_caches",
    "collect_holidays",
    "computed_dates",
    "holiday_occurrences",
    "load_holiday",
    "load_holidays",
    "occurrences",
    "place_confirmed",
    "rule_dates",
]
