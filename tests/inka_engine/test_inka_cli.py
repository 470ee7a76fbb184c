"""``python -m inka_engine`` output formats, on the fixture holidays."""

from __future__ import annotations

import csv
import io
import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar
from inka_test_support import FIXTURES, REPO

from inka_engine.cli import main

ARGS = ["--content", str(FIXTURES), "--years", "2026-2027"]


def run(capsysbinary: pytest.CaptureFixture[bytes], *extra: str) -> bytes:
    assert main([*ARGS, *extra]) == 0
    return capsysbinary.readouterr().out


def test_json(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    data = json.loads(run(capsysbinary, "--format", "json", "--site-url", "https://x.example/",
                          "--lang", "en"))
    rows = data["holidays"]
    eid = next(r for r in rows if r["key"] == "eid-al-fitr")
    assert eid == {
        "id": "islamisch/eid-al-fitr/1447", "community": "islamisch", "key": "eid-al-fitr",
        "name": "Ramadanfest", "start": "2026-03-20", "end": "2026-03-22",
        "begins_evening_before": True, "evening": "2026-03-19", "night": False,
        "status": "confirmed", "variance_days": 0,
        "url": "https://x.example/en/kalender/islamisch/eid-al-fitr/", "source": eid["source"],
    }
    assert {r["start"][:4] for r in rows} == {"2026", "2027"}


def test_csv_has_bom_and_same_columns(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    out = run(capsysbinary, "--format", "csv", "--community", "juedisch")
    assert out.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"))))
    assert list(rows[0]) == ["id", "community", "key", "name", "start", "end",
                             "begins_evening_before", "evening", "night", "status",
                             "variance_days", "url", "source"]
    assert rows[0]["start"] == "2026-09-12" and rows[0]["begins_evening_before"] == "true"
    assert rows[0]["url"] == ""


def test_ics(capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    out = run(capsysbinary, "--format", "ics", "--domain", "example.org")
    cal = Calendar.from_ical(out)
    assert str(cal["X-PUBLISHED-TTL"]) == "P1D"
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    eid = events["islamisch-eid-al-fitr-1447@example.org"]
    assert eid.decoded("DTSTART").isoformat() == "2026-03-20"
    assert eid.decoded("DTEND").isoformat() == "2026-03-23"  # exclusive
    # In a git checkout: the last commit of the event's files, as LAST-MODIFIED.
    assert eid.decoded("DTSTAMP") == eid.decoded("LAST-MODIFIED")
    fixed = Calendar.from_ical(run(capsysbinary, "--format", "ics", "--dtstamp",
                                   "2026-01-01T00:00:00Z"))
    assert {e.decoded("DTSTAMP").isoformat() for e in fixed.walk("VEVENT")} == {
        "2026-01-01T00:00:00+00:00"}
    vesak = events["buddhistisch-vesak-2026@example.org"]
    assert str(vesak["SUMMARY"]).endswith("(voraussichtlich)")
    assert b"REFRESH-INTERVAL;VALUE=DURATION:P1D" in out
    assert str(events["christlich-ostersonntag-2026@example.org"]["SUMMARY"]) == "Ostersonntag"


def test_ics_without_domain_uses_the_sites_uid_domain(
        capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """`invoke holidays --format ics` and the site's feeds name events alike (design.md §6):
    without --domain the UIDs end in the INKA_UID_DOMAIN of the site's settings."""
    site = runpy.run_path(str(REPO / "pelican.conf.py"))
    out = run(capsysbinary, "--format", "ics", "--community", "islamisch",
              "--dtstamp", "2026-01-01T00:00:00Z")
    domains = {str(e["UID"]).rsplit("@", 1)[1] for e in Calendar.from_ical(out).walk("VEVENT")}
    assert domains == {site["INKA_UID_DOMAIN"]} == {"inka.mia-do-ki.dortmund.de"}


def test_default_year_is_the_berlin_build_year(capsysbinary: pytest.CaptureFixture[bytes],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """BUILD_DATE is a Berlin date: 2026-12-31 23:30 UTC is already 2027-01-01 00:30 in
    Dortmund, so the default year is 2027 (the UTC year would be 2026)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798759800")
    assert main(["--content", str(FIXTURES), "--format", "json"]) == 0
    rows = json.loads(capsysbinary.readouterr().out)["holidays"]
    assert rows and {r["start"][:4] for r in rows} == {"2027"}


def test_table(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    text = run(capsysbinary, "--format", "table").decode()
    assert "islamisch-eid-al-fitr-1447" in text and "2026-03-20*" in text


def test_stdout_is_only_data() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins")}
    done = subprocess.run([sys.executable, "-m", "inka_engine", "--content", str(FIXTURES),
                           "--years", "2035-2036", "--format", "json"],
                          capture_output=True, env=env, check=True)
    json.loads(done.stdout)
    assert b"hat keinen Eintrag 'Holi'" in done.stderr


def test_content_errors_go_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "islamisch").mkdir()
    (tmp_path / "islamisch" / "x.md").write_text("kein front matter\n", encoding="utf-8")
    assert main(["--content", str(tmp_path), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "x.md:1: Kopfbereich fehlt" in captured.err


def test_years_outside_every_range_fail_with_the_ranges(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15: nothing because of the rule ranges is an error naming them, not empty data."""
    assert main(["--content", str(FIXTURES), "--years", "2500", "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "außerhalb der Bereiche" in captured.err and "hijri: 1900–2100" in captured.err


@pytest.mark.parametrize("years", ["0", "9999", "0-2026"])
def test_impossible_years_are_a_german_error(years: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--content", str(FIXTURES), "--years", years])
    assert stop.value.code == 2
    assert "Jahr außerhalb des Kalenders" in capsys.readouterr().err


def test_a_julian_29_february_is_a_content_error(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = (FIXTURES / "orthodox" / "weihnachten.md").read_text(encoding="utf-8")
    assert "kind: julian" in source
    (tmp_path / "orthodox").mkdir()
    broken = source.replace("  month: 12\n  day: 25\n", "  month: 2\n  day: 29\n", 1)
    assert broken != source
    (tmp_path / "orthodox" / "weihnachten.md").write_text(broken, encoding="utf-8")
    assert main(["--content", str(tmp_path), "--years", "2026"]) == 1
    err = capsys.readouterr().err
    assert "weihnachten.md:" in err and "29. Februar des julianischen Kalenders" in err
