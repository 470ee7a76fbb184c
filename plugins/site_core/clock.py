"""The one clock (design.md §6): BUILD_DATE, INKA_YEARS and the fallback DTSTAMP.

``BUILD_DATE`` is the date of ``SOURCE_DATE_EPOCH`` when set, else today, both in
Europe/Berlin; every "current year", window, "upcoming" and "next" derives from it. Feeds never
carry the wall clock: per-event stamps come from the Git history (``inka_engine.history``); a
stamp for a whole file is :func:`repository_stamp`.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

TIMEZONE = "Europe/Berlin"
#: INKA_YEARS: year pages, open data, posters and feeds cover last year to three years ahead.
YEARS_BEFORE = 1
YEARS_AFTER = 3


def source_date_epoch(environ: Mapping[str, str] | None = None) -> dt.datetime | None:
    """The UTC time of ``SOURCE_DATE_EPOCH``, or None when it is not set."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH={value!r}: erwartet Sekunden seit 1970 (Ganzzahl)")
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)


def build_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """BUILD_DATE: the Berlin date of ``SOURCE_DATE_EPOCH``, else today in Berlin."""
    moment = source_date_epoch(environ) or dt.datetime.now(dt.UTC)
    return moment.astimezone(ZoneInfo(TIMEZONE)).date()


def inka_years(date: dt.date) -> list[int]:
    """INKA_YEARS of a build date: last year to three years ahead."""
    return list(range(date.year - YEARS_BEFORE, date.year + YEARS_AFTER + 1))


def last_commit_time(folder: Path) -> dt.datetime | None:
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
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)


def repository_stamp(folder: Path, date: dt.date) -> dt.datetime:
    """The DTSTAMP of a whole calendar file built from ``folder`` (the content folder):
    ``SOURCE_DATE_EPOCH``, else the last commit, else midnight UTC of ``date`` (the build
    date) — never the wall clock, so that two builds of one commit are byte-identical.

    Outside a git checkout without ``SOURCE_DATE_EPOCH`` the build says so on stderr (not as
    a logged warning: ``--fatal warnings`` would stop the build)."""
    stamp = source_date_epoch() or last_commit_time(folder)
    if stamp is not None:
        return stamp
    fallback = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    print(f"HINWEIS: {folder} ist kein git-Checkout und SOURCE_DATE_EPOCH ist nicht "
          f"gesetzt: DTSTAMP der Kalender = {fallback.isoformat()}", file=sys.stderr)
    return fallback
