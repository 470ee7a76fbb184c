"""`invoke new`: scaffolded files pass the check and build; existing slugs are refused;
`holiday-date` only inserts its lines and refuses what does not fit."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from editor_support import BUILD_DATE, EPOCH_2026_01_01, ROOT, invoke

from content_core.frontmatter import parse_front_matter
from content_model.check import check_content
from content_model.confirm_date import insert_confirmed


def _new(content: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return invoke("new", *args, "--content", str(content))


def _data(path: Path) -> dict[str, object]:
    return parse_front_matter(path.read_text(encoding="utf-8"), str(path)).data


@pytest.mark.slow  # `invoke build` of the scaffolded content
def test_every_kind_passes_the_check_and_builds(content: Path, tmp_path: Path) -> None:
    steps = [
        ("news", "--title", "Beratung für Familien: neue Sprechstunde", "--date", "2025-12-01",
         "--tags", "Beratung, Familie", "--summary", "Ab Januar gibt es eine neue Sprechstunde."),
        ("news", "--lang", "en", "--slug", "beratung-fuer-familien-neue-sprechstunde",
         "--title", "Advice for families: new consultation hours"),
        ("event", "--title", "Straßenfest der Kulturen", "--start", "2026-06-20 14:00", "--end",
         "2026-06-20 18:00", "--location", "Nordmarkt", "--address", "Nordmarkt, 44147 Dortmund"),
        ("event", "--title", "Tag der offenen Tür", "--start", "2026-09-12", "--slug",
         "offene-tuer-2026"),
        ("topic", "--title", "Gebärdensprache im Alltag"),
        ("topic", "--title", "Lesepaten", "--parent", "integration-durch-bildung"),
        ("holiday-date", "--community", "islamisch", "--key", "lailat-al-miradsch", "--start",
         "2026-01-16", "--source", "Diyanet İşleri Başkanlığı, Dini Günler 2026 "
         "(Miraç Kandili am Abend des 15. Januar)"),
    ]
    for step in steps:
        result = _new(content, *step)
        assert result.returncode == 0, (step, result.stderr)
        assert "Geschrieben: content/" in result.stderr
    errors = [str(p) for p in check_content(content, BUILD_DATE) if not p.warning]
    assert errors == []
    output = tmp_path / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH_2026_01_01}
    built = subprocess.run([sys.executable, "-m", "invoke", "build", "--output", str(output),
                            "--content", str(content)], cwd=ROOT, env=env, capture_output=True,
                           text=True, check=False)
    assert built.returncode == 0, built.stderr
    for page in ("nachrichten/beratung-fuer-familien-neue-sprechstunde/index.html",
                 "veranstaltungen/strassenfest-der-kulturen/index.html",
                 "veranstaltungen/offene-tuer-2026/index.html",
                 "themen/gebaerdensprache-im-alltag/index.html",
                 "themen/integration-durch-bildung/lesepaten/index.html"):
        assert (output / page).is_file(), page
    english = (output / "en/nachrichten/beratung-fuer-familien-neue-sprechstunde/index.html")
    assert "Advice for families: new consultation hours" in english.read_text(encoding="utf-8")


def test_news_file_has_the_metadata_and_a_guide(content: Path) -> None:
    result = _new(content, "news", "--title", "Einbürgerung: Termine im März", "--date",
                  "2026-02-03", "--tags", "Einbürgerung")
    assert result.returncode == 0, result.stderr
    path = content / "news/2026-02-03-einbuergerung-termine-im-maerz.md"
    data = _data(path)
    assert data == {"title": "Einbürgerung: Termine im März",
                    "slug": "einbuergerung-termine-im-maerz", "date": "2026-02-03", "lang": "de",
                    "summary": "[Bitte ergänzen: ein bis zwei Sätze zur Nachricht]",
                    "tags": ["Einbürgerung"]}
    header = path.read_text(encoding="utf-8").split("---\n")[1]
    assert "# Nachricht. Anleitung: docs/redaktion.md." in header
    assert "ein Datum in der Zukunft plant die Nachricht ein" in header


def test_event_file_has_the_metadata(content: Path) -> None:
    result = _new(content, "event", "--title", "Sprachcafé", "--start", "2026-03-04 16:00",
                  "--location", "Stadt- und Landesbibliothek", "--organizer", "MIA-DO-KI")
    assert result.returncode == 0, result.stderr
    data = _data(content / "events/sprachcafe.md")
    assert data["start"] == "2026-03-04 16:00"
    assert data["timezone"] == "Europe/Berlin"
    assert data["location"] == {"name": "Stadt- und Landesbibliothek"}
    assert data["organizer"] == "MIA-DO-KI"
    assert "end" not in data


REFUSED = {
    "existing slug": (
        ("news", "--title", "Einbürgerungen 2024", "--date", "2026-01-05"),
        "Nicht angelegt: slug 'einbuergerungen-2024' (de) gibt es schon: "
        "content/news/2025-02-18-einbuergerungen-2024.md (einen anderen --slug wählen oder die "
        "vorhandene Datei bearbeiten)"),
    "existing translation": (
        ("news", "--lang", "en", "--slug", "internationale-woche-2025"),
        "Nicht angelegt: slug 'internationale-woche-2025' (en) gibt es schon: "
        "content/news/2025-06-02-internationale-woche-2025.en.md (einen anderen --slug wählen "
        "oder die vorhandene Datei bearbeiten)"),
    "existing topic": (
        ("topic", "--title", "Sprachmittlung"),
        "Nicht angelegt: slug 'sprachmittlung' (de) gibt es schon: "
        "content/pages/themen/sprachmittlung.md (einen anderen --slug wählen oder die "
        "vorhandene Datei bearbeiten)"),
    "translation without original": (
        ("event", "--lang", "tr", "--slug", "gibtsnicht"),
        "Nicht angelegt: kein deutsches Original mit slug 'gibtsnicht' in content/events/ "
        "(zuerst die deutsche Fassung anlegen)"),
    "event without start": (
        ("event", "--title", "Fest"),
        "Nicht angelegt: Beginn fehlt (--start JJJJ-MM-TT HH:MM, oder nur das Datum für "
        "ganztägige Termine)"),
    "unknown parent": (
        ("topic", "--title", "Neu", "--parent", "gibtsnicht"),
        "Nicht angelegt: Oberthema 'gibtsnicht' gibt es nicht (der slug eines Themas in "
        "content/pages/themen/)"),
    "unknown community": (
        ("holiday-date", "--community", "islam", "--key", "eid-al-fitr", "--start", "2026-03-20",
         "--source", "x"),
        "Nicht angelegt: unbekannte Gemeinschaft 'islam' (eine von christlich, orthodox, "
        "juedisch, islamisch, alevitisch, jesidisch, hinduistisch, buddhistisch, "
        "gesellschaftlich)"),
    "unknown holiday": (
        ("holiday-date", "--community", "islamisch", "--key", "eid-al-fiter", "--start",
         "2026-03-20", "--source", "x"),
        "Nicht angelegt: Feiertag islamisch/eid-al-fiter gibt es nicht (meinten Sie "
        "eid-al-fitr"),
    # Lailat al-Miradsch 1447 AH: evening of 15 January 2026 (Diyanet); a date in March is
    # a typo or the wrong year.
    "date far from the rule": (
        ("holiday-date", "--community", "islamisch", "--key", "lailat-al-miradsch", "--start",
         "2026-03-16", "--source", "x"),
        "Nicht angelegt: 2026-03-16 liegt 59 Tage neben dem berechneten Datum 2026-01-16 "
        "(höchstens 4 Tage: variance_days 1 + 3; Datum und Jahr prüfen)"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused(case: str, content: Path) -> None:
    args, message = REFUSED[case]
    before = {p: p.read_bytes() for p in content.rglob("*.md")}
    result = _new(content, *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert {p: p.read_bytes() for p in content.rglob("*.md")} == before


def test_second_date_for_one_occurrence_is_refused(content: Path) -> None:
    args = ("holiday-date", "--community", "islamisch", "--key", "lailat-al-miradsch")
    assert _new(content, *args, "--start", "2026-01-16", "--source", "A").returncode == 0
    again = _new(content, *args, "--start", "2026-01-17", "--source", "B")
    assert again.returncode == 1
    assert "zweites bestätigtes Datum 2026-01-17" in again.stderr


def test_holiday_date_only_inserts_lines(content: Path) -> None:
    path = content / "inka/islamisch/lailat-al-miradsch.md"
    before = path.read_bytes()
    result = _new(content, "holiday-date", "--community", "islamisch", "--key",
                  "lailat-al-miradsch", "--start", "2026-01-16", "--source", "Diyanet: 2026")
    assert result.returncode == 0, result.stderr
    after = path.read_bytes()
    added = [b"confirmed:\n", b"  - start: 2026-01-16\n", b'    source: "Diyanet: 2026"\n']
    lines = after.splitlines(keepends=True)
    at = lines.index(added[0])
    assert lines[at:at + 3] == added
    assert b"".join(lines[:at] + lines[at + 3:]) == before
    assert lines[at + 3] == b"---\n"  # at the end of the header
    # the warning that asked for it is gone
    assert not [p for p in check_content(content, BUILD_DATE)
                if p.path.endswith("lailat-al-miradsch.md")]


def test_insert_appends_to_an_existing_list_and_keeps_crlf() -> None:
    text = ("---\r\ntitle: X\r\nconfirmed:   # announced dates\r\n"
            "    - start: 2025-01-27\r\n      source: A\r\n\r\n# note\r\nvariance_days: 1\r\n"
            "---\r\nBody\r\n")
    result = insert_confirmed(text, dt.date(2026, 1, 16), "B")
    assert result == text.replace("      source: A\r\n", "      source: A\r\n"
                                  "    - start: 2026-01-16\r\n      source: \"B\"\r\n")


def test_insert_replaces_an_empty_list() -> None:
    text = "---\ntitle: X\nconfirmed: []\nrule: {kind: fixed}\n---\n"
    assert insert_confirmed(text, dt.date(2026, 1, 16), "B") == (
        "---\ntitle: X\nconfirmed:\n  - start: 2026-01-16\n    source: \"B\"\n"
        "rule: {kind: fixed}\n---\n")


def test_interactive_questions(content: Path) -> None:
    """At a terminal, `invoke new` asks for what is missing (German questions)."""
    from content_model.newfile import run

    asked: list[str] = []
    answers = iter(["Sommerfest", "2026-07-04 15:00", "", "Fredenbaumpark", "", ""])

    def prompt(question: str) -> str:
        asked.append(question)
        return next(answers)

    path = run(content, "event", {}, interactive=True, prompt=prompt, today=BUILD_DATE)
    assert asked[0] == "Titel der Veranstaltung: "
    assert path == content / "events/sommerfest.md"
    assert _data(path)["location"] == {"name": "Fredenbaumpark"}
