"""The built site and translations: tag labels per language on German-key URLs (one slugify
for check and build), and the notice on a translation whose German original changed.
Built once from a copy of the content (without holidays) and a theme with a fixture glossary."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import tasks
from content_model.check import check_content
from content_model.mark_current import mark, select
from content_model.slugs import slugify
from content_model.translation_index import index_of

ROOT = Path(tasks.__file__).resolve().parent
GLOSSARY_TR = """terms: []
tags:
  Einbürgerung: "Vatandaşlığa geçiş"
  Sprachcafé: "Dil kafesi"
"""
NEWS_DE = """---
title: Neue Treffpunkte
slug: neue-treffpunkte
date: 2025-11-20
lang: de
summary: Drei neue Treffpunkte.
tags: [Sprachcafé, Çiğ köfte, Łódź, Einbürgerung]
---
Text.
"""
NEWS_TR = """---
title: Yeni buluşma yerleri
slug: neue-treffpunkte
date: 2025-11-20
lang: tr
summary: Üç yeni buluşma yeri.
tags: [Dil kafesi, Çiğ köfte, Łódź, Vatandaşlığa geçiş]
translation_reviewed: false
---
Metin.
"""
NOTICE_TR = "Bu sayfanın Almanca metni, bu çeviri yapıldıktan sonra değiştirildi."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory,
          build_site_fixed: Callable[..., bool]) -> tuple[Path, Path, Path]:
    base = tmp_path_factory.mktemp("translation-site")
    content = base / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("inka"))
    theme = base / "theme"
    shutil.copytree(ROOT / "theme", theme, ignore=shutil.ignore_patterns("*.mo"))
    (theme / "translations/tr/glossary.yaml").write_text(GLOSSARY_TR, encoding="utf-8")
    (content / "news/2025-11-20-neue-treffpunkte.md").write_text(NEWS_DE, encoding="utf-8")
    (content / "news/2025-11-20-neue-treffpunkte.tr.md").write_text(NEWS_TR, encoding="utf-8")
    mark(select(index_of(content), content, [content / "pages/kontakt.tr.md",
                                             content / "pages/kontakt.en.md"]))
    kontakt = content / "pages/kontakt.md"
    kontakt.write_text(kontakt.read_text(encoding="utf-8") + "\nEin neuer Absatz.\n",
                       encoding="utf-8")
    (content / "pages/kontakt.en.md").write_text(  # reviewed, but its original changed too
        (content / "pages/kontakt.en.md").read_text(encoding="utf-8").replace(
            "translation_reviewed: false", "translation_reviewed: true"), encoding="utf-8")
    output = base / "site"
    extra = {"MIA_THEME_PATH": str(theme),
             "MIA_LANGUAGES": "de,en,tr", "MIA_POSTERS": "0", "MIA_SEARCH": "0",
             "MIA_PRECOMPRESS": "0"}
    if not build_site_fixed(output, content, env=extra):
        pytest.fail("the translation fixture site did not build", pytrace=False)
    return content, theme, output


def _html(output: Path, path: str) -> str:
    return (output / path / "index.html").read_text(encoding="utf-8")


def _tag_links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="tag" href="([^"]+)"[^>]*>([^<]+)</a>', html)


def test_tag_urls_are_german_keys_and_labels_are_per_language(
        built: tuple[Path, Path, Path]) -> None:
    _content, _theme, output = built
    expected_slugs = ["sprachcafe", "cig-koefte", "lodz", "einbuergerung"]
    assert [slugify(t) for t in ("Sprachcafé", "Çiğ köfte", "Łódź", "Einbürgerung")] == \
        expected_slugs
    german = _tag_links(_html(output, "nachrichten/neue-treffpunkte"))
    assert german == [(f"/nachrichten/thema/{s}/", n) for s, n in zip(
        expected_slugs, ("Sprachcafé", "Çiğ köfte", "Łódź", "Einbürgerung"), strict=True)]
    turkish = _tag_links(_html(output, "tr/nachrichten/neue-treffpunkte"))
    assert turkish == [(f"/tr/nachrichten/thema/{s}/", n) for s, n in zip(
        expected_slugs, ("Dil kafesi", "Çiğ köfte", "Łódź", "Vatandaşlığa geçiş"), strict=True)]
    english = _tag_links(_html(output, "en/nachrichten/neue-treffpunkte"))  # a fallback
    assert [href for href, _ in english] == [f"/en/nachrichten/thema/{s}/"
                                             for s in expected_slugs]
    for lang_prefix in ("", "tr/", "en/"):
        for slug in expected_slugs:
            assert (output / f"{lang_prefix}nachrichten/thema/{slug}/index.html").is_file()
    page = _html(output, "tr/nachrichten/thema/sprachcafe")
    assert "<h1>Dil kafesi konulu haberler</h1>" in page
    assert "<title>Dil kafesi konulu haberler" in page
    assert "<h1>Nachrichten zum Thema Sprachcafé</h1>" in _html(output,
                                                               "nachrichten/thema/sprachcafe")


def test_check_knows_the_tag_urls_the_build_writes(built: tuple[Path, Path, Path]) -> None:
    content, theme, output = built
    problems = check_content(content, __import__("datetime").date(2026, 1, 1),
                             translations_root=theme / "translations")
    assert [str(p) for p in problems if not p.warning] == []
    # a link to every tag page from a German page passes the check's link rule
    probe = content / "pages/themen/sprachmittlung.md"
    probe.write_text(probe.read_text(encoding="utf-8") + "\n[a](/tr/nachrichten/thema/lodz/) "
                     "[b](/nachrichten/thema/cig-koefte/)\n", encoding="utf-8")
    try:
        problems = check_content(content, __import__("datetime").date(2026, 1, 1),
                                 translations_root=theme / "translations")
        assert [str(p) for p in problems if "sprachmittlung.md" in str(p)
                and "Link" in str(p)] == []
    finally:
        shutil.copy(ROOT / "content/pages/themen/sprachmittlung.md", probe)
    assert (output / "tr/nachrichten/thema/lodz/index.html").is_file()


def test_outdated_translation_says_so_in_its_language(built: tuple[Path, Path, Path]) -> None:
    _content, _theme, output = built
    turkish = _html(output, "tr/kontakt")
    assert NOTICE_TR in turkish
    assert "Bu çeviri henüz kontrol edilmedi" in turkish  # unreviewed: that notice too
    english = _html(output, "en/kontakt")
    assert ("The German version of this page has been changed since this translation was "
            "made.") in english
    notice = re.search(r'<p class="notice notice--language notice--outdated">(.*?)</p>', english,
                       re.S)
    assert notice and 'href="/kontakt/"' in notice.group(1)  # reviewed: link to the German
    # not marked (no source_hash): nothing is claimed
    assert "notice--outdated" not in _html(output, "tr/themen/sprachmittlung")
    assert "notice--outdated" not in _html(output, "kontakt")
