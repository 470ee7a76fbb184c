"""Feeds need absolute links while pages link root-relative (SITEURL is empty on purpose)."""

from __future__ import annotations

from typing import Any

from pelican.writers import Writer

from site_build import working


class AbsoluteFeedWriter(Writer):
    """Writes feeds with SITE_BASE_URL as their site URL; everything else as Pelican does."""

    def write_feed(self, elements: Any, context: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        return super().write_feed(elements, {**context, "SITEURL": context["SITE_BASE_URL"]},
                                  *args, **kwargs)

    def write_file(self, name: str, template: Any, context: dict[str, Any], *args: Any,
                   **kwargs: Any) -> Any:
        """Remembers the page being written (its source file when it has one)."""
        document = kwargs.get("article") or kwargs.get("page")
        source = getattr(document, "source_path", None)
        working.mark(_shown(source, context) if source else name)
        return super().write_file(name, template, context, *args, **kwargs)


def _shown(source: str, context: dict[str, Any]) -> str:
    from pathlib import Path

    try:
        return "content/" + Path(source).resolve().relative_to(
            Path(context["PATH"]).resolve()).as_posix()
    except (KeyError, ValueError):
        return source


def get_writer(_pelican: object) -> type[Writer]:
    return AbsoluteFeedWriter
