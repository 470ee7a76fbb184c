"""Holiday translations ``<key>.<lang>.md``: loaded beside the German file, every mistake a
German message with path and line; the texts accessor falls back to German and says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from inka_engine import ContentError, collect_holidays

GERMAN = """\
---
title: Ramadanfest
key: eid-al-fitr
community: islamisch
lang: de
names: {de: Ramadanfest, en: Eid al-Fitr, tr: Ramazan Bayramı, ar: عيد الفطر, uk: Ід аль-Фітр,
        pl: Id al-Fitr}
summary: Das Fest zum Ende des Fastenmonats.
rule: {kind: hijri, month: 10, day: 1}
duration: 3
begins: evening-before
variance_days: 1
variants:
  - rule: {kind: fixed, month: 4, day: 1}
    who: Einige Gemeinden
---
## Bedeutung

Deutscher Text.
"""

TURKISH = """\
---
lang: tr
summary: >-
  Oruç ayının sonundaki bayram.
variants:
  - who: Bazı cemaatler
translation_reviewed: false
---
## Anlamı

Türkçe metin.
"""


def write(root: Path, name: str, text: str, community: str = "islamisch") -> Path:
    path = root / community / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, translation: str, name: str = "eid-al-fitr.tr.md",
         german: str | None = GERMAN) -> tuple[list, list[ContentError]]:
    if german is not None:
        write(tmp_path, "eid-al-fitr.md", german)
    write(tmp_path, name, translation)
    return collect_holidays(tmp_path)


def test_translation_is_attached_and_texts_fall_back_to_german(tmp_path: Path) -> None:
    (holiday,), errors = load(tmp_path, TURKISH)
    assert errors == []
    turkish = holiday.texts("tr")
    assert not turkish.fallback and turkish.lang == "tr"
    assert turkish.summary == "Oruç ayının sonundaki bayram."
    assert turkish.body.startswith("## Anlamı") and "Türkçe metin." in turkish.body
    assert turkish.who("Einige Gemeinden") == "Bazı cemaatler"
    assert turkish.reviewed is False
    assert turkish.path == tmp_path / "islamisch" / "eid-al-fitr.tr.md"
    english = holiday.texts("en")  # no English file: German, and it says so
    assert english.fallback and english.lang == "de" and english.requested == "en"
    assert english.summary == "Das Fest zum Ende des Fastenmonats."
    assert english.who("Einige Gemeinden") == "Einige Gemeinden"
    german = holiday.texts("de")
    assert not german.fallback and german.body.startswith("## Bedeutung")


def test_name_and_source_hash_are_accepted(tmp_path: Path) -> None:
    text = TURKISH.replace("lang: tr\n", 'lang: tr\nname: "Ramazan Bayramı"\nsource_hash: ab12\n')
    (holiday,), errors = load(tmp_path, text)
    assert errors == []
    assert holiday.translations["tr"].source_hash == "ab12"
    assert holiday.names["tr"] == "Ramazan Bayramı"  # names stay those of the German file


CASES = [
    # (description, old → new in TURKISH, file name, line, words)
    ("unknown field", ("lang: tr\n", "lang: tr\nrule: {kind: fixed}\n"), "eid-al-fitr.tr.md", 3,
     ["unbekanntes Feld 'rule' in einer Übersetzung", "erlaubt: lang, summary"]),
    ("lang not matching the suffix", ("lang: tr", "lang: en"), "eid-al-fitr.tr.md", 2,
     ["lang 'en' passt nicht zum Dateinamen 'eid-al-fitr.tr.md'", "(lang: tr)"]),
    ("lang missing", ("lang: tr\n", ""), "eid-al-fitr.tr.md", 1,
     ["Pflichtfeld 'lang' fehlt", "(lang: tr)"]),
    ("unknown language", ("lang: tr", "lang: fr"), "eid-al-fitr.fr.md", 1,
     ["unbekannte Sprache 'fr' im Dateinamen", "en, tr, ar, uk, pl"]),
    ("German as a translation", ("lang: tr", "lang: de"), "eid-al-fitr.de.md", 1,
     ["unbekannte Sprache 'de' im Dateinamen"]),
    ("too many variants", ("  - who: Bazı cemaatler\n",
                           "  - who: Bazı cemaatler\n  - who: Başkaları\n"),
     "eid-al-fitr.tr.md", 5, ["variants hat 2 Einträge, die deutsche Datei 1"]),
    ("variants missing", ("variants:\n  - who: Bazı cemaatler\n", ""), "eid-al-fitr.tr.md", 1,
     ["variants fehlt", "1× '- who: …'"]),
    ("rule in a variant", ("  - who: Bazı cemaatler\n",
                           "  - who: Bazı cemaatler\n    rule: {kind: fixed}\n"),
     "eid-al-fitr.tr.md", 7, ["unbekanntes Feld 'rule' in variants", "nur who"]),
    ("empty body", ("## Anlamı\n\nTürkçe metin.\n", ""), "eid-al-fitr.tr.md", 9,
     ["Erklärung fehlt"]),
    ("empty summary", ("summary: >-\n  Oruç ayının sonundaki bayram.\n", "summary: ''\n"),
     "eid-al-fitr.tr.md", 3, ["summary fehlt oder ist leer"]),
    ("reviewed not a boolean", ("translation_reviewed: false", "translation_reviewed: nein"),
     "eid-al-fitr.tr.md", 7, ["ungültiger Wert 'nein' für translation_reviewed",
                              "true oder false"]),
]


@pytest.mark.parametrize(("old_new", "name", "line", "words"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_translation_error_names_path_and_line(tmp_path: Path, old_new: tuple[str, str],
                                               name: str, line: int, words: list[str]) -> None:
    old, new = old_new
    assert old in TURKISH
    holidays, errors = load(tmp_path, TURKISH.replace(old, new, 1), name)
    assert len(errors) == 1, errors
    error = errors[0]
    assert error.path == str(tmp_path / "islamisch" / name)
    assert error.line == line, str(error)
    for word in words:
        assert word in error.message
    assert error.message.endswith(")")
    # the German holiday still loads, without the broken translation
    assert [h.key for h in holidays] == ["eid-al-fitr"]
    assert holidays[0].texts("tr").fallback


def test_translation_without_german_original(tmp_path: Path) -> None:
    write(tmp_path, "eid-al-adha.md", GERMAN.replace("key: eid-al-fitr", "key: eid-al-adha"))
    _, errors = load(tmp_path, TURKISH, german=None)
    assert [str(e) for e in errors] == [
        f"{tmp_path}/islamisch/eid-al-fitr.tr.md:1: Übersetzung ohne deutsches Original "
        "islamisch/eid-al-fitr.md (eine Datei content/inka/islamisch/eid-al-fitr.md)"]


def test_variants_when_german_has_none(tmp_path: Path) -> None:
    german = GERMAN.replace("variants:\n  - rule: {kind: fixed, month: 4, day: 1}\n"
                            "    who: Einige Gemeinden\n", "")
    _, errors = load(tmp_path, TURKISH, german=german)
    assert [(e.line, e.message.split(" (")[0]) for e in errors] == [
        (5, "variants, aber die deutsche Datei hat keine")]


def test_broken_german_file_reports_only_its_own_errors(tmp_path: Path) -> None:
    holidays, errors = load(tmp_path, TURKISH, german=GERMAN.replace("duration: 3", "duration: x"))
    assert holidays == []
    assert [Path(e.path).name for e in errors] == ["eid-al-fitr.md"]
