"""Content errors that name the file and the line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    """One mistake in one content file."""

    path: str
    line: int
    message: str
    expected: str = ""
    warning: bool = False

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        if self.expected:
            text += f" ({self.expected})"
        if self.warning:
            text += " [Warnung]"
        return text


class ContentErrors(Exception):
    """Raised when one or more content files are wrong; the message lists them all."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    @classmethod
    def summary(cls, count: int) -> ContentErrors:
        """A short exception for the end of a build whose problems were already printed."""
        exc = cls([])
        exc.args = (f"{count} Fehler im Inhalt (siehe oben): nichts wurde veröffentlicht.",)
        return exc


def display_path(path: Path | str, root: Path | None = None) -> str:
    """The path as an editor knows it: relative to the repository root when possible."""
    p = Path(path)
    base = root or Path.cwd()
    try:
        return p.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return p.as_posix()
