"""UI catalogues: complete in every language, and a gap stops the build (design.md §7)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

import tasks
from mia_site import catalogs

ROOT = Path(tasks.__file__).resolve().parent
OTHERS = ("en", "tr", "ar", "uk", "pl")


def test_every_ui_string_is_translated_in_every_language() -> None:
    assert catalogs.problems(ROOT, OTHERS) == []


def test_catalogues_cover_the_strings_of_the_templates() -> None:
    wanted = {m.id for m in catalogs.extract(ROOT) if m.id}
    assert "Zum Inhalt springen" in wanted
    for lang in OTHERS:
        with catalogs.po_path(ROOT, lang).open("rb") as fh:
            have = {m.id for m in read_po(fh, locale=lang) if m.id and m.string}
        assert wanted <= have, f"{lang}: {sorted(map(str, wanted - have))[:5]}"


def test_arabic_has_all_six_plural_forms() -> None:
    with catalogs.po_path(ROOT, "ar").open("rb") as fh:
        catalog = read_po(fh, locale="ar")
    assert catalog.num_plurals == 6
    plurals = [m for m in catalog if isinstance(m.id, tuple)]
    assert plurals, "the theme has plural strings"
    for message in plurals:
        assert len(message.string) == 6 and all(message.string), message.id


def _theme_copy(tmp_path: Path) -> Path:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme, ignore=shutil.ignore_patterns("*.mo"))
    return theme


def _build(tmp_path: Path, theme: Path) -> subprocess.CompletedProcess[str]:
    code = ("import sys, pathlib, tasks; "
            "sys.exit(0 if tasks.build_site(pathlib.Path(sys.argv[1]), quiet=True) else 1)")
    env = {**os.environ, "MIA_THEME_PATH": str(theme)}
    return subprocess.run([sys.executable, "-c", code, str(tmp_path / "output")], cwd=ROOT,
                          env=env, capture_output=True, text=True, check=False)


def _edit(po: Path, lang: str, msgid: str, *, fuzzy: bool) -> None:
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    message = catalog[msgid]
    if fuzzy:
        message.flags.add("fuzzy")
    else:
        message.string = ""
    with po.open("wb") as fh:
        write_po(fh, catalog, width=100)


@pytest.mark.parametrize(("lang", "fuzzy"), [("tr", False), ("ar", True)])
def test_build_refuses_an_untranslated_or_fuzzy_ui_string(tmp_path: Path, lang: str,
                                                          fuzzy: bool) -> None:
    theme = _theme_copy(tmp_path)
    po = theme / "translations" / lang / "LC_MESSAGES" / "messages.po"
    _edit(po, lang, "Zum Inhalt springen", fuzzy=fuzzy)
    result = _build(tmp_path, theme)
    assert result.returncode != 0
    word = "unsicher (fuzzy)" if fuzzy else "nicht übersetzt"
    assert f"translations/{lang}/LC_MESSAGES/messages.po: {word}: 'Zum Inhalt springen'" \
        in result.stderr, result.stderr
    assert not (tmp_path / "output").exists()
