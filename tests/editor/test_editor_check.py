"""`invoke check`: one broken file per rule, the exact message and line; warnings; exit codes.

Expected lines are counted by hand in the texts below; messages are the documented ones
(docs/redaktion.md). The check runs on a private copy of content/ (fixture `content`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from editor_support import BUILD_DATE, ROOT, invoke

from content_model.check import check_content
from tests.samples import NEWS_HEAD  # the body starts at line 8

Problems = Callable[..., list[str]]
Write = Callable[[str, str], Path]

NEWS_FILE = "news/2025-01-02-testmeldung.md"


def news(body: str, head: str = NEWS_HEAD) -> str:
    return head + body


@pytest.mark.slow  # the whole real content (~700 files); `make build` checks it too
def test_real_content_has_no_errors() -> None:
    """The content as committed passes (warnings such as placeholders are allowed)."""
    errors = [str(p) for p in check_content(ROOT / "content", BUILD_DATE) if not p.warning]
    assert errors == []


def test_a_good_file_has_no_problems(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("Erster Absatz mit [Kontakt](/kontakt/).\n\n## Abschnitt\n\n"
                          "Mehr unter [Sprachmittlung](/en/themen/sprachmittlung/#kontakt), "
                          "im [Kalender](/kalender/islamisch/eid-al-fitr/) und "
                          "[extern](https://www.dortmund.de/).\n"))
    assert problems(NEWS_FILE) == []


# --- 1. front matter and fields ---------------------------------------------------------------

def test_missing_front_matter(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, "title: Testmeldung\n\nText.\n")
    assert problems(NEWS_FILE) == [
        f"content/{NEWS_FILE}:1: Kopfbereich fehlt (die Datei muss mit einer Zeile '---' "
        "beginnen, dann YAML, dann '---')"]


def test_yaml_error_names_its_line(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("Text.\n", NEWS_HEAD.replace("title: Testmeldung",
                                                       "title: Termin: Fest")))
    assert problems(NEWS_FILE) == [
        f"content/{NEWS_FILE}:2: YAML-Fehler: Doppelpunkt an einer Stelle, an der YAML keinen "
        "erwartet (eine Zeile pro Feld wie 'title: Neue Sprechstunde'; einen Text mit Doppelpunkt "
        "in Anführungszeichen setzen: title: \"Beispiel: Sprechstunde\")"]


def test_yaml_tab_is_explained_in_german(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("Text.\n", NEWS_HEAD.replace("lang: de", "\tlang: de")))
    found = problems(NEWS_FILE)
    assert len(found) == 1 and "Tabulator durch Leerzeichen ersetzen" in found[0], found
    assert "found character" not in found[0]


def test_unknown_field_names_its_line(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("Text.\n", NEWS_HEAD.replace("lang: de\n", "lang: de\nautor: X\n")))
    assert problems(NEWS_FILE) == [
        f"content/{NEWS_FILE}:6: unbekanntes Feld 'autor' (erlaubt: date, image, image_alt, "
        "lang, slug, source_hash, summary, tags, template, title, translation_reviewed)"]


def test_missing_required_field(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("Text.\n", NEWS_HEAD.replace("summary: Eine Meldung für den Test.\n",
                                                      "")))
    assert problems(NEWS_FILE) == [
        f"content/{NEWS_FILE}:1: Pflichtfeld 'summary' fehlt (eine Zeile 'summary: …' im "
        "Kopfbereich)"]


def test_file_not_in_utf8(content: Path, problems: Problems) -> None:
    (content / NEWS_FILE).write_bytes(news("Größe.\n").encode("latin-1"))
    assert problems(NEWS_FILE) == [
        f"content/{NEWS_FILE}:1: Datei ist nicht in UTF-8 gespeichert (im Editor als UTF-8 "
        "speichern)"]


def test_file_outside_the_content_folders(write: Write, problems: Problems) -> None:
    write("sonstiges/notiz.md", NEWS_HEAD + "Text.\n")
    assert problems("sonstiges/notiz.md") == [
        "content/sonstiges/notiz.md:1: Datei liegt in keinem bekannten Inhaltsordner "
        "(content/pages, content/pages/themen, content/news, content/events oder "
        "content/inka/<gemeinschaft>)"]


def test_topic_with_unknown_parent(write: Write, problems: Problems) -> None:
    write("pages/themen/neu.md", "---\ntitle: Neu\nslug: neu\nlang: de\nsummary: Kurz.\n"
          "order: 5\nparent: gibtsnicht\n---\n## Abschnitt\n")
    assert problems("pages/themen/neu.md") == [
        "content/pages/themen/neu.md:7: Oberthema 'gibtsnicht' gibt es nicht (der slug eines "
        "Themas in content/pages/themen/)"]


# --- 2. holiday files (inka_engine loader) ------------------------------------------------------

MOTHER_LANGUAGE = "inka/gesellschaftlich/tag-der-muttersprache.md"


def test_holiday_with_unknown_rule_kind(content: Path, problems: Problems) -> None:
    path = content / MOTHER_LANGUAGE
    text = path.read_text(encoding="utf-8")
    line = text.splitlines().index("  kind: fixed") + 1
    path.write_text(text.replace("  kind: fixed", "  kind: gregorian"), encoding="utf-8")
    found = problems(MOTHER_LANGUAGE)
    assert len(found) == 1
    assert found[0].startswith(f"content/{MOTHER_LANGUAGE}:{line}: unbekannte Regelart "
                               "'gregorian' (eine von fixed, ")


def test_holiday_confirmed_date_far_from_the_rule(content: Path, problems: Problems) -> None:
    """International Mother Language Day is 21 February (UNESCO, General Conference 1999)."""
    path = content / MOTHER_LANGUAGE
    text = path.read_text(encoding="utf-8")
    text = text.replace("variance_days: 0\n", "variance_days: 0\nconfirmed:\n"
                        "  - start: 2026-03-21\n    source: Test\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - start: 2026-03-21") + 1
    assert problems(MOTHER_LANGUAGE) == [
        f"content/{MOTHER_LANGUAGE}:{line}: bestätigtes Datum 2026-03-21 liegt 28 Tage vom "
        "Datum der Regel 2026-02-21 entfernt (höchstens variance_days + 3 = 3 Tage)"]


def test_holiday_translation_without_original(write: Write, problems: Problems) -> None:
    write("inka/islamisch/gibtsnicht.en.md", "---\ntitle: X\n---\nText.\n")
    assert problems("inka/islamisch/gibtsnicht.en.md") == [
        "content/inka/islamisch/gibtsnicht.en.md:1: Übersetzung ohne deutsches Original "
        "islamisch/gibtsnicht.md (eine Datei content/inka/islamisch/gibtsnicht.md)"]


# --- 3. slugs, translations, file names ---------------------------------------------------------

def test_slug_twice_in_one_language_and_kind(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("Text.\n"))
    write("news/2025-01-03-testmeldung-zwei.md", news("Text.\n").replace("2025-01-02",
                                                                         "2025-01-03"))
    write("events/testmeldung.md", "---\ntitle: T\nslug: testmeldung\ndate: 2025-01-02\n"
          "lang: de\nsummary: S.\nstart: 2025-06-21\ntimezone: Europe/Berlin\nlocation:\n"
          "  name: Rathaus\norganizer: MIA-DO-KI\n---\nText.\n")
    assert problems("news/2025-01-03-testmeldung-zwei.md") == [
        "content/news/2025-01-03-testmeldung-zwei.md:3: slug 'testmeldung' (de) gibt es schon "
        f"in content/{NEWS_FILE}; diese Datei ist die neue (einen eigenen slug für diese Datei: "
        "jede Seite braucht ihre eigene Adresse)"]
    assert problems(NEWS_FILE) == []  # the older file keeps its address
    assert problems("events/testmeldung.md") == []  # another kind: another address


def test_translation_without_original(write: Write, problems: Problems) -> None:
    write("news/2025-01-02-waise.en.md", news("Text.\n", NEWS_HEAD.replace(
        "slug: testmeldung", "slug: waise").replace("lang: de", "lang: en")))
    assert problems("news/2025-01-02-waise.en.md") == [
        "content/news/2025-01-02-waise.en.md:5: Übersetzung (en) ohne deutsches Original mit "
        "slug 'waise' (eine deutsche Datei derselben Art mit demselben slug)"]


def test_file_name_does_not_match_the_language(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("Text.\n"))
    write("news/2025-01-02-testmeldung.tr.md", news("Text.\n", NEWS_HEAD.replace(
        "lang: de", "lang: en")))
    found = [p for p in problems("news/2025-01-02-testmeldung.tr.md")
             if "ohne 'source_hash'" not in p]  # the summary warning names the first such file
    assert found == [
        "content/news/2025-01-02-testmeldung.tr.md:5: Dateiname passt nicht zur Sprache "
        "'lang: en' (Dateiname 2025-01-02-testmeldung.en.md)"]


# --- 4. links -----------------------------------------------------------------------------------

LINKS = {
    "unknown page": ("Siehe [Kontakt](/kontaktt/).",
                     "Link auf '/kontaktt/' führt ins Leere (meinten Sie /kontakt/?)"),
    "unknown page, other language": (
        "See [interpreting](/en/themen/sprachmittlungen/).",
        "Link auf '/en/themen/sprachmittlungen/' führt ins Leere "
        "(meinten Sie /en/themen/sprachmittlung/?)"),
    "unknown holiday": ("[Fest](/kalender/islamisch/eid-al-fiter/)",
                        "Link auf '/kalender/islamisch/eid-al-fiter/' führt ins Leere "
                        "(meinten Sie /kalender/islamisch/eid-al-fitr/?)"),
    "no trailing slash": ("[Kontakt](/kontakt)",
                          "Link auf '/kontakt': Schrägstrich am Ende fehlt (/kontakt/)"),
    "scheduled news is not yet a page": (
        "[Bald](/nachrichten/zukunft/)",
        "Link auf '/nachrichten/zukunft/' führt ins Leere (meinten Sie /nachrichten/thema/"
        "zukunft/?)"),
    "filename link to a missing file": (
        "[Kontakt]({filename}/pages/kontaktt.md)",
        "Link auf '{filename}/pages/kontaktt.md': Datei nicht gefunden (ein Pfad unterhalb von "
        "content/, z. B. {filename}/pages/kontakt.md oder {static}/images/foto.jpg)"),
    "relative link to an existing file": (
        "[Kontakt](../pages/kontakt.md)",
        "relativer Link '../pages/kontakt.md' funktioniert auf der Website nicht "
        "({filename}/pages/kontakt.md)"),
    "relative link to a missing file": (
        "[Flyer](flyer.pdf)",
        "Link auf 'flyer.pdf': Datei nicht gefunden (eine Adresse ab der Wurzel wie /kontakt/ "
        "oder eine Datei unterhalb von content/)"),
}


@pytest.mark.parametrize("case", sorted(LINKS))
def test_broken_link(case: str, write: Write, problems: Problems) -> None:
    markdown, message = LINKS[case]
    # a scheduled news item (after the build date) and a tag that makes the suggestion stable
    write("news/2026-03-01-zukunft.md", news("Text.\n", NEWS_HEAD.replace(
        "testmeldung", "zukunft").replace("2025-01-02", "2026-03-01")))
    write(NEWS_FILE, news(f"Erster Absatz.\n\n## Abschnitt\n\n{markdown}\n",
                          NEWS_HEAD.replace("lang: de", "lang: de\ntags: [Zukunft]")))
    assert problems(NEWS_FILE) == [f"content/{NEWS_FILE}:13: {message}"]


def test_links_in_code_are_not_checked(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("`[x](/gibtsnicht/)`\n\n```\n# kein Titel\n[y](/auch-nicht/)\n```\n"))
    assert problems(NEWS_FILE) == []


def png(content: Path, rel: str) -> Path:
    """A real (tiny) PNG below content/."""
    from PIL import Image

    path = content / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 6), (40, 90, 160)).save(path, "PNG")
    return path


def test_file_links_that_exist_are_fine(content: Path, write: Write,
                                        problems: Problems) -> None:
    png(content, "images/plakat.png")
    write(NEWS_FILE, news("[Kontakt]({filename}/pages/kontakt.md), "
                          "[Plakat]({static}/images/plakat.png), ![Plakat](/images/plakat.png)\n"))
    assert problems(NEWS_FILE) == []


# --- 5. images ----------------------------------------------------------------------------------

IMAGES = {
    "no alt text": ("![](/images/foto.png)",
                    ["Bild '/images/foto.png' ohne Alternativtext (beschreiben, was das Bild "
                     "zeigt: ![Kurze Beschreibung](/images/…))"]),
    "html image without alt": ('<img src="/images/foto.png">',
                               ["Bild '/images/foto.png' ohne Alternativtext (beschreiben, was "
                                "das Bild zeigt: ![Kurze Beschreibung](/images/…))"]),
    "missing file": ("![Team beim Fest](/images/team.png)",
                     ["Bild '/images/team.png' nicht gefunden (eine Datei in content/images/, "
                      "eingebunden als /images/datei.jpg)"]),
    "from another server": ("![Logo](https://example.org/logo.png)",
                            ["Bild 'https://example.org/logo.png' wird von einem fremden Server "
                             "geladen (das Bild in content/images/ ablegen und /images/… "
                             "verlinken)"]),
}


@pytest.mark.parametrize("case", sorted(IMAGES))
def test_image_rules(case: str, content: Path, write: Write, problems: Problems) -> None:
    markdown, messages = IMAGES[case]
    png(content, "images/foto.png")
    write(NEWS_FILE, news(f"Erster Absatz.\n\n{markdown}\n"))
    assert problems(NEWS_FILE) == [f"content/{NEWS_FILE}:10: {m}" for m in messages]


# --- 6. headings --------------------------------------------------------------------------------

HEADINGS = {
    "level 1 in the body": ("# Titel\n\nText.\n", 8,
                            "Überschrift '# Titel' der Ebene 1 im Text ('## …': die "
                            "Hauptüberschrift ist der title der Seite)"),
    "body starts below ##": ("Text.\n\n### Zu tief\n", 10,
                             "Text beginnt mit der Überschrift '### Zu tief' (Ebene 3) "
                             "('## Zu tief': die erste Überschrift hat '##')"),
    "skipped level": ("## Eins\n\nText.\n\n#### Vier\n", 12,
                      "Überschrift '#### Vier' springt von Ebene 2 auf Ebene 4 ('### Vier')"),
    "setext heading of level 1": ("Titel\n=====\n\nText.\n", 8,
                                  "Überschrift '# Titel' der Ebene 1 im Text ('## …': die "
                                  "Hauptüberschrift ist der title der Seite)"),
}


@pytest.mark.parametrize("case", sorted(HEADINGS))
def test_heading_rules(case: str, write: Write, problems: Problems) -> None:
    body, line, message = HEADINGS[case]
    write(NEWS_FILE, news(body))
    assert problems(NEWS_FILE) == [f"content/{NEWS_FILE}:{line}: {message}"]


def test_level_1_then_a_skip(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("# Eins\n\n#### Vier\n"))
    assert problems(NEWS_FILE) == [
        f"content/{NEWS_FILE}:8: Überschrift '# Eins' der Ebene 1 im Text ('## …': die "
        "Hauptüberschrift ist der title der Seite)",
        f"content/{NEWS_FILE}:10: Überschrift '#### Vier' springt von Ebene 1 auf Ebene 4 "
        "('## Vier')"]


def test_headings_in_order_are_fine(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("## A\n\n### B\n\n#### C\n\n## D\n\n### E\n"))
    assert problems(NEWS_FILE) == []


def test_blank_lines_after_the_header_count(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("\n\n# Titel\n"))
    assert problems(NEWS_FILE)[0].startswith(f"content/{NEWS_FILE}:10: ")


def test_holiday_bodies_are_checked_too(content: Path, problems: Problems) -> None:
    path = content / MOTHER_LANGUAGE
    text = path.read_text(encoding="utf-8") + "\nMehr: [Sprachen](/themen/sprachen/)\n"
    path.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    assert problems(MOTHER_LANGUAGE) == [
        f"content/{MOTHER_LANGUAGE}:{line}: Link auf '/themen/sprachen/' führt ins Leere "
        "(meinten Sie /themen/sprachmittlung/?)"]


# --- 7. warnings --------------------------------------------------------------------------------

def test_long_sentence_in_leichte_sprache(content: Path, problems: Problems) -> None:
    path = content / "pages/leichte-sprache.md"
    sentence = ("Das Kommunale Integrationszentrum berät Menschen aus vielen Ländern, die neu "
                "in Dortmund sind, bei allen Fragen.")  # 16 words
    text = path.read_text(encoding="utf-8").replace("## Willkommen\n",
                                                    f"## Willkommen\n\n{sentence}\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(sentence) + 1
    found = [p for p in problems("pages/leichte-sprache.md") if "Satz mit" in p]
    assert found == [
        f"content/pages/leichte-sprache.md:{line}: Satz mit 16 Wörtern in Leichter Sprache: "
        "'Das Kommunale Integrationszentrum berät Menschen …' (höchstens 15 Wörter pro Satz; "
        "teilen Sie den Satz) [Warnung]"]


def test_placeholders_one_line_per_file(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("Text.\n\n[Bitte ergänzen: Ort]\n\n[Bitte ergänzen: Uhrzeit]\n"))
    assert problems(NEWS_FILE) == [
        f"content/{NEWS_FILE}:10: 2 Platzhalter '[Bitte ergänzen: …]' noch offen (die "
        "fehlenden Angaben eintragen, sobald sie bekannt sind) [Warnung]"]


def test_unconfirmed_holiday_date_close_ahead(content: Path, problems: Problems) -> None:
    """A day that may move (variance_days > 0), 20 days ahead: warned until it is confirmed.
    International Mother Language Day: 21 February (UNESCO)."""
    path = content / MOTHER_LANGUAGE
    text = path.read_text(encoding="utf-8").replace("variance_days: 0", "variance_days: 2")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("variance_days: 2") + 1
    expected = [
        f"content/{MOTHER_LANGUAGE}:{line}: Internationaler Tag der Muttersprache beginnt voraussichtlich am "
        "2026-02-21 (in 20 Tagen); das Datum kann um 2 Tag(e) abweichen und ist nicht bestätigt "
        "(das angekündigte Datum eintragen: invoke new holiday-date --community gesellschaftlich "
        "--key tag-der-muttersprache --start JJJJ-MM-TT --source \"…\") [Warnung]"]
    assert problems(MOTHER_LANGUAGE, dt.date(2026, 2, 1)) == expected
    assert problems(MOTHER_LANGUAGE, dt.date(2026, 1, 22)) == []  # 30 days ahead: not yet
    assert problems(MOTHER_LANGUAGE, dt.date(2026, 1, 23)) != []  # 29 days ahead
    path.write_text(text.replace("variance_days: 2\n", "variance_days: 2\nconfirmed:\n"
                                 "  - start: 2026-02-21\n    source: UNESCO\n"), encoding="utf-8")
    assert problems(MOTHER_LANGUAGE, dt.date(2026, 2, 1)) == []


def test_exact_dates_are_not_warned(problems: Problems) -> None:
    """variance_days 0 (e.g. Tag der Muttersprache as committed) needs no confirmation."""
    assert problems(MOTHER_LANGUAGE, dt.date(2026, 2, 1)) == []


# --- the command ------------------------------------------------------------------------------

def _lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"^content/.+:\d+: ", line)]


def test_warnings_do_not_fail_the_check(content: Path, write: Write) -> None:
    write(NEWS_FILE, news("[Bitte ergänzen: Text]\n"))
    result = invoke("check", "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 Fehler" in result.stderr
    listed = invoke("check", "--content", str(content), "--placeholders")
    assert f"content/{NEWS_FILE}:8: 1 Platzhalter" in listed.stdout


def test_placeholders_are_one_summary_line(content: Path, write: Write) -> None:
    """135 placeholder lines buried the real warnings: by default they are one line, and a real
    warning stays visible next to it."""
    write(NEWS_FILE, news("[Bitte ergänzen: Text]\n", NEWS_HEAD.replace("2025-01-02",
                                                                        "2027-06-01")))
    result = invoke("check", "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    summary = [line for line in lines if "Platzhalter" in line]
    files = sum("[Bitte ergänzen" in p.read_text(encoding="utf-8")
                for p in content.rglob("*.md"))
    assert len(summary) == 1 and summary[0].endswith(
        f"in {files} Dateien noch offen (auflisten mit: invoke check --placeholders) [Warnung]")
    assert any(line.startswith(f"content/{NEWS_FILE}:4: 'date: 2027-06-01' liegt mehr als ein "
                               "Jahr in der Zukunft") for line in lines), lines
    listed = invoke("check", "--content", str(content), "--placeholders").stdout.splitlines()
    assert len([line for line in listed if "Platzhalter" in line]) == files


def test_all_errors_in_one_run_sorted(content: Path, write: Write) -> None:
    write(NEWS_FILE, news("# Titel\n\n[x](/gibtsnicht/)\n"))
    write("events/testtermin.md", "---\ntitle: T\nslug: t\nlang: de\n---\n")
    result = invoke("check", "--content", str(content))
    assert result.returncode == 1
    lines = _lines(result.stdout)
    errors = [line for line in lines if not line.endswith("[Warnung]")]
    assert [e.split(":")[0:2] for e in errors] == [
        ["content/events/testtermin.md", "1"]] * 6 + [
        [f"content/{NEWS_FILE}", "8"], [f"content/{NEWS_FILE}", "10"]]
    assert lines == sorted(lines, key=lambda s: (s.split(":")[0], int(s.split(":")[1]),
                                                 s.split(":", 2)[2]))
    assert "8 Fehler" in result.stderr


# --- traps of an editor's day (issue 14) ------------------------------------------------------

EVENT_HEAD = """---
title: Testtermin
slug: testtermin
date: 2026-01-01
lang: de
summary: Ein Termin für den Test.
start: 2026-06-21 12:00
end: 2026-06-21 14:00
timezone: Europe/Berlin
location:
  name: Rathaus
