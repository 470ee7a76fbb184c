"""The engine's own exception. Content problems are :class:`content_core.ContentError`."""

from __future__ import annotations


class OutOfRange(Exception):
    """A rule cannot give a date for this cycle (outside its library's or table's range)."""
