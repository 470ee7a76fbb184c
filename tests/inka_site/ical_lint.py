"""A strict iCalendar lint on top of ``icalendar`` (tooling.md §6): ``icalendar`` alone accepts
bad folding, LF endings, long lines and missing UIDs, so the raw bytes are checked too.

``problems(data)`` returns every defect found (empty list = valid).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from icalendar import Calendar

MAX_OCTETS = 75
# name *(";" param) ":" value (RFC 5545 §3.1); parameter values may be quoted.
_PARAM_VALUE = r'(?:"[^"]*"|[^";:,]*)'
CONTENT_LINE = re.compile(
    rf"^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+={_PARAM_VALUE}(?:,{_PARAM_VALUE})*)*:")
REQUIRED = {
    "VCALENDAR": ("PRODID", "VERSION"),
    "VEVENT": ("UID", "DTSTAMP", "DTSTART"),
    "VTIMEZONE": ("TZID",),
    "STANDARD": ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"),
    "DAYLIGHT": ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"),
}


def physical_lines(data: bytes) -> tuple[list[bytes], list[str]]:
    found: list[str] = []
    if not data.endswith(b"\r\n"):
        found.append("the file does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            found.append(f"line {number}: bare LF or CR (lines must end with CRLF)")
        if len(line) > MAX_OCTETS:
            found.append(f"line {number}: {len(line)} octets (at most {MAX_OCTETS})")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            found.append(f"line {number}: not UTF-8 on its own (folded inside a character?)")
    return lines, found


def unfolded(lines: list[bytes]) -> list[str]:
    logical: list[str] = []
    for line in lines:
        if line[:1] in (b" ", b"\t") and logical:
            logical[-1] += line[1:].decode("utf-8", "replace")
        else:
            logical.append(line.decode("utf-8", "replace"))
    return logical


def _check_event(event: object, where: str) -> list[str]:
    found = []
    start = event.get("DTSTART")  # type: ignore[attr-defined]
    end = event.get("DTEND")  # type: ignore[attr-defined]
    stamp = event.get("DTSTAMP")  # type: ignore[attr-defined]
    if end is not None and event.get("DURATION") is not None:  # type: ignore[attr-defined]
        found.append(f"{where}: DTEND and DURATION together")
    if stamp is not None:
        value = stamp.dt
        if not isinstance(value, dt.datetime) or value.utcoffset() != dt.timedelta(0):
            found.append(f"{where}: DTSTAMP must be a UTC DATE-TIME, is {value!r}")
    if start is not None and end is not None:
        a, b = start.dt, end.dt
        if isinstance(a, dt.datetime) != isinstance(b, dt.datetime):
            found.append(f"{where}: DTSTART and DTEND mix DATE and DATE-TIME")
        elif b <= a:
            found.append(f"{where}: DTEND {b} is not after DTSTART {a}")
    return found


def problems(data: bytes) -> list[str]:
    lines, found = physical_lines(data)
    logical = unfolded(lines)
    for number, line in enumerate(logical, 1):
        if not CONTENT_LINE.match(line):
            found.append(f"logical line {number}: not a content line: {line[:60]!r}")
    begins = Counter(line[6:] for line in logical if line.upper().startswith("BEGIN:"))
    ends = Counter(line[4:] for line in logical if line.upper().startswith("END:"))
    if begins != ends:
        found.append(f"BEGIN/END do not match: {dict(begins)} vs {dict(ends)}")
    try:
        cal = Calendar.from_ical(data)
    except ValueError as why:
        return [*found, f"icalendar cannot parse it: {why}"]
    uids: Counter[str] = Counter()
    tzids = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE") if "TZID" in tz}
    for index, component in enumerate(cal.walk()):
        where = f"{component.name} #{index}"
        if component.errors:
            found.append(f"{where}: {component.errors}")
        for prop in REQUIRED.get(component.name, ()):
            if prop not in component:
                found.append(f"{where}: {prop} missing")
        for name, value in component.property_items(recursive=False):
            params = getattr(value, "params", {})
            if "TZID" in params and name != "TZID" and params["TZID"] not in tzids:
                found.append(f"{where}: {name} uses TZID {params['TZID']} without VTIMEZONE")
        if component.name == "VEVENT":
            uids[str(component.get("UID"))] += 1
            found += _check_event(component, f"{where} {component.get('UID')}")
    if cal.name != "VCALENDAR":
        found.append(f"top-level component is {cal.name}, not VCALENDAR")
    if str(cal.get("VERSION")) != "2.0":
        found.append("VERSION is not 2.0")
    if "X-WR-CALNAME" not in cal:
        found.append("X-WR-CALNAME missing")
    found += [f"UID {uid} occurs {n} times" for uid, n in uids.items() if n > 1]
    return found
