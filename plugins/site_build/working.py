"""What the build is working on right now, for the one German sentence when it fails.

The plugins call ``mark("content/news/x.md")`` as they go (reading a file, scaling an image,
setting a poster, writing a page); ``site_build.run`` names the last mark if an unexpected
error stops the build. No Pelican import.
"""

from __future__ import annotations

_CURRENT: list[str] = []


def mark(what: str) -> None:
    _CURRENT[:] = [what]


def current() -> str | None:
    return _CURRENT[0] if _CURRENT else None


class Stop(Exception):
    """A known reason to stop the build; its message is German and complete (no traceback)."""
