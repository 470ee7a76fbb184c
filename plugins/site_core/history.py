"""When did a set of files last change, by the Git history? (DTSTAMP, LAST-MODIFIED, SEQUENCE)

The site core's one Git lookup for the calendar files (design.md §6 "Stable events"): the
holidays' feeds (``inka_engine.history.holiday_files`` names a holiday's files) and the
events' files (``mia_site.context``) both ask :class:`History` of the content folder.

- **Stamp** (DTSTAMP = LAST-MODIFIED) = the committer time of the newest commit that touched
  one of the files.
- **Sequence** = how often those files were changed after they first appeared: the number
  of distinct commits touching them, minus one.
- **Without git** (a copy without ``.git``, or files outside the repository) the stamp is
  the time of ``SOURCE_DATE_EPOCH`` when set, else the fixed :data:`NO_HISTORY`
  (2000-01-01T00:00:00Z), and SEQUENCE is 0: deterministic, never the wall clock.

One ``git log`` reads the history of the whole repository once per build.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

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


def last_commit_time(folder: Path) -> datetime | None:
    """Committer time of the last commit of the repository holding ``folder`` (UTC), or
    None outside a git checkout."""
    try:
        done = subprocess.run(["git", "-C", str(folder), "log", "-1", "--format=%ct"],
                              capture_output=True, text=True, check=False, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    value = done.stdout.strip()
    if done.returncode != 0 or not value.isdigit():
        return None
    return datetime.fromtimestamp(int(value), tz=UTC)


def repository_stamp(folder: Path, day: date) -> datetime:
    """The DTSTAMP of a whole calendar file built from ``folder`` (the content folder):
    ``SOURCE_DATE_EPOCH``, else the last commit, else midnight UTC of ``day`` (the build
    date) — never the wall clock, so that two builds of one commit are byte-identical.

    Outside a git checkout without ``SOURCE_DATE_EPOCH`` the build says so on stderr (not as
    a logged warning: ``--fatal warnings`` would stop the build)."""
    stamp = clock.source_date_epoch() or last_commit_time(folder)
    if stamp is not None:
        return stamp
    fallback = datetime(day.year, day.month, day.day, tzinfo=UTC)
    print(f"HINWEIS: {folder} ist kein git-Checkout und SOURCE_DATE_EPOCH ist nicht "
          f"gesetzt: DTSTAMP der Kalender = {fallback.isoformat()}", file=sys.stderr)
    return fallback
