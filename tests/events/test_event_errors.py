"""Event metadata mistakes stop the build with path:line, and the last good output stays.

All broken files go into one content copy: the build reports every problem together."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

GOOD = """---
title: Testtermin
slug: {slug}
date: 2025-01-02
lang: de
summary: Ein Termin für den Test.
start: 2025-06-21 12:00
end: 2025-06-21 14:00
timezone: Europe/Berlin
location:
  name: Rathaus
  address: Friedensplatz 1, 44135 Dortmund
organizer: MIA-DO-KI
status: confirmed
---
Text.
"""

# slug: (line to replace, replacement, line number expected, words of the message)
BROKEN = {
    "ende-vor-beginn": ("end: 2025-06-21 14:00", "end: 2025-06-21 10:00", 8,
                        "liegt vor dem Beginn"),
    "falsche-zeitzone": ("timezone: Europe/Berlin", "timezone: Europe/Dortmund", 9,
                         "unbekannte Zeitzone 'Europe/Dortmund'"),
    "ohne-ort": ("location:\n  name: Rathaus\n  address: Friedensplatz 1, 44135 Dortmund\n", "",
                 1, "Pflichtfeld 'location' fehlt"),
    "ort-ohne-namen": ("  name: Rathaus\n", "", 10, "'location.name' fehlt"),
    "falsches-datum": ("start: 2025-06-21 12:00", "start: 21.06.2025 12:00", 7,
                       "ungültiges Datum"),
    "unmoegliches-datum": ("start: 2025-06-21 12:00", "start: 2025-02-30 12:00", 7,
                           "ungültiges Datum"),
    "falscher-status": ("status: confirmed", "status: abgesagt", 14,
                        "unbekannter Status 'abgesagt'"),
    "ganztags-und-zeit": ("end: 2025-06-21 14:00", "end: 2025-06-22", 8,
                          "passen nicht zusammen"),
    "falsche-sprache": ("status: confirmed", "status: confirmed\nlanguages: [deutsch]", 15,
                        "unbekannter Wert 'deutsch' in 'languages'"),
    "falscher-kartenlink": ("  address: Friedensplatz 1, 44135 Dortmund",
                            "  address: Friedensplatz 1, 44135 Dortmund\n  map_url: www.karte.de",
                            13, "ungültiger Kartenlink"),
    "unbekannte-reihe": ("status: confirmed", "status: confirmed\nseries: gibt-es-nicht", 15,
                         "Veranstaltungsreihe 'gibt-es-nicht' gibt es nicht"),
}


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory: pytest.TempPathFactory,
                 build_site_process: Callable[..., subprocess.CompletedProcess[str]]
                 ) -> tuple[str, Path, bytes]:
    base = tmp_path_factory.mktemp("broken-events")
    content = base / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("inka"))
    output = base / "site"
    good = build_site_process(output, content)
    assert good.returncode == 0, good.stderr
    before = (output / "veranstaltungen" / "index.html").read_bytes()
    for slug, (old, new, _line, _words) in BROKEN.items():
        text = GOOD.format(slug=slug)
        assert old in text, slug
        (content / "events" / f"{slug}.md").write_text(text.replace(old, new, 1), "utf-8")
    result = build_site_process(output, content)
    assert result.returncode != 0, "a build with broken events must fail"
    return result.stderr, output, before


@pytest.mark.parametrize("slug", sorted(BROKEN))
def test_each_mistake_is_reported_at_its_line(slug: str,
                                              broken_build: tuple[str, Path, bytes]) -> None:
    stderr, _output, _before = broken_build
    _old, _new, line, words = BROKEN[slug]
    prefix = f"content/events/{slug}.md:{line}: "
    lines = [x for x in stderr.splitlines() if x.startswith(prefix)]
    assert lines, f"no '{prefix}…' in:\n{stderr}"
    assert any(words in x for x in lines), (words, lines)


def test_the_last_good_output_is_kept(broken_build: tuple[str, Path, bytes]) -> None:
    stderr, output, before = broken_build
    assert "nichts wurde veröffentlicht" in stderr
    assert (output / "veranstaltungen" / "index.html").read_bytes() == before
    assert not (output / "veranstaltungen" / "ende-vor-beginn").exists()
