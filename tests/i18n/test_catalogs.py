"""UI catalogues: complete in every language, and a gap stops the build (design.md §7)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
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
def test_build_refuses_an_untranslated_or_fuzzy_ui_string(
        tmp_path: Path, lang: str, fuzzy: bool,
        build_site_process: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    theme = _theme_copy(tmp_path)
    po = theme / "translations" / lang / "LC_MESSAGES" / "messages.po"
    _edit(po, lang, "Zum Inhalt springen", fuzzy=fuzzy)
    result = build_site_process(tmp_path / "output", env={"MIA_THEME_PATH": str(theme)})
    assert result.returncode != 0
    word = "unsicher (fuzzy)" if fuzzy else "nicht übersetzt"
    assert f"translations/{lang}/LC_MESSAGES/messages.po: {word}: 'Zum Inhalt springen'" \
        in result.stderr, result.stderr
    assert not (tmp_path / "output").exists()
