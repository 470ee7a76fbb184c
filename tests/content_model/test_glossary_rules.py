"""``invoke check`` on translations: the glossary's shape, its wrong terms in content, holiday
names and UI catalogues, the tags of translations, outdated and unmarked translations.
Fixture glossaries only (the real ones are the translators')."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from content_core.frontmatter import parse_front_matter
from content_model.check import check_content
from content_model.glossary import parse_glossary
from content_model.mark_current import with_source_hash
from content_model.source_hash import front_matter_hash

BUILD_DATE = dt.date(2026, 1, 1)

GLOSSARY_TR = """# Glossary tr (test fixture)
terms:
  - de: "Kommunales Integrationszentrum Dortmund (MIA-DO-KI)"
    use: "Dortmund Belediyesi Uyum Merkezi (MIA-DO-KI)"
    avoid: ["Entegrasyon Merkezi"]
    note: "test"
  - de: "Feste und Gedenktage"
    use: "inanç ve anma günleri"
    avoid: ["bayramlar"]
tags:
  Einbürgerung: "Vatandaşlığa geçiş"
  Statistik: "İstatistik"
"""
GLOSSARY_AR = """terms:
  - de: "alevitisch"
    use: "العلويون الأناضوليون"
    avoid: ["العلوية"]
tags: {}
"""

NEWS_DE = """---
title: Einbürgerungen 2025
slug: einbuergerungen-2025
date: 2025-08-12
lang: de
summary: Zahlen.
tags: [Einbürgerung, Statistik]
---
Text.
"""
NEWS_TR = """---
title: Vatandaşlık 2025
slug: einbuergerungen-2025
date: 2025-08-12
lang: tr
summary: Sayılar.
tags: [Danışmanlık, Aile]
translation_reviewed: false
---
Dortmund Belediyesi
Entegrasyon   Merkezi'nin verileri. Bayramlar listesi; bayramlarda değil.
"""
HOLIDAY_DE = """---
title: Aşure-Tag
key: asure
community: alevitisch
lang: de
names:
  de: "Aşure-Tag"
  en: "Ashura"
  tr: "Aşure (bayramlar)"
  ar: "يوم عاشوراء العلوية"
  uk: "Ашуре"
  pl: "Aşure"
summary: Ein Tag.
rule:
  kind: hijri
  month: 1
  day: 12
---
## Was der Tag bedeutet

Text.
"""
HOLIDAY_AR = """---
lang: ar
summary: >-
  يحتفل العلويون الأناضوليون بهذا اليوم.
translation_reviewed: false
---
## المعنى

