"""Marking German source strings (msgids) in Python code for the gettext catalogues."""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a string for extraction (``invoke translations``); it is translated where it is
    shown."""
    return message
