"""File sizes for download links: '180 kB', '1,2 MB' in the page's locale (Babel)."""

from __future__ import annotations

from babel.units import format_unit

KB = 1000
MB = 1000 * KB


def file_size(size: int, locale: str = "de") -> str:
    """Below 1 MB whole kilobytes rounded up ('180 kB'), else megabytes with one decimal
    ('1,2 MB'), in decimal units as file managers show them."""
    if size < MB:
        return format_unit(max(1, -(-size // KB)), "digital-kilobyte", length="short",
                           locale=locale)
    return format_unit(round(size / MB, 1), "digital-megabyte", length="short", locale=locale)
