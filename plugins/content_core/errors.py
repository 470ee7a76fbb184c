"""The one content error type: a problem in one content file, shown as ``path:line: message``.

Used by the front-matter parser, the holiday engine and the content model alike, so a problem
found anywhere reads the same in ``invoke check``, the build and the CLI."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError(Exception):
    """One mistake in one content file.

    ``message`` says what is wrong, ``expected`` what was expected (shown in parentheses);
    ``str()`` gives ``path:line: message (expected)``. ``path`` may be given as a
    :class:`~pathlib.Path`; it is kept as text. Raised by the parser and the engine's loader
    for a file that cannot be read at all."""

    path: str
    line: int
    message: str
    expected: str = ""
    warning: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.path, Path):
            object.__setattr__(self, "path", os.fspath(self.path))

    def __reduce__(self) -> tuple[type[ContentError], tuple[str, int, str, str, bool]]:
        # An exception pickles its args, a frozen dataclass refuses the state: give the fields.
        return (ContentError, (self.path, self.line, self.message, self.expected, self.warning))

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        if self.expected:
            text += f" ({self.expected})"
        if self.warning:
            text += " [Warnung]"
        return text


class ContentErrors(Exception):
    """Raised when one or more content files are wrong; the message lists them all, sorted."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    @classmethod
    def summary(cls, count: int) -> ContentErrors:
        """A short exception for the end of a build whose problems were already printed."""
        exc = cls([])
        exc.args = (f"{count} Fehler im Inhalt (siehe oben): nichts wurde veröffentlicht.",)
        return exc


def shown_path(path: Path | str, content_root: Path) -> str:
    """``content/…``: the file as editors know it (also for a copy of content/ elsewhere)."""
    try:
        return "content/" + Path(path).resolve().relative_to(content_root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def as_shown(errors: Iterable[ContentError], content_root: Path) -> list[ContentError]:
    """The errors with their paths as editors know them (:func:`shown_path`)."""
    return [replace(error, path=shown_path(error.path, content_root)) for error in errors]
