"""Rule kinds (docs/inka-daten.md "Rule kinds"): one small pure date function each."""

from __future__ import annotations

from .base import CONFIRMED_YEARS, Calendar, Computed, Field, RuleKind
from .gregorian import EASTER, FIXED, JULIAN, WEEKDAY_ON_OR_AFTER
from .hebrew import HEBREW
from .hijri import HIJRI, HIJRI_UMM_AL_QURA
from .lunar import CHINESE_LUNAR, FULL_MOON
from .table import TABLE

KINDS: dict[str, RuleKind] = {
    kind.name: kind
    for kind in (FIXED, JULIAN, EASTER, WEEKDAY_ON_OR_AFTER, HEBREW, HIJRI, HIJRI_UMM_AL_QURA,
                 FULL_MOON, CHINESE_LUNAR, TABLE)
}

__all__ = ["CONFIRMED_YEARS", "KINDS", "Calendar", "Computed", "Field", "RuleKind"]
