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


def _unknown(items: list[Item], kind: str, key: str, targets: set[str | None], *, what: str,
             expected: str) -> list[ContentError]:
    """Files of ``kind`` whose ``key`` names a slug that is not among ``targets``."""
    return [item.error(key, f"{what} {value!r} gibt es nicht", expected)
            for item in items
            if item.kind == kind and (value := _text(item, key)) is not None
            and value not in targets]


def parent_rule(items: Iterable[Item]) -> list[ContentError]:
    """A sub-topic's ``parent`` is the slug of a top-level topic."""
    items = list(items)
    topics = {i.slug for i in items if i.kind == "topic" and not i.data.get("parent")}
    return _unknown(items, "topic", "parent", topics, what="Oberthema",
                    expected="der slug eines Themas in content/pages/themen/")


def series_rule(items: Iterable[Item]) -> list[ContentError]:
    """An event's ``series`` is the slug of a German event (the series' parent)."""
    items = list(items)
    events = {i.slug for i in items if i.kind == "event" and i.lang == DEFAULT_LANG}
    return _unknown(items, "event", "series", events, what="Veranstaltungsreihe",
                    expected="der slug einer Veranstaltung in content/events/")


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
