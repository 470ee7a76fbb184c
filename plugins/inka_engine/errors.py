"""Content errors: every problem in a holiday file is reported as ``path:line: message``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ContentError(Exception):
    """One problem in one content file.

    ``message`` reads "what is wrong (what was expected)"; ``str()`` gives
    ``path:line: message``.
    """

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentErrors(Exception):
    """Raised by :func:`inka_engine.load_holidays` when any file has problems."""

    def __init__(self, errors: Sequence[ContentError]) -> None:
        self.errors: tuple[ContentError, ...] = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


class OutOfRange(Exception):
    """A rule cannot give a date for this cycle (outside its library's or table's range)."""
