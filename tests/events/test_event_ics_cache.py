"""The events' .ics files kept between builds (mia_site.events_cache): a kept file is the file
the build would make, an edit makes its event's files again, and the key holds every attribute
the VEVENT reads."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import tasks
from mia_site import events_ical
from tests.samples import CORE_BUILD

ROOT = Path(tasks.__file__).resolve().parent
EVENT = "bundesweiter-vorlesetag-2025"
OTHER = "einbuergerungsfeier-2025-05"


class _Watched:
    """An event that notes the name of every attribute read from it."""

    def __init__(self, values: dict[str, Any], read: set[str]) -> None:
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "_read", read)

    def __getattr__(self, name: str) -> Any:
        self._read.add(name)
        if name in self._values:
            return self._values[name]
        raise AttributeError(name)


@pytest.mark.parametrize("all_day", [False, True])
def test_key_fields_cover_everything_the_vevent_reads(all_day: bool) -> None:
    read: set[str] = set()
    start = dt.datetime(2026, 3, 1, 18, tzinfo=ZoneInfo("Europe/Berlin"))
    values = {"slug": "x", "title": "T", "summary_text": "S", "start": start, "end": None,
              "all_day": all_day, "location": {"name": "Ort"}, "duration": "2 Stunden",
              "event_status": "confirmed", "lang": "ar", "content_lang": "de"}
    events_ical.event_component(_Watched(values, read), url="https://example.org/x/",
                                stamp=start, uid_domain="example.org")
    assert read, "the VEVENT reads the event's attributes"
    assert read <= set(events_ical.FIELDS), read - set(events_ical.FIELDS)
    assert set(dict(events_ical.inputs(SimpleNamespace(**values)))) == set(events_ical.FIELDS)


def _ics(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*.ics")
            if "veranstaltungen" in p.parts}


@pytest.mark.slow
def test_kept_files_are_the_files_the_build_makes(
        tmp_path: Path, build_site_process: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("inka"))
    cache = tmp_path / "cache"

    def build(name: str, **env: str) -> dict[str, bytes]:
        done = build_site_process(tmp_path / name, content,
                                  env={**CORE_BUILD, "MIA_CACHE_PATH": str(cache), **env})
        assert done.returncode == 0, done.stderr
        return _ics(tmp_path / name)

    first = build("first")
    kept = json.loads((cache / "event-ics" / "de.json").read_text(encoding="utf-8"))["events"]
    assert len(kept) == 1 + sum(1 for name in first if name.startswith("veranstaltungen/")
                                and name != "veranstaltungen/veranstaltungen.ics")
    assert build("again") == first  # every file taken from the cache, byte for byte

    source = content / "events" / f"{EVENT}.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "title: Bundesweiter Vorlesetag 2025", "title: Vorlesetag 2025 in Dortmund"),
        encoding="utf-8")
    edited = build("edited")
    assert edited == build("uncached", MIA_CACHE="0")  # kept or made: the same files
    assert b"Vorlesetag 2025 in Dortmund" in edited[f"veranstaltungen/{EVENT}.ics"]
    assert edited[f"veranstaltungen/{EVENT}.ics"] != first[f"veranstaltungen/{EVENT}.ics"]
    assert edited["veranstaltungen/veranstaltungen.ics"] != first[
        "veranstaltungen/veranstaltungen.ics"]
    assert edited[f"veranstaltungen/{OTHER}.ics"] == first[f"veranstaltungen/{OTHER}.ics"]
    assert edited[f"en/veranstaltungen/{EVENT}.ics"] == first[f"en/veranstaltungen/{EVENT}.ics"]
