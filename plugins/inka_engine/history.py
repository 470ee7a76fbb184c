"""When did the files an event is made of last change? (DTSTAMP, LAST-MODIFIED, SEQUENCE)

design.md §6 "Stable events": each VEVENT carries the UTC time its own content last changed,
so that a commit that does not touch an event, or a rebuild on another day, leaves that VEVENT
byte-identical and calendar clients re-download only what changed.

- **Stamp** (DTSTAMP = LAST-MODIFIED) = the committer time of the newest commit that touched
  one of the event's files: for a holiday its file ``content/inka/<c>/<key>.md``, its
  translation ``content/inka/<c>/<key>.<lang>.md`` for the feed's language when that exists,
  and the code and data of its rule kind (e.g. ``rules/hijri.py`` and the Diyanet table:
  a new table can move a date); for an event its Markdown file.
- **Sequence** = how often those files were changed after they first appeared: the number
  of distinct commits touching them, minus one. Every correction of a date is such a commit,
  so SEQUENCE rises with each correction (edits of the text raise it too, which RFC 5545
  allows: it only requires an increase for significant changes).
- **Without git** (a copy without ``.git``, or files outside the repository) the stamp is
  the time of ``SOURCE_DATE_EPOCH`` when set, else the fixed :data:`NO_HISTORY`
  (2000-01-01T00:00:00Z), and SEQUENCE is 0: deterministic, never the wall clock.

One ``git log`` reads the history of the whole repository once per build.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from site_core import clock

NO_HISTORY = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Change:
    """The last change of an event's files: its UTC time and how many changes came before."""

    stamp: datetime
    sequence: int = 0


def fallback_change() -> Change:
    """SOURCE_DATE_EPOCH, else :data:`NO_HISTORY`; sequence 0."""
    return Change(clock.source_date_epoch() or NO_HISTORY)


@dataclass
class History:
    """Commits per file of one git repository (path relative to its top level)."""

    root: Path | None
    #: path → [(commit id, committer time), …], newest first
    commits: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    @classmethod
    def of(cls, path: Path) -> History:
        """The history of the repository that contains ``path``; empty without git."""
        root = _toplevel(path)
        if root is None:
            return cls(None)
        try:
            done = subprocess.run(
                ["git", "-C", str(root), "log", "--no-renames", "--format=%x01%H %ct",
                 "--name-only"],
                capture_output=True, text=True, check=False, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return cls(None)
        if done.returncode != 0:
            return cls(None)
        commits: dict[str, list[tuple[str, int]]] = {}
        for block in done.stdout.split("\x01")[1:]:
            head, _, names = block.partition("\n")
            commit, _, time = head.partition(" ")
            for name in names.splitlines():
                if name.strip():
                    commits.setdefault(name.strip(), []).append((commit, int(time)))
        return cls(root, commits)

    @property
    def available(self) -> bool:
        return self.root is not None and bool(self.commits)

    def _relative(self, path: Path) -> str | None:
        if self.root is None:
            return None
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None

    def change(self, files: Iterable[Path | None]) -> Change:
        """The last change of ``files`` (missing or untracked files are skipped)."""
        seen: dict[str, int] = {}
        for path in files:
            if path is None:
                continue
            name = self._relative(path)
            for commit, time in self.commits.get(name or "", ()):
                seen[commit] = time
        if not seen:
            return fallback_change()
        return Change(datetime.fromtimestamp(max(seen.values()), tz=UTC), len(seen) - 1)


def _toplevel(path: Path) -> Path | None:
    folder = path if path.is_dir() else path.parent
    try:
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
                              capture_output=True, text=True, check=False, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0 or not done.stdout.strip():
        return None
    return Path(done.stdout.strip()).resolve()


def rule_files(kind_name: str) -> tuple[Path, ...]:
    """The code and data a rule kind's dates come from: its module and ``DATA_FILES``."""
    import sys

    from .rules import KINDS

    kind = KINDS.get(kind_name)
    if kind is None:
        return ()
    module = sys.modules.get(kind.compute.__module__)
    if module is None or not getattr(module, "__file__", None):
        return ()
    return (Path(module.__file__), *getattr(module, "DATA_FILES", ()))  # type: ignore[arg-type]


def holiday_files(holiday: Any, lang: str) -> tuple[Path, ...]:
    """The files one holiday's VEVENTs in ``lang`` are made of: the holiday file, its
    translation ``<key>.<lang>.md`` when it exists, and its rule kinds' code and data."""
    if holiday is None or holiday.path is None:
        return ()
    path = Path(holiday.path)
    files = [path]
    translation = path.with_name(f"{holiday.key}.{lang}.md")
    if translation.is_file():
        files.append(translation)
    files.extend(rule_files(holiday.rule.kind))
    return tuple(files)
