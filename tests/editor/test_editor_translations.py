"""The translators' workflow on a copy of the content: `invoke new translation`, `invoke
translations --status/--mark-current`, and what `invoke check` says about it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from editor_support import invoke

from content_core.frontmatter import parse_front_matter
from content_model.source_hash import file_hash

EID = "inka/islamisch/eid-al-fitr.md"
ASURE = "inka/alevitisch/asure.md"
KONTAKT_TR = "pages/kontakt.tr.md"


def _fm(path: Path) -> dict[str, object]:
    return parse_front_matter(path.read_text(encoding="utf-8"), str(path)).data


def _without_translation(content: Path, rel: str, lang: str) -> None:
    """The real content is translated: remove one translation to write it anew."""
    (content / rel.replace(".md", f".{lang}.md")).unlink(missing_ok=True)


def _unmarked(content: Path) -> None:
    """The state before anyone ran --mark-current: no translation records its version."""
    for path in content.rglob("*.*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^source_hash: .*\n", "", text, count=1, flags=re.MULTILINE),
                        encoding="utf-8")


def test_new_translation_of_a_holiday_has_exactly_the_spec_front_matter(
        content: Path, problems: Callable[..., list[str]]) -> None:
    for rel, lang in ((EID, "tr"), (ASURE, "ar")):
        _without_translation(content, rel, lang)
        result = invoke("new", "translation", "--of", f"content/{rel}", "--lang", lang,
                        "--content", str(content))
        assert result.returncode == 0, result.stderr
        target = content / rel.replace(".md", f".{lang}.md")
        assert f"Geschrieben: content/{rel.replace('.md', f'.{lang}.md')}" in result.stderr
        assert "Nächste Schritte:" in result.stderr
        assert f"invoke translations --mark-current content/{rel[:-3]}.{lang}.md" in result.stderr
        data = _fm(target)
        german = _fm(content / rel)
        expected = {"lang", "summary", "translation_reviewed", "source_hash"}
        if "variants" in german:
            expected.add("variants")
            assert [list(v) for v in data["variants"]] == [["who"]] * len(german["variants"])
        assert set(data) == expected
        assert data["lang"] == lang and data["translation_reviewed"] is False
        assert data["source_hash"] == file_hash(content / rel, "holiday")
        text = target.read_text(encoding="utf-8")
        assert "## " in text and "#" not in text.split("---")[1]  # no comments in the header
    assert "variants" in _fm(content / ASURE.replace(".md", ".ar.md"))
    found = problems()
    assert not [p for p in found if "[Warnung]" not in p]
    assert not [p for p in found if "eid-al-fitr.tr.md" in p or "asure.ar.md" in p]


def test_new_translation_of_an_event_and_refusals(content: Path,
                                                  problems: Callable[..., list[str]]) -> None:
    rel = "events/muensterstrassenfest-2025.md"
    _without_translation(content, rel, "uk")
    result = invoke("new", "translation", "--of", f"content/{rel}", "--lang", "uk",
                    "--content", str(content))
    assert result.returncode == 0, result.stderr
    target = content / "events/muensterstrassenfest-2025.uk.md"
    data, german = _fm(target), _fm(content / rel)
    assert data["lang"] == "uk" and data["translation_reviewed"] is False
    assert data["source_hash"] == file_hash(content / rel, "event")
    assert {k: v for k, v in data.items() if k not in ("lang", "translation_reviewed",
                                                       "source_hash")} == \
        {k: v for k, v in german.items() if k != "lang"}
    assert [p for p in problems() if "muensterstrassenfest-2025.uk.md" in p
            and "Platzhalter" not in p] == []  # the German placeholders stay, as the spec says
    before = target.read_text(encoding="utf-8")
    again = invoke("new", "translation", "--of", f"content/{rel}", "--lang", "uk",
                   "--content", str(content))
    assert again.returncode == 1
    assert "content/events/muensterstrassenfest-2025.uk.md gibt es schon" in again.stderr
    assert target.read_text(encoding="utf-8") == before
    for args, message in (
            (("--of", "content/pages/kontakt.tr.md", "--lang", "en"), "selbst eine Übersetzung"),
            (("--of", f"content/{rel}", "--lang", "fr"), "unbekannte Sprache 'fr'"),
            (("--of", "content/fehlt.md", "--lang", "tr"), "nicht gefunden"),
            (("--lang", "tr"), "--of fehlt")):
        refused = invoke("new", "translation", *args, "--content", str(content))
        assert refused.returncode == 1 and message in refused.stderr, refused.stderr


def test_mark_current_and_status(content: Path, problems: Callable[..., list[str]]) -> None:
    _unmarked(content)
    status = invoke("translations", "--status", "--json", "--content", str(content))
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    translations = list(content.rglob("*.*.md"))
    unmarked = sum(t["unmarked"] for t in data["totals"].values())
    assert unmarked == len(translations) > 100
    kontakt = next(d for d in data["documents"] if d["path"] == "content/pages/kontakt.md")
    assert kontakt["languages"]["tr"] == {"state": "unmarked", "path": "content/pages/kontakt.tr.md",
                                          "source_hash": None}
    summary = [p for p in problems() if "ohne 'source_hash'" in p]
    assert len(summary) == 1 and f"{len(translations)} Übersetzung(en)" in summary[0]

    before = (content / KONTAKT_TR).read_text(encoding="utf-8")
    marked = invoke("translations", "--mark-current", str(content / KONTAKT_TR),
                    "--content", str(content))
    assert marked.returncode == 0, marked.stderr
    after = (content / KONTAKT_TR).read_text(encoding="utf-8")
    current = file_hash(content / "pages/kontakt.md", "page")
    assert after.replace(f"source_hash: {current}\n", "") == before
    german = content / "pages/kontakt.md"
    german.write_text(german.read_text(encoding="utf-8").replace("\n## ", "\nNeu.\n\n## ", 1),
                      encoding="utf-8")
    outdated = [p for p in problems(KONTAKT_TR) if "veraltet" in p]
    assert outdated == [
        f"content/{KONTAKT_TR}:{after.splitlines().index(f'source_hash: {current}') + 1}: "
        "Übersetzung veraltet: das deutsche Original content/pages/kontakt.md wurde seitdem "
        f"geändert (Übersetzung prüfen, dann 'invoke translations --mark-current "
        f"content/{KONTAKT_TR}') [Warnung]"]
    table = invoke("translations", "--status", "--content", str(content)).stdout
    row = next(line for line in table.splitlines() if line.startswith("content/pages/kontakt.md"))
    assert row.split()[1:4] == ["ohne", "Stand", "veraltet"]

    everything = invoke("translations", "--mark-current", "--content", str(content))
    assert everything.returncode == 0, everything.stderr
    assert not [p for p in problems() if "source_hash" in p or "veraltet" in p]
    data = json.loads(invoke("translations", "--status", "--json", "--content",
                             str(content)).stdout)
    assert sum(t["unmarked"] + t["outdated"] for t in data["totals"].values()) == 0


def test_mark_current_refuses_a_german_file(content: Path) -> None:
    result = invoke("translations", "--mark-current", str(content / "pages/kontakt.md"),
                    "--content", str(content))
    assert result.returncode == 1
    assert "keine Übersetzung mit deutschem Original" in result.stderr


def test_default_translations_task_still_updates_the_catalogues(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from invoke import Context

    import tasks
    from mia_site import catalogs

    calls: list[str] = []
    monkeypatch.setattr(catalogs, "update", lambda root, langs: calls.append("update") or [])
    monkeypatch.setattr(catalogs, "compile_all",
                        lambda root, langs: calls.append("compile") or [])
    monkeypatch.setattr(catalogs, "problems", lambda root, langs: calls.append("check") or [])
    tasks.translations(Context())
    assert calls == ["update", "compile", "check"]


def test_the_slug_way_also_records_the_version(content: Path) -> None:
    _without_translation(content, "events/einbuergerungsfeier-2025-05.md", "tr")
    result = invoke("new", "event", "--lang", "tr", "--slug", "einbuergerungsfeier-2025-05",
                    "--title", "Vatandaşlık töreni", "--content", str(content))
    assert result.returncode == 0, result.stderr
    data = _fm(content / "events/einbuergerungsfeier-2025-05.tr.md")
    assert data["source_hash"] == file_hash(content / "events/einbuergerungsfeier-2025-05.md",
                                            "event")
    assert data["title"] == "Vatandaşlık töreni" and data["translation_reviewed"] is False