organizer: MIA-DO-KI
---
Text.
"""
EVENT_FILE = "events/testtermin.md"


def test_text_file_renamed_to_jpg(content: Path, write: Write, problems: Problems) -> None:
    """A text file renamed to .jpg passed the check and then stopped the build with a
    57-line PIL traceback; now the check names the file and every line that uses it."""
    write("images/foto.jpg", "Das ist kein Bild.\n")
    write(NEWS_FILE, news("Text.\n\n![Team beim Fest](/images/foto.jpg)\n",
                          NEWS_HEAD.replace("lang: de\n", "lang: de\nimage: images/foto.jpg\n"
                                            "image_alt: Das Team.\n")))
    assert problems(NEWS_FILE) == [
        f"content/{NEWS_FILE}:6: Bild 'images/foto.jpg': keine lesbare Bilddatei (ein Foto oder "
        "eine Grafik als .jpg, .png oder .webp; eine umbenannte Datei im Bildprogramm neu "
        "speichern)",
        f"content/{NEWS_FILE}:12: Bild '/images/foto.jpg': keine lesbare Bilddatei (ein Foto "
        "oder eine Grafik als .jpg, .png oder .webp; eine umbenannte Datei im Bildprogramm neu "
        "speichern)"]
    assert problems("images/foto.jpg") == [
        "content/images/foto.jpg:1: Datei ist keine lesbare Bilddatei (ein Foto oder eine Grafik "
        "als .jpg, .png oder .webp; eine umbenannte Datei im Bildprogramm neu speichern)"]


@pytest.mark.parametrize("header", ["images/foto.png", "/images/foto.png"])
@pytest.mark.parametrize("body", ["images/foto.png", "/images/foto.png"])
def test_both_image_spellings_work(header: str, body: str, content: Path, write: Write,
                                   problems: Problems) -> None:
    png(content, "images/foto.png")
    write(NEWS_FILE, news(f"Text.\n\n![Team beim Fest]({body})\n",
                          NEWS_HEAD.replace("lang: de\n", f"lang: de\nimage: {header}\n"
                                            "image_alt: Das Team.\n")))
    assert problems(NEWS_FILE) == []


def test_date_more_than_a_year_ahead(write: Write, problems: Problems) -> None:
    """2027-12-04 instead of 2026-12-04: the news was silently never published."""
    write(NEWS_FILE, news("Text.\n", NEWS_HEAD.replace("2025-01-02", "2027-12-04")))
    assert problems(NEWS_FILE) == [
        f"content/{NEWS_FILE}:4: 'date: 2027-12-04' liegt mehr als ein Jahr in der Zukunft "
        "(erscheint erst dann) (Jahr prüfen) [Warnung]"]
    write(NEWS_FILE, news("Text.\n", NEWS_HEAD.replace("2025-01-02", "2026-12-04")))
    assert problems(NEWS_FILE) == []  # within a year: a planned news item


def test_event_that_begins_before_it_was_written(write: Write, problems: Problems) -> None:
    write(EVENT_FILE, EVENT_HEAD.replace("2026-06-21", "2025-06-21"))
    assert problems(EVENT_FILE) == [
        f"content/{EVENT_FILE}:7: Veranstaltung beginnt am 2025-06-21, vor ihrem Datum "
        "'date: 2026-01-01' (sie steht sofort unter 'Vergangene Veranstaltungen') (Jahr von "
        "'start' prüfen) [Warnung]"]
    write(EVENT_FILE, EVENT_HEAD.replace("2026-06-21", "2028-06-21"))
    assert problems(EVENT_FILE) == [
        f"content/{EVENT_FILE}:7: 'start: 2028-06-21' liegt mehr als ein Jahr in der Zukunft "
        "(steht so lange unter 'Demnächst') (Jahr prüfen) [Warnung]"]


def test_time_in_the_spring_forward_gap_is_an_error(write: Write, problems: Problems) -> None:
    write(EVENT_FILE, EVENT_HEAD.replace("2026-06-21 12:00", "2026-03-29 02:30")
          .replace("2026-06-21 14:00", "2026-03-29 05:00"))
    assert problems(EVENT_FILE) == [
        f"content/{EVENT_FILE}:7: 'start': 02:30 Uhr am 2026-03-29 gibt es in Europe/Berlin "
        "nicht (Umstellung auf die Sommerzeit: die Uhr springt über diese Stunde) (eine Uhrzeit "
        "davor oder danach, z. B. 03:30)"]


def test_time_in_the_autumn_hour_asks_which_one(write: Write, problems: Problems) -> None:
    write(EVENT_FILE, EVENT_HEAD.replace("2026-06-21 12:00", "2026-10-25 01:00")
          .replace("2026-06-21 14:00", "2026-10-25 02:30"))
    assert problems(EVENT_FILE) == [
        f"content/{EVENT_FILE}:8: 'end': 02:30 Uhr am 2026-10-25 gibt es in Europe/Berlin "
        "zweimal (Umstellung auf die Winterzeit: die Uhr wird eine Stunde zurückgestellt) "
        "(welche ist gemeint? Der Kalender nimmt die erste (Sommerzeit); sonst eine andere "
        "Uhrzeit wählen oder es in 'time_note' sagen) [Warnung]"]


def test_umlaut_slug_gets_an_ascii_suggestion(write: Write, problems: Problems) -> None:
    write(NEWS_FILE, news("Text.\n", NEWS_HEAD.replace("slug: testmeldung",
                                                       "slug: gebärden-café")))
    assert problems(NEWS_FILE) == [
        f"content/{NEWS_FILE}:3: ungültiger slug 'gebärden-café' (nur a-z, 0-9 und "
        "Bindestriche: slug: gebaerden-cafe)"]


def test_duplicate_slug_names_the_uncommitted_file(real_content_copy: Path) -> None:
    """Where git knows one of the files, the one it does not know yet is the new one, whatever
    its date says."""
    import subprocess

    repo = real_content_copy.parent
    newer = repo / "content" / "news" / "2025-06-01-alt.md"
    newer.write_text(news("Text.\n", NEWS_HEAD.replace("2025-01-02", "2025-06-01")),
                     encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "content"], check=True)
    (repo / "content" / NEWS_FILE).write_text(news("Text.\n"), encoding="utf-8")
    found = [str(p) for p in check_content(repo / "content", BUILD_DATE)
             if "gibt es schon" in p.message]
    assert found == [
        f"content/{NEWS_FILE}:3: slug 'testmeldung' (de) gibt es schon in "
        "content/news/2025-06-01-alt.md; diese Datei ist die neue (einen eigenen slug für diese "
        "Datei: jede Seite braucht ihre eigene Adresse)"]
