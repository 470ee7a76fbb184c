"""Holiday files for ``invoke check``: the engine's loader rules, and a warning for estimated
dates that are close and still unconfirmed. Uses ``inka_engine`` (also Pelican-free)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from content_core.errors import ContentError, ContentErrors, as_shown, shown_path
from content_core.frontmatter import parse_front_matter
from inka_engine import collect_holidays, occurrences

#: Warn when an estimated date that may move lies fewer than this many days ahead.
CONFIRM_AHEAD_DAYS = 30


def _line(path: Path, *keys: str) -> int:
    """Line of the first of ``keys`` found in the file's front matter (1 if none)."""
    try:
        fm = parse_front_matter(path.read_text(encoding="utf-8"), str(path))
    except (ContentErrors, OSError, UnicodeDecodeError):  # the loader reports these itself
        return 1
    for key in keys:
        if (key,) in fm.lines:
            return fm.lines[(key,)]
    return 1


def check_holidays(content_root: Path, build_date: dt.date,
                   ) -> tuple[list[tuple[str, str]], list[ContentError]]:
    """(community, key) of every holiday that loads, and the problems of all holiday files."""
    folder = content_root / "inka"
    if not folder.is_dir():
        return [], []
    holidays, engine_errors = collect_holidays(folder)
    problems = as_shown(engine_errors, content_root)
    # Translations <key>.<lang>.md are checked by the loader too (inka_engine.translations).
    soon = build_date + dt.timedelta(days=CONFIRM_AHEAD_DAYS - 1)
    for occ in occurrences(holidays, build_date, soon):
        if not occ.may_move or occ.holiday is None or occ.holiday.path is None:
            continue
        days = (occ.start - build_date).days
        when = "heute" if days == 0 else ("morgen" if days == 1 else f"in {days} Tagen")
        problems.append(ContentError(
            shown_path(occ.holiday.path, content_root),
            _line(occ.holiday.path, "confirmed", "variance_days"),
            f"{occ.holiday.title} beginnt voraussichtlich am {occ.start.isoformat()} ({when}); "
            f"das Datum kann um {occ.variance_days} Tag(e) abweichen und ist nicht bestätigt",
            "das angekündigte Datum eintragen: invoke new holiday-date --community "
            f"{occ.community} --key {occ.key} --start JJJJ-MM-TT --source \"…\"",
            warning=True))
    return [(h.community, h.key) for h in holidays], problems
