"""``duration:`` of an event without ``end``: hours:minutes (``"2:30"``) or whole minutes."""

from __future__ import annotations

import datetime as dt
from typing import Any


def parse_duration(value: Any) -> dt.timedelta | None:
    """The length of ``value``, or ``None`` when it is not a positive duration."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return dt.timedelta(minutes=value) if value > 0 else None
    if isinstance(value, str):
        hours, sep, minutes = value.strip().partition(":")
        if sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2 \
                and int(minutes) < 60:
            span = dt.timedelta(hours=int(hours), minutes=int(minutes))
            return span if span > dt.timedelta(0) else None
    return None
