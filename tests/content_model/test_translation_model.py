"""Translations stay true (Pelican-free part): the hash of a German original, writing
``source_hash`` in place, the index and its states, the one slugify."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from content_core.frontmatter import parse_front_matter
from content_model.mark_current import MarkError, mark, scalar, select, with_source_hash
from content_model.slugs import slugify
from content_model.source_hash import (
    HASH_RE,
    front_matter_hash,
    is_outdated,
    normalise,
    text_hash,
)
from content_model.translation_index import index_of
from content_model.translation_status import as_data, as_table

PAGE = """---
title: Kontakt
slug: kontakt
lang: de
summary: So erreichen Sie uns.
---
Sie erreichen uns montags bis freitags
von 9 bis 15 Uhr.

## Adresse

Königswall 8, 44137 Dortmund.
"""

HOLIDAY = """---
title: Aşure-Tag
key: asure
community: alevitisch
lang: de
names: {de: "Aşure-Tag", en: "Ashura", tr: "Aşure Günü", ar: "يوم عاشوراء", uk: "Ашуре", pl: "Aşure"}
summary: >-
  Der Tag am Ende des Fastens.
rule: {kind: hijri, month: 1, day: 12}
variants:
  - who: "Nach anderer Lesart der 12. Muharrem"
    rule: {kind: hijri, month: 1, day: 12}
---
## Was der Tag bedeutet

