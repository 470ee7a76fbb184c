"""A build with a content mistake stops with path:line and leaves the last good output alone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import tasks
from tests.samples import EVENT, NEWS

ROOT = Path(tasks.__file__).resolve().parent
Build = Callable[..., subprocess.CompletedProcess[str]]  # tests/conftest.py build_site_process


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target, ignore=shutil.ignore_patterns("inka"))
    return target



# case: (file below content/, good text, replaced line, replacement, message)
BROKEN = {
    "yaml": ("news/2025-01-02-testmeldung.md", NEWS, "title: Testmeldung",
             "title: Test: [kaputt", "YAML-Fehler"),
    "bad date": ("events/testtermin.md", EVENT, "start: 2025-06-21 12:00",
                 "start: 21.06.2025 12:00", "ungültiges Datum"),
    "end before start": ("events/testtermin.md", EVENT, "end: 2025-06-21 14:00",
                         "end: 2025-06-21 10:00", "liegt vor dem Beginn"),
    "unknown timezone": ("events/testtermin.md", EVENT, "timezone: Europe/Berlin",
                         "timezone: Europe/Dortmund", "unbekannte Zeitzone"),
    "unknown field": ("news/2025-01-02-testmeldung.md", NEWS, "slug: testmeldung",
                      "titel: Testmeldung", "unbekanntes Feld 'titel'"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_content_keeps_last_good_output(case: str, content_copy: Path, tmp_path: Path,
                                               build_site_process: Build) -> None:
    relpath, good, old, new, message = BROKEN[case]
    source = content_copy / relpath
    source.write_text(good, encoding="utf-8")
    output = tmp_path / "output"
    first = build_site_process(output, content_copy)
    assert first.returncode == 0, first.stderr
    before = _snapshot(output)
    assert "index.html" in before

    source.write_text(good.replace(old, new, 1), encoding="utf-8")
    line = good.splitlines().index(old) + 1

    second = build_site_process(output, content_copy)
    assert second.returncode != 0
    assert f"content/{relpath}:{line}: " in second.stderr, second.stderr
    assert message in second.stderr
    assert _snapshot(output) == before
    assert not list(tmp_path.glob(".output.*")), "temporary build folders were left behind"


@pytest.mark.slow  # `invoke build` in a subprocess
def test_check_error_stops_invoke_build_and_keeps_output(content_copy: Path,
                                                          tmp_path: Path) -> None:
    """`invoke build` (= `make build`) runs the content check first: a mistake that Pelican
    would publish without a word (a dead link) stops it, and output/ stays byte-identical."""
    source = content_copy / "news/2025-01-02-testmeldung.md"
    source.write_text(NEWS, encoding="utf-8")
    output = tmp_path / "output"
    args = [sys.executable, "-m", "invoke", "build", "--output", str(output),
            "--content", str(content_copy)]
    first = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    before = _snapshot(output)

    source.write_text(NEWS.replace("Text.", "Siehe [Kontakt](/kontak/)."), encoding="utf-8")
    second = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    assert second.returncode == 1
    assert ("content/news/2025-01-02-testmeldung.md:8: Link auf '/kontak/' führt ins Leere "
            "(meinten Sie /kontakt/?)") in second.stderr
    assert "Build abgebrochen" in second.stderr
    assert "Gebaut: " not in second.stderr  # Pelican never ran
    assert _snapshot(output) == before
    assert not list(tmp_path.glob(".output.*")), "temporary build folders were left behind"
