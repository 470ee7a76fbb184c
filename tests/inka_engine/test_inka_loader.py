"""Every kind of content error names the file and the offending line."""

from __future__ import annotations

from pathlib import Path

import pytest

from inka_engine import ContentError, ContentErrors, collect_holidays, load_holidays

GOOD = """\
---
title: Ramadanfest
key: eid-al-fitr
community: islamisch
lang: de
names:
  de: Ramadanfest
  en: Eid al-Fitr
  tr: Ramazan Bayramı
  ar: عيد الفطر
  uk: Ід аль-Фітр
  pl: Id al-Fitr
summary: Das Fest zum Ende des Fastenmonats.
rule:
  kind: hijri
  month: 10
  day: 1
duration: 3
begins: evening-before
variance_days: 1
confirmed:
  - start: 2026-03-20
    source: "Diyanet, Dini Günler 2026"
---
Text.
"""


def write(root: Path, text: str, community: str = "islamisch",
          name: str = "eid-al-fitr.md") -> Path:
    path = root / community / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def errors_for(tmp_path: Path, text: str, **where: str) -> list[ContentError]:
    write(tmp_path, text, **where)
    _, errors = collect_holidays(tmp_path)
    return errors


def test_good_file_loads(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    (holiday,) = load_holidays(tmp_path)
    assert holiday.ident == "islamisch/eid-al-fitr"
    assert holiday.names["tr"] == "Ramazan Bayramı"
    assert holiday.body == "Text.\n"
    assert holiday.confirmed[0].line == 22


CASES = [
    # (description, replace old → new, line, words in the message)
    ("unknown community", ("community: islamisch", "community: islam"), 4,
     ["unbekannte Gemeinschaft 'islam'", "(eine von christlich"]),
    ("community not matching folder", ("community: islamisch", "community: alevitisch"), 4,
     ["passt nicht zum Ordner 'islamisch'"]),
    ("key not matching file", ("key: eid-al-fitr", "key: eid"), 3,
     ["key 'eid' passt nicht zum Dateinamen 'eid-al-fitr.md'", "(key: eid-al-fitr)"]),
    ("unknown rule kind", ("kind: hijri", "kind: lunar"), 15,
     ["unbekannte Regelart 'lunar'", "(eine von fixed"]),
    ("invalid rule field", ("month: 10", "month: 13"), 16, ["ungültiger Wert 13 für month (Monat im islamischen Kalender)",
      "(eine ganze Zahl von 1 bis 12)"]),
    ("unknown rule field", ("day: 1\n", "day: 1\n  weekday: monday\n"), 18,
     ["unbekanntes Feld 'weekday' für die Regelart 'hijri'"]),
    ("missing rule field", ("  day: 1\n", ""), 14, ["der Regelart 'hijri' fehlt das Feld 'day'"]),
    ("missing language", ("  uk: Ід аль-Фітр\n", ""), 6, ["Sprache 'uk' fehlt in names"]),
    ("empty name", ("  pl: Id al-Fitr", "  pl: ''"), 12, ["Sprache 'pl' fehlt"]),
    ("bad confirmed date", ("start: 2026-03-20", "start: 2026-02-30"), 22,
     ["ungültiges Datum '2026-02-30' in confirmed", "JJJJ-MM-TT"]),
    ("confirmed without source", ('    source: "Diyanet, Dini Günler 2026"\n', ""), 22,
     ["Eintrag in confirmed ohne source"]),
    ("confirmed far from rule", ("start: 2026-03-20", "start: 2026-04-20"), 22,
     ["liegt 31 Tage vom Datum der Regel 2026-03-20 entfernt"]),
    ("missing field", ("duration: 3\n", ""), 1, ["Pflichtfeld 'duration' fehlt"]),
    ("invalid duration", ("duration: 3", "duration: drei"), 18, ["ungültiger Wert 'drei' für duration"]),
    ("invalid begins", ("begins: evening-before", "begins: evening"), 19,
     ["ungültiger Wert 'evening' für begins", "evening-before"]),
    ("invalid YAML", ("title: Ramadanfest", "title: [Ramadanfest"), 3, ["YAML-Fehler"]),
]


@pytest.mark.parametrize(("old_new", "line", "words"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_error_names_path_and_line(tmp_path: Path, old_new: tuple[str, str], line: int,
                                   words: list[str]) -> None:
    old, new = old_new
    assert old in GOOD
    errors = errors_for(tmp_path, GOOD.replace(old, new, 1))
    assert errors, "expected a content error"
    error = errors[0]
    path = tmp_path / "islamisch" / "eid-al-fitr.md"
    assert error.path == str(path)
    assert error.line == line, str(error)
    text = str(error)
    assert text.startswith(f"{path}:{line}: ")
    for word in words:
        assert word in text
    assert "(" in text and text.endswith(")")  # what is wrong (what was expected)


def test_unknown_community_folder(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, GOOD, community="islam")
    assert any("unbekannter Gemeinschaftsordner 'islam'" in str(e) for e in errors)


def test_table_name_must_exist(tmp_path: Path) -> None:
    text = GOOD.replace("  kind: hijri\n  month: 10\n  day: 1\n",
                        '  kind: table\n  source: "holidays:IN"\n  name: Holi Festival\n')
    text = text.replace("confirmed:\n  - start: 2026-03-20\n    source: \"Diyanet, Dini Günler 2026\"\n", "")
    errors = errors_for(tmp_path, text)
    assert [e.line for e in errors] == [14]
    assert "name 'Holi Festival' steht 2015–2035 nicht in holidays:IN" in str(errors[0])
    assert "holi" in str(errors[0])


def test_missing_front_matter(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, "Nur Text\n")
    assert ":1: Kopfbereich fehlt (die Datei muss mit einer Zeile '---' beginnen" in str(errors[0])


def test_all_problems_of_all_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("key: eid-al-fitr", "key: x").replace("begins: evening-before",
                                                                       "begins: x"))
    write(tmp_path, GOOD.replace("community: islamisch", "community: alevitisch"),
          name="eid-al-adha.md")
    with pytest.raises(ContentErrors) as caught:
        load_holidays(tmp_path)
    assert len(caught.value.errors) == 4  # key, begins; community, key of the second file
    assert "eid-al-adha.md:4:" in str(caught.value)


def test_broken_translation_file_is_reported_not_read_as_holiday(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    write(tmp_path, "not a holiday file", name="eid-al-fitr.tr.md")
    holidays, errors = collect_holidays(tmp_path)
    assert len(holidays) == 1 and holidays[0].translations == {}
    assert [(Path(e.path).name, e.line) for e in errors] == [("eid-al-fitr.tr.md", 1)]
    assert "Kopfbereich fehlt" in errors[0].message


def test_a_confirmed_date_in_year_9999_is_a_clear_error(tmp_path: Path) -> None:
    """Issue 15: an impossible year is a German error with path:line, never a traceback."""
    from inka_test_support import FIXTURES

    source = (FIXTURES / "juedisch" / "rosch-ha-schana.md").read_text(encoding="utf-8")
    (tmp_path / "juedisch").mkdir()
    broken = source.replace("\n---\n", "\nconfirmed:\n  - start: 9999-09-12\n"
                            "    source: Tippfehler\n---\n", 1)
    (tmp_path / "juedisch" / "rosch-ha-schana.md").write_text(broken, encoding="utf-8")
    _holidays, errors = collect_holidays(tmp_path)
    assert [e.line for e in errors] == [broken.splitlines().index("  - start: 9999-09-12") + 1]
    assert "Jahr 9999" in errors[0].message and "außerhalb des Kalenders" in errors[0].message
