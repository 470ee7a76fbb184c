"""One rule set: a file passes ``invoke check`` exactly when the build accepts it.

The rules across files (content_model.site_rules) run in ``invoke check`` on the files it reads
and in the build on the pages Pelican made from our reader's output (mia_site.context). An event
naming an unknown series used to pass the check and fail the build (issue 16)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.contents import Page
from pelican.settings import read_settings

from content_model.check import check_content
from mia_site import context
from mia_site.reader import FrontMatterReader, problems_of
from tests.samples import EVENT

ROOT = Path(__file__).resolve().parents[2]
BUILD_DATE = dt.date(2025, 3, 1)

#: The sample event naming a series that does not exist, on line 13 (after organizer, 12).
CHILD = EVENT.replace("organizer: MIA-DO-KI\n", "organizer: MIA-DO-KI\nseries: gibt-es-nicht\n")
EXPECTED = ("content/events/testtermin.md:13: Veranstaltungsreihe 'gibt-es-nicht' gibt es nicht "
            "(der slug einer Veranstaltung in content/events/)")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "events").mkdir(parents=True)
    (root / "events" / "testtermin.md").write_text(CHILD, encoding="utf-8")
    return root


def _build_side(content: Path, files: list[Path]) -> list[str]:
    """What the build records for these files: our reader, Pelican's pages, the context's
    rules (no whole build)."""
    settings = read_settings(str(ROOT / "pelican.conf.py"), override={"PATH": str(content)})
    pages = []
    for path in files:
        text, metadata = FrontMatterReader(settings).read(str(path))
        pages.append(Page(text, metadata=metadata, settings=settings, source_path=str(path),
                          context={}))
    context.check_site_rules(SimpleNamespace(settings=settings, pages=pages))
    return [str(p) for p in problems_of(settings).errors]


def test_unknown_series_fails_check_and_build_with_one_message(content: Path) -> None:
    checked = [str(p) for p in check_content(content, BUILD_DATE, per_page=10)
               if not p.warning]
    assert checked == [EXPECTED]
    assert _build_side(content, [content / "events" / "testtermin.md"]) == [EXPECTED]


def test_known_series_passes_check_and_build(content: Path) -> None:
    parent = content / "events" / "gibt-es-nicht.md"
    parent.write_text(EVENT.replace("slug: testtermin", "slug: gibt-es-nicht"), encoding="utf-8")
    assert [str(p) for p in check_content(content, BUILD_DATE, per_page=10)
            if not p.warning] == []
    assert _build_side(content, [content / "events" / "testtermin.md", parent]) == []


def test_translation_without_original_fails_check_and_build_alike(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "events").mkdir(parents=True)
    orphan = content / "events" / "waise.en.md"
    orphan.write_text(EVENT.replace("slug: testtermin", "slug: waise")
                      .replace("lang: de", "lang: en"), encoding="utf-8")
    expected = ("content/events/waise.en.md:5: Übersetzung (en) ohne deutsches Original mit "
                "slug 'waise' (eine deutsche Datei derselben Art mit demselben slug)")
    checked = [str(p) for p in check_content(content, BUILD_DATE, per_page=10)
               if not p.warning]
    assert checked == [expected]
    assert _build_side(content, [orphan]) == [expected]
