"""Open-data rows (design.md §6) as JSON, CSV (UTF-8 with BOM) and a plain-text table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from site_core import urls

from .constants import DEFAULT_LANGUAGE
from .model import Occurrence
from .texts import source_text

FIELDS: tuple[str, ...] = (
    "id", "community", "key", "name", "start", "end", "begins_evening_before", "evening",
    "night", "status", "variance_days", "url", "source",
)
#: The site's open data (``<year>.json``, design.md §6) plus ``uid``. ``id`` =
#: ``<community>/<key>/<occurrence>`` is unique like the UID (also when a lunar holiday starts
#: twice in one Gregorian year, Eid 2033); ``evening`` is the civil date of the evening it
#: begins on (empty when it begins by day), ``night`` whether the observance is that night.
OPEN_DATA_FIELDS: tuple[str, ...] = (
    "id", "community", "key", "name", "start", "end", "begins_evening_before", "evening",
    "night", "status", "variance_days", "url", "uid",
)


def holiday_url(occ: Occurrence, site_url: str = "", lang: str = DEFAULT_LANGUAGE) -> str:
    """The holiday page's absolute URL in ``lang`` (``site_core.urls.holiday_page``), or ""
    without a site URL."""
    if not site_url:
        return ""
    return urls.absolute(site_url, urls.holiday_page(occ.community, occ.key, lang))


def row(occ: Occurrence, lang: str = DEFAULT_LANGUAGE, site_url: str = "",
        fields: tuple[str, ...] = FIELDS, uid_domain: str = "") -> dict[str, Any]:
    """One occurrence's open-data record with ``fields`` (``uid`` gets ``@uid_domain``)."""
    values = {
        "id": occ.id,
        "community": occ.community,
        "key": occ.key,
        "name": occ.name(lang),
        "start": occ.start.isoformat(),
        "end": occ.end.isoformat(),
        "begins_evening_before": occ.begins_evening_before,
        "evening": occ.evening.isoformat() if occ.evening else None,
        "night": occ.night,
        "status": occ.status,
        "variance_days": occ.variance_days,
        "url": holiday_url(occ, site_url, lang),
        "source": source_text(occ.source, lang),
        "uid": f"{occ.uid}@{uid_domain}" if uid_domain else occ.uid,
    }
    return {name: values[name] for name in fields}


def to_json(occurrences: Iterable[Occurrence], lang: str = DEFAULT_LANGUAGE,
            site_url: str = "", *, fields: tuple[str, ...] = FIELDS, uid_domain: str = "",
            **extra: Any) -> str:
    """``{**extra, "holidays": [...]}`` (pass e.g. ``year=2026, language="de"``)."""
    data = {**extra, "holidays": [row(o, lang, site_url, fields, uid_domain)
                                  for o in occurrences]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


#: A spreadsheet reads a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading ``'`` (shown as text)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(occurrences: Iterable[Occurrence], lang: str = DEFAULT_LANGUAGE,
           site_url: str = "", *, fields: tuple[str, ...] = FIELDS,
           uid_domain: str = "") -> bytes:
    """Same columns as JSON; booleans as ``true``/``false``; UTF-8 with BOM for Excel."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    for occ in occurrences:
        values = row(occ, lang, site_url, fields, uid_domain)
        for flag in ("begins_evening_before", "night"):
            if flag in values:
                values[flag] = "true" if values[flag] else "false"
        if "evening" in values and values["evening"] is None:
            values["evening"] = ""
        writer.writerow({key: spreadsheet_safe(value) for key, value in values.items()})
    return buffer.getvalue().encode("utf-8-sig")


def to_table(occurrences: Iterable[Occurrence], lang: str = DEFAULT_LANGUAGE) -> str:
    """Human-readable, aligned columns."""
    header = ("start", "end", "community", "name", "status", "±", "uid")
    rows = [header]
    for o in occurrences:
        evening = "*" if o.begins_evening_before else " "
        rows.append((o.start.isoformat() + evening, o.end.isoformat(), o.community,
                     o.name(lang), o.status, str(o.variance_days), o.uid))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
             for r in rows]
    lines.append("(* begins on the evening before)")
    return "\n".join(lines) + "\n"
