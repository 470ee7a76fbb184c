"""Holiday files share the site's front-matter parser (``content_model``, also Pelican-free);
this adapter turns its results and errors into the engine's types."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from content_model import ContentErrors as _ParseErrors
from content_model import FrontMatter as Parsed
from content_model import parse_front_matter

from .errors import ContentError


@dataclass(frozen=True)
class FrontMatter:
    """A holiday file's parsed front matter; lines come from the shared parser."""

    path: Path
    parsed: Parsed

    @property
    def data(self) -> Any:
        return self.parsed.data

    @property
    def body(self) -> str:
        return self.parsed.body

    def line(self, *where: str | int) -> int:
        """File line of the value at ``where`` (or of the nearest existing parent)."""
        return self.parsed.line_of(*where)

    def error(self, message: str, *where: str | int) -> ContentError:
        return ContentError(self.path, self.line(*where), message)


def read_front_matter(path: Path) -> FrontMatter:
    """Split and parse a Markdown file; raises :class:`ContentError` with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as why:
        raise ContentError(path, 1, f"Datei nicht lesbar: {why} (Text in UTF-8)") from why
    try:
        parsed = parse_front_matter(text, str(path))
    except _ParseErrors as why:
        first = why.errors[0]
        message = f"{first.message} ({first.expected})" if first.expected else first.message
        raise ContentError(path, first.line, message) from why
    return FrontMatter(path, parsed)
