"""Which files a holiday's VEVENTs are made of (design.md §6 "Stable events").

Their last change by the Git history gives DTSTAMP = LAST-MODIFIED and SEQUENCE
(:mod:`site_core.history`, the one lookup the events' files use too). A holiday is made of
its file ``content/inka/<c>/<key>.md``, its translation ``content/inka/<c>/<key>.<lang>.md``
for the feed's language when that exists, and the code and data of its rule kind (e.g.
``rules/hijri.py`` and the Diyanet table: a new table can move a date). Every correction of a
date is a commit, so SEQUENCE rises with each correction (edits of the text raise it too,
which RFC 5545 allows: it only requires an increase for significant changes).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from site_core.history import NO_HISTORY, Change, History, fallback_change

__all__ = ["NO_HISTORY", "Change", "History", "fallback_change", "holiday_files", "rule_files"]


def rule_files(kind_name: str) -> tuple[Path, ...]:
    """The code and data a rule kind's dates come from: its module and ``DATA_FILES``."""
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
