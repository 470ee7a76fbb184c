"""validate(): one broken file per rule, each asserting the exact ``path:line`` an editor sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from content_core import parse_front_matter
from content_core.errors import ContentError
from content_model import KINDS, kind_for_path, validate

TOPIC = """---
title: Demokratiebildung
slug: demokratiebildung
lang: de
summary: Ein Satz.
order: 10
parent: integration-durch-bildung
contact:
  name: MIA-DO-KI
  email: "[Bitte ergänzen: E-Mail-Adresse]"
---
Text.
"""

PAGE = """---
title: Impressum
slug: impressum
lang: de
summary: Anbieterkennzeichnung.
---
Text.
"""

NEWS = """---
title: Einbürgerungen 2024
slug: einbuergerungen-2024
date: 2025-02-18
lang: de
summary: Ein Satz.
tags: [Einbürgerung, Statistik]
---
Text.
"""

EVENT = """---
title: Münsterstraßenfest
slug: muensterstrassenfest-2025
date: 2025-05-26
lang: de
summary: Ein Satz.
start: 2025-06-21 12:00
end: 2025-06-21 18:00
timezone: Europe/Berlin
location:
  name: Münsterstraße
  address: Münsterstraße, 44145 Dortmund
organizer: Stadt Dortmund
registration: Keine Anmeldung nötig.
languages: [de, tr]
status: confirmed
---
Text.
"""

GOOD = {"topic": TOPIC, "page": PAGE, "news": NEWS, "event": EVENT}
PATHS = {
    "topic": "content/pages/themen/integration-durch-bildung/demokratiebildung.md",
    "page": "content/pages/impressum.md",
    "news": "content/news/2025-02-18-einbuergerungen-2024.md",
    "event": "content/events/muensterstrassenfest-2025.md",
}


def problems(kind: str, text: str, content_root: Path | None = None) -> list[ContentError]:
    return validate(parse_front_matter(text, PATHS[kind]), kind, content_root)


def edit(kind: str, old: str, new: str) -> str:
    text = GOOD[kind]
    assert old in text, old
    return text.replace(old, new, 1)


def assert_one(
    kind: str, text: str, line: int, *words: str, content_root: Path | None = None
) -> ContentError:
    """Exactly one error, at path:line, whose text names the given words."""
    found = [p for p in problems(kind, text, content_root) if not p.warning]
    assert len(found) == 1, [str(p) for p in found]
    err = found[0]
    assert str(err).startswith(f"{PATHS[kind]}:{line}: "), str(err)
    for word in words:
        assert word in str(err), (word, str(err))
    return err


@pytest.mark.parametrize("kind", KINDS)
def test_the_good_examples_pass(kind: str) -> None:
    assert [str(p) for p in problems(kind, GOOD[kind])] == []


@pytest.mark.parametrize(
    ("relpath", "kind"),
    [
        ("pages/themen/sprachmittlung.md", "topic"),
        ("pages/themen/integration-durch-bildung/sprachbildung.md", "topic"),
        ("pages/impressum.md", "page"),
        ("news/2025-02-18-x.md", "news"),
        ("events/x.md", "event"),
        ("inka/islamisch/eid.md", None),
        ("images/x.md", None),
    ],
)
def test_kind_for_path(relpath: str, kind: str | None) -> None:
    assert kind_for_path(relpath) == kind


# --- rules for every kind -------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_field(kind: str) -> None:
    text = GOOD[kind].replace("lang: de\n", "lang: de\nautor: Jemand\n", 1)
    assert_one(kind, text, 6 if kind in ("news", "event") else 5, "autor")


@pytest.mark.parametrize("kind", KINDS)
def test_missing_title_names_line_1(kind: str) -> None:
    text = GOOD[kind].replace(GOOD[kind].splitlines()[1] + "\n", "", 1)
    assert_one(kind, text, 1, "title")


def test_title_not_text() -> None:
    assert_one("page", edit("page", "title: Impressum", "title: [a, b]"), 2, "title")


def test_empty_summary() -> None:
    assert_one(
        "page", edit("page", "summary: Anbieterkennzeichnung.", 'summary: "  "'), 5, "summary"
    )


def test_missing_summary_names_line_1() -> None:
    assert_one("page", edit("page", "summary: Anbieterkennzeichnung.\n", ""), 1, "summary")


def test_missing_slug_names_line_1() -> None:
    assert_one("page", edit("page", "slug: impressum\n", ""), 1, "slug")


@pytest.mark.parametrize("slug", ["Impressum", "impressum_neu", "über-uns", "-x", "a--b", "12 3"])
def test_invalid_slug(slug: str) -> None:
    assert_one("page", edit("page", "slug: impressum", f'slug: "{slug}"'), 3, "slug")


def test_unknown_language() -> None:
    assert_one("page", edit("page", "lang: de", "lang: fr"), 4, "fr")


def test_lang_defaults_to_german() -> None:
    assert problems("page", edit("page", "lang: de\n", "")) == []


def test_translation_reviewed_must_be_boolean() -> None:
    text = edit("page", "lang: de\n", "lang: tr\ntranslation_reviewed: ja\n")
    assert_one("page", text, 5, "translation_reviewed")
    assert (
        problems("page", edit("page", "lang: de\n", "lang: tr\ntranslation_reviewed: true\n")) == []
    )


# --- topic ----------------------------------------------------------------------------------


def test_topic_missing_order_names_line_1() -> None:
    assert_one("topic", edit("topic", "order: 10\n", ""), 1, "order")


@pytest.mark.parametrize("value", ["zehn", "1.5", "true"])
def test_topic_order_not_an_integer(value: str) -> None:
    assert_one("topic", edit("topic", "order: 10", f"order: {value}"), 6, "order")


def test_topic_invalid_parent() -> None:
    assert_one(
        "topic",
        edit("topic", "parent: integration-durch-bildung", "parent: Integration durch Bildung"),
        7,
        "Oberthema",
    )


def test_topic_contact_not_a_mapping() -> None:
    text = edit(
        "topic",
        'contact:\n  name: MIA-DO-KI\n  email: "[Bitte ergänzen: E-Mail-Adresse]"',
        "contact: MIA-DO-KI",
    )
    assert_one("topic", text, 8, "contact")


def test_topic_contact_unknown_subfield() -> None:
    assert_one(
        "topic",
        edit("topic", "  name: MIA-DO-KI", "  name: MIA-DO-KI\n  fax: 0231"),
        10,
        "contact.fax",
    )


def test_topic_contact_subfield_not_text() -> None:
    assert_one("topic", edit("topic", "  name: MIA-DO-KI", "  name:"), 9, "contact.name")


# --- news -----------------------------------------------------------------------------------


def test_news_missing_date_names_line_1() -> None:
    assert_one("news", edit("news", "date: 2025-02-18\n", ""), 1, "date")


@pytest.mark.parametrize(
    "value", ["18.02.2025", "2025-02-30", "2025-13-01", "morgen", '"2025-02-18 25:00"']
)
def test_news_invalid_date(value: str) -> None:
    assert_one("news", edit("news", "date: 2025-02-18", f"date: {value}"), 4, "date")


def test_news_date_with_time_is_fine() -> None:
    assert problems("news", edit("news", "date: 2025-02-18", "date: 2025-02-18 09:30")) == []


def test_news_tags_not_a_list() -> None:
    assert_one(
        "news", edit("news", "tags: [Einbürgerung, Statistik]", "tags: Statistik"), 7, "tags"
    )


def test_news_tags_with_an_empty_entry() -> None:
    assert_one(
        "news", edit("news", "tags: [Einbürgerung, Statistik]", 'tags: [Statistik, ""]'), 7, "tags"
    )


def _jpeg(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (8, 6), (40, 90, 160)).save(path, "JPEG")


def test_news_image_without_alt(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    _jpeg(tmp_path / "images" / "foto.jpg")
    text = edit("news", "tags:", "image: images/foto.jpg\ntags:")
    assert_one("news", text, 7, "image_alt", content_root=tmp_path)


def test_news_alt_without_image() -> None:
    assert_one("news", edit("news", "tags:", "image_alt: Ein Foto\ntags:"), 7, "image_alt")


def test_news_image_not_found(tmp_path: Path) -> None:
    text = edit("news", "tags:", "image: images/fehlt.jpg\nimage_alt: Ein Foto\ntags:")
    assert_one("news", text, 7, "images/fehlt.jpg", content_root=tmp_path)


def test_news_image_found(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    _jpeg(tmp_path / "images" / "foto.jpg")
    text = edit("news", "tags:", "image: images/foto.jpg\nimage_alt: Ein Foto\ntags:")
    assert problems("news", text, tmp_path) == []


# --- event ----------------------------------------------------------------------------------


def test_event_missing_start_names_line_1() -> None:
    assert_one("event", edit("event", "start: 2025-06-21 12:00\n", ""), 1, "start")


def test_event_invalid_end() -> None:
    assert_one("event", edit("event", "end: 2025-06-21 18:00", "end: 18 Uhr"), 8, "end")


def test_event_end_before_start() -> None:
    assert_one("event", edit("event", "end: 2025-06-21 18:00", "end: 2025-06-21 11:00"), 8, "end")


def test_event_start_with_time_end_without() -> None:
    assert_one("event", edit("event", "end: 2025-06-21 18:00", "end: 2025-06-22"), 8, "end")


def test_event_all_day_over_several_days_is_fine() -> None:
    text = edit(
        "event",
        "start: 2025-06-21 12:00\nend: 2025-06-21 18:00",
        "start: 2025-06-21\nend: 2025-06-29",
    )
    assert problems("event", text) == []


def test_event_end_is_optional_with_a_duration() -> None:
    assert problems("event", edit("event", "end: 2025-06-21 18:00\n", "duration: 90\n")) == []


def test_event_missing_timezone_names_line_1() -> None:
    assert_one("event", edit("event", "timezone: Europe/Berlin\n", ""), 1, "timezone")


def test_event_unknown_timezone() -> None:
    assert_one(
        "event",
        edit("event", "timezone: Europe/Berlin", "timezone: Europe/Dortmund"),
        9,
        "Europe/Dortmund",
    )


def test_event_missing_location_names_line_1() -> None:
    location = "location:\n  name: Münsterstraße\n  address: Münsterstraße, 44145 Dortmund\n"
    text = edit("event", location, "")
    assert_one("event", text, 1, "location")


def test_event_location_without_name() -> None:
    assert_one("event", edit("event", "  name: Münsterstraße\n", ""), 10, "location.name")


def test_event_location_unknown_subfield() -> None:
    assert_one(
        "event",
        edit("event", "  name: Münsterstraße", "  name: Münsterstraße\n  raum: 3"),
        12,
        "location.raum",
    )


def test_event_missing_organizer_names_line_1() -> None:
    assert_one("event", edit("event", "organizer: Stadt Dortmund\n", ""), 1, "organizer")


def test_event_registration_not_text() -> None:
    assert_one(
        "event",
        edit("event", "registration: Keine Anmeldung nötig.", "registration: 5"),
        14,
        "registration",
    )


def test_event_unknown_spoken_language() -> None:
    text = edit("event", "languages: [de, tr]", "languages:\n  - de\n  - klingonisch")
    assert_one("event", text, 17, "klingonisch")


def test_event_unknown_status() -> None:
    assert_one("event", edit("event", "status: confirmed", "status: abgesagt"), 16, "abgesagt")


def test_event_cancelled_is_fine() -> None:
    assert problems("event", edit("event", "status: confirmed", "status: cancelled")) == []


def test_several_problems_are_all_reported_sorted_by_line() -> None:
    text = edit("event", "timezone: Europe/Berlin", "timezone: Mars/Olympus")
    text = text.replace("slug: muensterstrassenfest-2025", "slug: Fest", 1)
    text = text.replace("status: confirmed", "status: vielleicht", 1)
    found = sorted(problems("event", text))
    assert [e.line for e in found] == [3, 9, 16], [str(e) for e in found]


def test_timed_event_without_end_needs_a_duration() -> None:
    """Issue 15: a timed event without ``end`` is a zero-length event in most calendar apps;
    check asks for ``duration`` at the line of ``start``."""
    text = edit("event", "end: 2025-06-21 18:00\n", "")
    line = text.splitlines().index("start: 2025-06-21 12:00") + 1
    assert_one("event", text, line, "ohne Ende", "duration")
    assert problems("event", edit("event", "end: 2025-06-21 18:00\n",
                                  'duration: "6:00"\n')) == []
    bad = edit("event", "end: 2025-06-21 18:00\n", 'duration: "6 Stunden"\n')
    assert_one("event", bad, line + 1, "ungültige Dauer", "Stunden:Minuten")
