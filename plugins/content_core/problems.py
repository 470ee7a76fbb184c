"""Collect the content errors of one file while reading it, each at the line of its key."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from content_core.errors import ContentError
from content_core.frontmatter import FrontMatter


class Problems:
    """The errors found in ``path`` so far; ``fm`` gives the line of a key (line 1 without)."""

    def __init__(self, path: Path | str, fm: FrontMatter | None = None) -> None:
        self.path = path
        self.fm = fm
        self.errors: list[ContentError] = []

    def add(self, message: str, *where: str | int) -> None:
        """An error at the line of the key path ``where`` (e.g. ``"variants", 0, "who"``)."""
        self.at(self.fm.line_of(*where) if self.fm is not None else 1, message)

    def at(self, line: int, message: str) -> None:
        self.errors.append(ContentError(self.path, line, message))

    def entries(self, raw: list[Any], field: str, allowed: tuple[str, ...], entry: str,
                allowed_words: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
        """The mappings of the list ``field`` with their index; an entry that is no mapping
        (``entry`` says what one holds) and each key outside ``allowed`` (``allowed_words``
        says which are) is reported at its line and passed over."""
        for i, item in enumerate(raw):
            if not isinstance(item, Mapping):
                self.add(f"ungültiger Eintrag {item!r} in {field} ({entry})", field, i)
                continue
            for extra in item:
                if extra not in allowed:
                    self.add(f"unbekanntes Feld {extra!r} in {field} (erlaubt: {allowed_words})",
                             field, i, extra)
            yield i, item
