"""Feeds need absolute links while pages link root-relative (SITEURL is empty on purpose)."""

from __future__ import annotations

from typing import Any

from pelican.writers import Writer


class AbsoluteFeedWriter(Writer):
    """Writes feeds with SITE_BASE_URL as their site URL; everything else as Pelican does."""

    def write_feed(self, elements: Any, context: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        return super().write_feed(elements, {**context, "SITEURL": context["SITE_BASE_URL"]},
                                  *args, **kwargs)


def get_writer(_pelican: object) -> type[Writer]:
    return AbsoluteFeedWriter
