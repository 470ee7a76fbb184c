"""``python -m inka_engine``: print holiday occurrences as json, csv, ics or a table.

Data goes to stdout only; log messages (omitted years, content problems) go to stderr.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from content_core import ContentErrors
from site_core import clock
from site_core.history import repository_stamp

from .constants import COMMUNITIES, DEFAULT_UID_DOMAIN, LANGUAGES
from .engine import Omission, occurrences
from .export import holiday_url, to_csv, to_json, to_table
from .history import History, holiday_files
from .ical import build_calendar, to_ics
from .loader import load_holidays
from .model import Holiday
from .rules import KINDS

#: Years a date can have at all (Python's calendar) and the years the rule kinds cover.
MIN_YEAR, MAX_YEAR = 1, 9998
RULE_YEARS = (1900, 2100)


def _years(value: str) -> tuple[int, int]:
    try:
        first, _, last = value.partition("-")
        years = (int(first), int(last or first))
    except ValueError as why:
        raise argparse.ArgumentTypeError(f"invalid years {value!r} (expected 2026 or 2020-2035)") from why
    if years[0] > years[1]:
        raise argparse.ArgumentTypeError(f"invalid years {value!r} (expected first ≤ last)")
    if not all(MIN_YEAR <= y <= MAX_YEAR for y in years):
        raise argparse.ArgumentTypeError(
            f"Jahr außerhalb des Kalenders: {value!r} (erwartet: Jahre {MIN_YEAR}–{MAX_YEAR}; "
            f"berechnet werden {RULE_YEARS[0]}–{RULE_YEARS[1]})")
    return years


def _dtstamp(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as why:
        raise argparse.ArgumentTypeError(
            f"invalid --dtstamp {value!r} (expected ISO 8601, UTC)") from why
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _build_year() -> int:
    """Year of BUILD_DATE (design.md §6): the site core's one clock, in Europe/Berlin."""
    return clock.build_date().year


def ranges_text(holidays: Sequence[Holiday]) -> str:
    """The years each rule kind in use can compute, one line per kind (for error messages)."""
    used = sorted({h.rule.kind for h in holidays})
    lines = []
    for name in used:
        kind = KINDS[name]
        lines.append(f"  {name}: {kind.describe_years or f'{kind.years[0]}–{kind.years[1]}'}")
    return "Bereiche der Regelarten:\n" + "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m inka_engine", description=__doc__)
    p.add_argument("--years", type=_years, default=None,
                   help="year or range, e.g. 2026 or 2020-2035 (default: year of BUILD_DATE)")
    p.add_argument("--format", choices=("json", "csv", "ics", "table"), default="table")
    p.add_argument("--lang", choices=LANGUAGES, default="de")
    p.add_argument("--community", choices=COMMUNITIES, action="append",
                   help="only this community (may be repeated)")
    p.add_argument("--content", type=Path, default=Path("content/inka"),
                   help="holiday folder (default: content/inka)")
    p.add_argument("--site-url", default="", help="site URL for the url column/field")
    p.add_argument("--domain", default=DEFAULT_UID_DOMAIN,
                   help=f"iCalendar UID domain (default: {DEFAULT_UID_DOMAIN})")
    p.add_argument("--dtstamp", type=_dtstamp, default=None,
                   help="DTSTAMP for ics (default: as the site's feeds: SOURCE_DATE_EPOCH, else "
                        "the last commit, else the build date)")
    p.add_argument("-q", "--quiet", action="store_true", help="only warnings on stderr")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(levelname)s: %(message)s", stream=sys.stderr)
    try:
        holidays = load_holidays(args.content)
    except ContentErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        return 1
    first, last = args.years or (_build_year(), _build_year())
    omissions: list[Omission] = []
    found = occurrences(holidays, date(first, 1, 1), date(last, 12, 31), args.community,
                        omissions=omissions)
    if not found and (omissions or last < RULE_YEARS[0] or first > RULE_YEARS[1]):
        print(f"Keine Termine für {first}–{last}: die Jahre liegen außerhalb der Bereiche, "
              f"die die Regeln berechnen können.\n{ranges_text(holidays)}", file=sys.stderr)
        return 2
    out = sys.stdout
    if args.format == "json":
        out.write(to_json(found, args.lang, args.site_url))
    elif args.format == "csv":
        out.flush()
        sys.stdout.buffer.write(to_csv(found, args.lang, args.site_url))
    elif args.format == "ics":
        stamp = args.dtstamp or repository_stamp(args.content.resolve(),
                                                       clock.build_date())
        change_for = None
        if args.dtstamp is None:  # each event: the last commit of its own files
            history = History.of(args.content.resolve())
            if history.available:
                def change_for(o):  # type: ignore[no-untyped-def]
                    return history.change(holiday_files(o.holiday, args.lang))
        cal = build_calendar(
            found, dtstamp=stamp, lang=args.lang, uid_domain=args.domain,
            url_for=(lambda o: holiday_url(o, args.site_url, args.lang)) if args.site_url else None,
            change_for=change_for,
        )
        out.flush()
        sys.stdout.buffer.write(to_ics(cal))
    else:
        out.write(to_table(found, args.lang))
    out.flush()
    return 0
