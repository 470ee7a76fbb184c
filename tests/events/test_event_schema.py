"""content_model rules added for events and news images (unit tests, no build)."""

from __future__ import annotations

import pytest

from content_core import parse_front_matter
from content_model import validate

EVENT = """---
title: Testtermin
slug: testtermin
date: 2025-01-02
lang: de
summary: Ein Satz.
start: 2025-06-21
end: 2025-06-22
timezone: Europe/Berlin
location:
  name: Rathaus
  address: Friedensplatz 1, 44135 Dortmund
  map_url: https://www.dortmund.de/
organizer: MIA-DO-KI
languages: [de, ku, ru]
series: testreihe
status: cancelled
---
Text.
"""
PATH = "content/events/testtermin.md"


def errors(text: str) -> list[str]:
    return [str(e) for e in validate(parse_front_matter(text, PATH), "event")]


def test_a_full_cancelled_multi_day_event_is_fine() -> None:
    assert errors(EVENT) == []


@pytest.mark.parametrize(("old", "new", "line", "words"), [
    ("  map_url: https://www.dortmund.de/", "  map_url: http://www.dortmund.de/", 13,
     "Kartenlink"),
    ("languages: [de, ku, ru]", "languages: [de, Kurdisch]", 15, "'Kurdisch'"),
    ("series: testreihe", "series: Test Reihe", 16, "ungültige Reihe"),
    ("status: cancelled", "status: canceled", 17, "unbekannter Status 'canceled'"),
    ("end: 2025-06-22", "end: 2025-06-20", 8, "liegt vor dem Beginn"),
])
def test_mistakes_name_their_line(old: str, new: str, line: int, words: str) -> None:
    found = errors(EVENT.replace(old, new, 1))
    assert len(found) == 1, found
    assert found[0].startswith(f"{PATH}:{line}: ") and words in found[0], found


def test_news_image_must_be_a_raster_format() -> None:
    news = ("---\ntitle: T\nslug: t\ndate: 2025-01-02\nsummary: S.\n"
            "image: images/x.gif\nimage_alt: Ein Bild\n---\n")
    found = [str(e) for e in validate(parse_front_matter(news, "content/news/t.md"), "news")]
    assert found == ["content/news/t.md:6: Bildformat von 'images/x.gif' wird nicht unterstützt "
                     "(ein Foto oder eine Grafik als .jpg, .png oder .webp)"]
