"""``invoke new holiday-date``: add a ``confirmed:`` entry to a holiday file.

Only lines are inserted; every other byte of the file stays as it was. Refused: an unknown
community or key, a file with problems, a date far from the rule's date of its occurrence, and
a second date for one occurrence (the engine's loader decides, as in every build).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import tempfile
from pathlib import Path

from content_model.scaffold import ScaffoldError

_FENCE = re.compile(r"^---[ \t]*\r?$")
_CONFIRMED = re.compile(r"^confirmed:[ \t]*(#.*)?\r?$")
_EMPTY_CONFIRMED = re.compile(r"^confirmed:[ \t]*\[[ \t]*\][ \t]*(#.*)?\r?$")
_ITEM = re.compile(r"^([ \t]*)-[ \t]")


def _entry(indent: str, start: dt.date, source: str, newline: str) -> str:
    return (f"{indent}- start: {start.isoformat()}{newline}"
            f"{indent}  source: {json.dumps(' '.join(source.split()), ensure_ascii=False)}"
            f"{newline}")


def insert_confirmed(text: str, start: dt.date, source: str) -> str:
    """``text`` with one more ``confirmed:`` entry (created when missing)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    fences = [i for i, line in enumerate(lines) if _FENCE.match(line.rstrip("\n"))]
    if len(fences) < 2 or fences[0] != 0:
        raise ScaffoldError("Kopfbereich zwischen zwei Zeilen '---' nicht gefunden")
    closing = fences[1]
    header = range(1, closing)
    at = next((i for i in header if _CONFIRMED.match(lines[i].rstrip("\n"))), None)
    if at is None:
        empty = next((i for i in header if _EMPTY_CONFIRMED.match(lines[i].rstrip("\n"))), None)
        block = f"confirmed:{newline}" + _entry("  ", start, source, newline)
        if empty is not None:
            return "".join([*lines[:empty], block, *lines[empty + 1:]])
        if any(lines[i].startswith("confirmed:") for i in header):
            raise ScaffoldError("'confirmed:' hat eine unbekannte Form (bitte als Liste "
                                "'  - start: …' schreiben oder von Hand ergänzen)")
        return "".join([*lines[:closing], block, *lines[closing:]])
    last = at
    indent = None
    for i in range(at + 1, closing):
        line = lines[i].rstrip("\r\n")
        if line and not line[0].isspace() and not line.startswith("-") \
                and not line.startswith("#"):
            break  # the next field
        if line.strip() and not line.lstrip().startswith("#"):
            last = i
            item = _ITEM.match(line)
            if item and indent is None:
                indent = item.group(1)
    return "".join([*lines[:last + 1], _entry(indent if indent is not None else "  ", start,
                                              source, newline), *lines[last + 1:]])


def add_confirmed(content_root: Path, community: str, key: str, start: dt.date,
                  source: str) -> Path:
    """Insert the entry into ``content/inka/<community>/<key>.md`` after checking it."""
    # Imported here, not at the top: the engine takes about a second to import, and
    # 'invoke new' for a page or news item does not need it (no cycle: the engine imports
    # nothing of content_model, tests/test_import_layers.py).
    from inka_engine import COMMUNITIES, load_holiday, place_confirmed
    from inka_engine.constants import CONFIRM_SLACK_DAYS
    from inka_engine.rules import CONFIRMED_YEARS

    if community not in COMMUNITIES:
        raise ScaffoldError(f"unbekannte Gemeinschaft {community!r} (eine von "
                            f"{', '.join(COMMUNITIES)})")
    folder = content_root / "inka" / community
    path = folder / f"{key}.md"
    if not path.is_file():
        keys = sorted(p.name[:-3] for p in folder.glob("*.md") if p.name.count(".") == 1)
        close = difflib.get_close_matches(key, keys, n=3)
        hint = f"meinten Sie {', '.join(close)}?" if close else "vorhanden: " + ", ".join(keys)
        raise ScaffoldError(f"Feiertag {community}/{key} gibt es nicht ({hint})")
    first, last = CONFIRMED_YEARS
    if not first <= start.year <= last:
        raise ScaffoldError(f"Jahr {start.year} liegt außerhalb des Kalenders (ein Jahr "
                            f"{first}–{last}; berechnet werden 1900–2100)")
    if not source.strip():
        raise ScaffoldError("Quelle fehlt (--source \"wer hat das Datum bekannt gegeben, z. B. "
                            "DITIB, Pressemitteilung vom …\")")
    holiday, problems = load_holiday(path)
    if holiday is None:
        listed = "; ".join(str(p) for p in problems[:3])
        raise ScaffoldError(f"die Datei hat Fehler, zuerst beheben: {listed}")
    if any(c.start == start for c in holiday.confirmed):
        raise ScaffoldError(f"{start.isoformat()} ist für {community}/{key} schon bestätigt")
    place = place_confirmed(holiday.rule, holiday.variance_days, start)
    if place.too_far:
        assert place.rule_date is not None
        raise ScaffoldError(
            f"{start.isoformat()} liegt {place.distance} Tage neben dem berechneten Datum "
            f"{place.rule_date.isoformat()} (höchstens {place.window} Tage: variance_days "
            f"{holiday.variance_days} + {CONFIRM_SLACK_DAYS}; Datum und Jahr prüfen)")
    original = path.read_bytes().decode("utf-8")
    updated = insert_confirmed(original, start, source)
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / community / path.name
        probe.parent.mkdir()
        probe.write_bytes(updated.encode("utf-8"))
        _holiday, problems = load_holiday(probe)
    if problems:
        raise ScaffoldError("; ".join(p.message for p in problems))
    path.write_bytes(updated.encode("utf-8"))
    return path
