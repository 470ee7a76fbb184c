"""The rules across content files, one set for ``invoke check`` and the build.

``invoke check`` (:mod:`content_model.check`) calls them with the files it read, the build
(:mod:`mia_site.context`) with the pages Pelican made from the files our reader accepted; so a
file passes the check exactly when the build accepts it. Each rule sees only the files that
would be published (a file with an error of its own is rejected first, on both sides).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from content_core import ContentError

DEFAULT_LANG = "de"


@dataclass(frozen=True)
class Item:
    """One content file as the cross-file rules see it."""

    shown: str  # content/…
    kind: str  # topic, page, news, event
    lang: str
    slug: str | None
    data: Mapping[str, Any]  # its front matter
    line_of: Callable[[str], int]  # the line of a front-matter key (1 if unknown)

    def error(self, key: str, message: str, expected: str) -> ContentError:
        return ContentError(self.shown, self.line_of(key), message, expected)


def _text(item: Item, key: str) -> str | None:
    value = item.data.get(key)
    return value if isinstance(value, str) and value else None


def parent_rule(items: Iterable[Item]) -> list[ContentError]:
    """A sub-topic's ``parent`` is the slug of a top-level topic."""
    items = list(items)
    topics = {i.slug for i in items if i.kind == "topic" and not i.data.get("parent")}
    return [item.error("parent", f"Oberthema {parent!r} gibt es nicht",
                       "der slug eines Themas in content/pages/themen/")
            for item in items
            if item.kind == "topic" and (parent := _text(item, "parent")) is not None
            and parent not in topics]


def series_rule(items: Iterable[Item]) -> list[ContentError]:
    """An event's ``series`` is the slug of a German event (the series' parent)."""
    items = list(items)
    events = {i.slug for i in items if i.kind == "event" and i.lang == DEFAULT_LANG}
    return [item.error("series", f"Veranstaltungsreihe {series!r} gibt es nicht",
                       "der slug einer Veranstaltung in content/events/")
            for item in items
            if item.kind == "event" and (series := _text(item, "series")) is not None
            and series not in events]


def original_rule(items: Iterable[Item]) -> list[ContentError]:
    """A translation has a German original of the same kind with the same slug."""
    items = list(items)
    originals = {(i.kind, i.slug) for i in items if i.lang == DEFAULT_LANG}
    return [item.error("lang", f"Übersetzung ({item.lang}) ohne deutsches Original mit slug "
                               f"{item.slug!r}",
                       "eine deutsche Datei derselben Art mit demselben slug")
            for item in items
            if item.lang != DEFAULT_LANG and item.slug is not None
            and (item.kind, item.slug) not in originals]


def site_rules(items: Iterable[Item]) -> list[ContentError]:
    """Every rule across files, sorted."""
    items = list(items)
    return sorted([*parent_rule(items), *series_rule(items), *original_rule(items)])