Man kocht Aşure.
"""


def _hash(text: str, kind: str = "page") -> str:
    return front_matter_hash(kind, parse_front_matter(text, "x.md"))


def test_hash_is_short_hex_and_stable() -> None:
    value = _hash(PAGE)
    assert HASH_RE.match(value) and len(value) == 12
    assert value == _hash(PAGE)
    # Computed from the translatable parts only: the same for the same text in another order.
    assert text_hash("page", {"summary": "S", "title": "T"}, "B") == \
        text_hash("page", {"title": "T", "summary": "S"}, "B")


def test_reflow_does_not_count_but_words_and_paragraphs_do() -> None:
    reflowed = PAGE.replace("freitags\nvon 9", "freitags von\n9").replace("Uhr.\n", "Uhr.  \n")
    assert _hash(reflowed) == _hash(PAGE)
    assert _hash(PAGE.replace("15 Uhr", "16 Uhr")) != _hash(PAGE)
    assert _hash(PAGE.replace("So erreichen", "Hier erreichen")) != _hash(PAGE)
    split = PAGE.replace("freitags\nvon", "freitags.\n\nVon")
    assert _hash(split) != _hash(PAGE)
    assert normalise("a\n b\n\n\n c ") == "a b\n\nc"


def test_facts_do_not_count() -> None:
    assert _hash(PAGE.replace("slug: kontakt", "slug: kontakt-neu")) == _hash(PAGE)
    event = PAGE.replace("lang: de\n", "lang: de\nstart: 2026-01-01 10:00\n")
    assert _hash(event.replace("10:00", "11:00"), "event") == _hash(event, "event")
    with_place = PAGE.replace("lang: de\n", "lang: de\nlocation:\n  name: Rathaus\n"
                              "  address: Friedensplatz 1\n")
    assert _hash(with_place.replace("Friedensplatz 1", "Friedensplatz 2")) == _hash(with_place)
    assert _hash(with_place.replace("name: Rathaus", "name: Stadthaus")) != _hash(with_place)


def test_holiday_hash_counts_summary_body_and_who_but_not_rules_or_names() -> None:
    base = _hash(HOLIDAY, "holiday")
    assert _hash(HOLIDAY.replace("Ende des Fastens", "Ende der Fastenzeit"), "holiday") != base
    assert _hash(HOLIDAY.replace("Man kocht", "Viele kochen"), "holiday") != base
    assert _hash(HOLIDAY.replace("anderer Lesart", "anderer Zählung"), "holiday") != base
    assert _hash(HOLIDAY.replace("day: 12}\n---", "day: 11}\n---"), "holiday") == base
    assert _hash(HOLIDAY.replace('en: "Ashura"', 'en: "Ashure"'), "holiday") == base
    # the title is not translated in a holiday file (names live in the German file)
    assert _hash(HOLIDAY.replace("title: Aşure-Tag", "title: Aşure"), "holiday") == base


def test_is_outdated_for_holiday_pages() -> None:
    german = parse_front_matter(HOLIDAY, "asure.md")
    current = front_matter_hash("holiday", german)
    assert not is_outdated("holiday", german, {"lang": "tr"})  # unknown version: no claim
    assert not is_outdated("holiday", german, {"source_hash": current})
    changed = parse_front_matter(HOLIDAY.replace("Man kocht", "Viele kochen"), "asure.md")
    assert is_outdated("holiday", changed, {"source_hash": current})


@pytest.mark.parametrize(("name", "slug"), [
    ("Sprachcafé", "sprachcafe"), ("Çiğ köfte", "cig-koefte"), ("Łódź", "lodz"),
    ("Einbürgerung", "einbuergerung"), ("Interkultureller Kalender", "interkultureller-kalender"),
    ("Gebärdensprache (DGS)", "gebaerdensprache-dgs"), ("Straße", "strasse")])
def test_one_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_pelican_tags_use_the_same_slugify_as_the_check() -> None:
    from pelican.settings import DEFAULT_CONFIG

    from content_model.site_urls import Entry, site_urls
    from mia_site.reader import tag

    settings = {**DEFAULT_CONFIG, "TAG_URL": "nachrichten/thema/{slug}/"}
    names = ("Sprachcafé", "Çiğ köfte", "Łódź")
    urls = site_urls([Entry("news", "n", tags=names)], [], __import__("datetime").date(2026, 1, 1),
                     Path("/nonexistent"), theme_root=None)
    for name in names:
        made = tag(name, settings)
        assert made.slug == slugify(name)
        assert f"/{made.url}" in urls and f"/tr/{made.url}" in urls


# --- source_hash written in place --------------------------------------------------------

TRANSLATION = """---
# a comment the editor wrote
title: "İletişim"
slug: kontakt
lang: tr
summary: Bize böyle ulaşabilirsiniz.
translation_reviewed: false
---
Metin.
"""


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines())
            if line[:2] in ("+ ", "- ")]


def test_mark_adds_one_line_after_translation_reviewed() -> None:
    after = with_source_hash(TRANSLATION, "0a1b2c3d4e5f")
    assert _changed_lines(TRANSLATION, after) == ["+ source_hash: 0a1b2c3d4e5f"]
    lines = after.splitlines()
    assert lines[lines.index("translation_reviewed: false") + 1] == "source_hash: 0a1b2c3d4e5f"
    assert parse_front_matter(after, "x").data["source_hash"] == "0a1b2c3d4e5f"


def test_mark_replaces_the_line_and_keeps_crlf_and_bom() -> None:
    text = "\ufeff" + with_source_hash(TRANSLATION, "aaaaaaaaaaaa").replace("\n", "\r\n")
    after = with_source_hash(text, "bbbbbbbbbbbb")
    assert after == text.replace("aaaaaaaaaaaa", "bbbbbbbbbbbb")
    assert with_source_hash(after, "bbbbbbbbbbbb") == after


def test_mark_without_translation_reviewed_goes_after_lang() -> None:
    text = TRANSLATION.replace("translation_reviewed: false\n", "")
    after = with_source_hash(text, "0a1b2c3d4e5f")
    assert after.splitlines()[5] == "source_hash: 0a1b2c3d4e5f"
    assert _changed_lines(text, after) == ["+ source_hash: 0a1b2c3d4e5f"]


def test_a_hash_of_digits_is_quoted_so_it_stays_text() -> None:
    for value in ("012345678901", "123456789012", "1e1234567890"):
        written = with_source_hash(TRANSLATION, value)
        assert parse_front_matter(written, "x").data["source_hash"] == value
    assert scalar("0a1b2c3d4e5f") == "0a1b2c3d4e5f"
    assert yaml.safe_load(f"k: {scalar('000000000000')}") == {"k": "000000000000"}


def test_mark_refuses_a_file_without_front_matter() -> None:
    with pytest.raises(MarkError, match="Kopfbereich fehlt"):
        with_source_hash("Text\n", "0a1b2c3d4e5f")


# --- index and status -----------------------------------------------------------------------

def _site(root: Path) -> Path:
    content = root / "content"
    files = {
        "pages/kontakt.md": PAGE,
        "pages/kontakt.tr.md": TRANSLATION,
        "pages/kontakt.en.md": TRANSLATION.replace("lang: tr", "lang: en").replace(
            "translation_reviewed: false", "translation_reviewed: true"),
        "pages/kontakt.pl.md": TRANSLATION.replace("lang: tr", "lang: pl"),
        "pages/impressum.md": PAGE.replace("slug: kontakt", "slug: impressum"),
        "inka/alevitisch/asure.md": HOLIDAY,
        "inka/alevitisch/asure.ar.md": "---\nlang: ar\nsummary: نص\nvariants:\n  - who: نص\n"
                                       "translation_reviewed: false\n---\n## عنوان\n\nنص.\n",
    }
    for rel, text in files.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    return content


def test_index_states_and_mark(tmp_path: Path) -> None:
    content = _site(tmp_path)
    index = index_of(content)
    kontakt = next(o for o in index.originals if o.source.rel == "pages/kontakt.md")
    assert {lang: kontakt.state(lang) for lang in ("en", "tr", "ar", "uk", "pl")} == {
        "en": "unmarked", "tr": "unmarked", "ar": "missing", "uk": "missing", "pl": "unmarked"}
    chosen = select(index, content, [content / "pages/kontakt.en.md", content / "inka"])
    assert [t.source.rel for t in chosen] == ["inka/alevitisch/asure.ar.md", "pages/kontakt.en.md"]
    assert all(m.changed for m in mark(chosen))
    tr_before = (content / "pages/kontakt.tr.md").read_text(encoding="utf-8")
    assert tr_before == TRANSLATION  # not named: untouched
    (content / "pages/kontakt.md").write_text(PAGE.replace("15 Uhr", "16 Uhr"), encoding="utf-8")
    mark(select(index_of(content), content, [content / "pages/kontakt.tr.md"]))
    index = index_of(content)
    states = {t.source.rel: t.state for t in index.translations}
    assert states == {"pages/kontakt.en.md": "outdated", "pages/kontakt.tr.md": "unreviewed",
                      "pages/kontakt.pl.md": "unmarked", "inka/alevitisch/asure.ar.md":
                      "unreviewed"}
    totals = index.totals()
    assert totals["en"] == {"missing": 2, "outdated": 1, "unmarked": 0, "unreviewed": 0,
                            "reviewed": 0}
    assert totals["ar"]["missing"] == 2 and totals["ar"]["unreviewed"] == 1
    data = as_data(index)
    assert [d["path"] for d in data["documents"]] == [
        "content/pages/impressum.md", "content/pages/kontakt.md",
        "content/inka/alevitisch/asure.md"]
    assert data["documents"][1]["languages"]["en"] == {
        "state": "outdated", "path": "content/pages/kontakt.en.md",
        "source_hash": _hash(PAGE)}
    table = as_table(index)
    row = next(line for line in table.splitlines() if line.startswith("content/pages/kontakt.md"))
    assert row.split()[1:] == ["veraltet", "ungeprüft", "fehlt", "fehlt", "ohne", "Stand"]


def test_select_refuses_what_is_not_a_translation(tmp_path: Path) -> None:
    content = _site(tmp_path)
    with pytest.raises(MarkError, match="keine Übersetzung"):
        select(index_of(content), content, [content / "pages/kontakt.md"])
