"""The engine's own exception. Content problems are :class:`content_core.ContentError`."""

from __future__ import annotations


class OutOfRange(Exception):
    """A rule cannot give a date for this cycle (outside its library's or table's range)."""


def require_year(year: int, years: tuple[int, int], what: str, where: str,
                 note: str = "") -> None:
    """Raise :class:`OutOfRange` unless ``years[0] <= year <= years[1]``; the message names
    the year (``what``), the library or table (``where``) and its range."""
    if not years[0] <= year <= years[1]:
        raise OutOfRange(f"{what} {year} liegt außerhalb {where} ({years[0]}–{years[1]}{note})")