هذا ليس من العلوية.
"""
PO_TR = '''msgid ""
msgstr ""
"Language: tr\\n"

#: theme/templates/base.html:3
msgid "Kommunales Integrationszentrum Dortmund"
msgstr ""
"Dortmund Belediyesi "
"Entegrasyon Merkezi"

msgid "Feste"
msgstr "Entegrasyon Merkezileri"

msgid "%(bayramlar)s und {bayramlar}"
msgstr "%(bayramlar)s ve {bayramlar}"
'''


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    content = tmp_path / "content"
    translations = tmp_path / "translations"
    files = {
        content / "news/2025-08-12-einbuergerungen-2025.md": NEWS_DE,
        content / "news/2025-08-12-einbuergerungen-2025.tr.md": NEWS_TR,
        content / "inka/alevitisch/asure.md": HOLIDAY_DE,
        content / "inka/alevitisch/asure.ar.md": HOLIDAY_AR,
        translations / "tr/glossary.yaml": GLOSSARY_TR,
        translations / "ar/glossary.yaml": GLOSSARY_AR,
        translations / "tr/LC_MESSAGES/messages.po": PO_TR,
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content, translations


def _problems(site: tuple[Path, Path]) -> list[str]:
    content, translations = site
    return [str(p) for p in check_content(content, BUILD_DATE, theme_root=None,
                                          translations_root=translations)]


def test_wrong_terms_in_content_holiday_names_and_catalogue(site: tuple[Path, Path]) -> None:
    found = [p for p in _problems(site) if "falscher Begriff" in p]
    news = "content/news/2025-08-12-einbuergerungen-2025.tr.md"
    right = "(richtig: 'Dortmund Belediyesi Uyum Merkezi (MIA-DO-KI)')"
    assert sorted(found) == sorted([
        # a term across a line break, reported at the line where it starts
        f"{news}:11: falscher Begriff 'Entegrasyon Merkezi' {right}",
        f"{news}:11: falscher Begriff 'Bayramlar' (richtig: 'inanç ve anma günleri')",
        "content/inka/alevitisch/asure.ar.md:9: falscher Begriff 'العلوية' "
        "(richtig: 'العلويون الأناضوليون')",
        "content/inka/alevitisch/asure.md:9: falscher Begriff 'bayramlar' "
        "(richtig: 'inanç ve anma günleri')",
        "content/inka/alevitisch/asure.md:10: falscher Begriff 'العلوية' "
        "(richtig: 'العلويون الأناضوليون')",
        f"theme/translations/tr/LC_MESSAGES/messages.po:9: falscher Begriff "
        f"'Entegrasyon Merkezi' {right}",
    ])
    # whole words only: "bayramlarda", "Merkezileri" and "العلويون" are not hits; nor are the
    # placeholders of a catalogue string (%(bayramlar)s, {bayramlar}), which are code


def test_tags_of_a_translation(site: tuple[Path, Path]) -> None:
    content, _translations = site
    found = [p for p in _problems(site) if "Thema" in p]
    news = "content/news/2025-08-12-einbuergerungen-2025.tr.md"
    allowed = ("(ein Thema der deutschen Nachrichten oder seine Bezeichnung (tr): "
               "Einbürgerung (Vatandaşlığa geçiş), Statistik (İstatistik))")
    assert found == [f"{news}:7: unbekanntes Thema 'Aile' in 'tags' {allowed}",
                     f"{news}:7: unbekanntes Thema 'Danışmanlık' in 'tags' {allowed}"]
    path = content / "news/2025-08-12-einbuergerungen-2025.tr.md"
    path.write_text(NEWS_TR.replace("[Danışmanlık, Aile]", "[Vatandaşlığa geçiş, Statistik]"),
                    encoding="utf-8")
    assert [p for p in _problems(site) if "Thema" in p] == []


def test_outdated_and_unmarked_translations(site: tuple[Path, Path]) -> None:
    content, _translations = site
    found = [p for p in _problems(site) if "source_hash" in p or "veraltet" in p]
    assert len(found) == 1  # one summary line for all translations without a version
    assert found[0].startswith("content/inka/alevitisch/asure.ar.md:2: 2 Übersetzung(en) ohne "
                               "'source_hash' (diese und 1 weitere)")
    assert found[0].endswith("[Warnung]")
    news_de = content / "news/2025-08-12-einbuergerungen-2025.md"
    news_tr = content / "news/2025-08-12-einbuergerungen-2025.tr.md"
    current = front_matter_hash("news", parse_front_matter(NEWS_DE, "x"))
    news_tr.write_text(with_source_hash(NEWS_TR, current), encoding="utf-8")
    assert [p for p in _problems(site) if "veraltet" in p] == []
    news_de.write_text(NEWS_DE.replace("Text.", "Neuer Text."), encoding="utf-8")
    shown = "content/news/2025-08-12-einbuergerungen-2025.tr.md"
    assert [p for p in _problems(site) if "veraltet" in p] == [
        f"{shown}:9: Übersetzung veraltet: das deutsche Original "
        "content/news/2025-08-12-einbuergerungen-2025.md wurde seitdem geändert (Übersetzung "
        f"prüfen, dann 'invoke translations --mark-current {shown}') [Warnung]"]


def test_a_broken_source_hash_is_an_error(site: tuple[Path, Path]) -> None:
    content, _translations = site
    (content / "inka/alevitisch/asure.ar.md").write_text(
        HOLIDAY_AR.replace("translation_reviewed: false", "translation_reviewed: false\n"
                           "source_hash: 123"), encoding="utf-8")
    news = content / "news/2025-08-12-einbuergerungen-2025.tr.md"
    news.write_text(NEWS_TR.replace("lang: tr", "lang: tr\nsource_hash: xyz"), encoding="utf-8")
    found = [p for p in _problems(site) if "ungültiger source_hash" in p]
    assert [p.split(": ")[0] for p in found] == [
        "content/inka/alevitisch/asure.ar.md:6",
        "content/news/2025-08-12-einbuergerungen-2025.tr.md:6"]


@pytest.mark.parametrize(("text", "expected"), [
    ("terms: {}\n", ["g.yaml:1: 'terms' fehlt oder ist keine Liste (terms: mit Einträgen "
                     "'- de: …')"]),
    ("terms:\n  - de: X\n    avoid: [Y]\n", ["g.yaml:2: Begriff ohne 'use' (eine Zeile "
                                            "'use: \"…\"')"]),
    ("terms:\n  - de: X\n    use: Z\n    avoid: Y\n    colour: red\n",
     ["g.yaml:4: 'avoid' muss eine Liste sein (avoid: [\"falsches Wort\"] oder avoid: [])",
      "g.yaml:5: unbekanntes Feld 'colour' in einem Begriff (erlaubt: avoid, de, note, use)"]),
    ("terms: []\ntags:\n  Statistik: ''\n",
     ["g.yaml:3: Bezeichnung des Themas 'Statistik' fehlt ('Statistik: \"Bezeichnung in "
      "dieser Sprache\"')"]),
    ("terms:\n  - de: X\n    use: Uyum Merkezi\n    avoid: [merkezi]\n",
     ["g.yaml:4: 'avoid' 'merkezi' trifft auch den richtigen Begriff 'Uyum Merkezi' (nur ganze "
      "falsche Wörter, die in keinem richtigen Text vorkommen)"]),
    ("terms: [\n", None),
])
def test_glossary_shape(text: str, expected: list[str] | None) -> None:
    _glossary, errors = parse_glossary(text, "g.yaml", "tr")
    if expected is None:
        assert len(errors) == 1 and str(errors[0]).startswith("g.yaml:2: YAML-Fehler")
    else:
        assert [str(e) for e in errors] == expected


def test_a_broken_glossary_is_reported_by_the_check(site: tuple[Path, Path]) -> None:
    _content, translations = site
    (translations / "tr/glossary.yaml").write_text("terms:\n  - use: X\n", encoding="utf-8")
    assert "theme/translations/tr/glossary.yaml:2: Begriff ohne 'de' (eine Zeile 'de: \"…\"')" \
        in _problems(site)
