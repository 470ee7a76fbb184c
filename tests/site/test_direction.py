"""Direction on right-to-left pages (design.md §7 "Direction"): in every ``/ar/`` page's
``<main>``, a block in a left-to-right language is marked ``dir="ltr"`` and every Latin or
Cyrillic run inside Arabic text is isolated (``<bdi>`` or an element with ``dir``).

The rule for a run is checked here independently of the site's rewriter: a run is any
sequence that starts with a Latin/Cyrillic letter (Unicode letters of those scripts, read
with ``unicodedata``), and it is isolated when an ancestor up to ``<main>`` is ``<bdi>`` or
has ``dir="ltr"``/``dir="auto"`` before any ``dir="rtl"``.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import sitelib
from bs4 import Comment, NavigableString, Tag

RTL_LANGS = {"ar", "he", "fa", "ur"}
SKIP = {"script", "style", "textarea", "template"}


def ltr_letter(char: str) -> bool:
    """A strong left-to-right letter of the Latin, Greek or Cyrillic script."""
    if unicodedata.bidirectional(char) != "L" or not char.isalpha():
        return False
    name = unicodedata.name(char, "")
    return name.startswith(("LATIN", "CYRILLIC", "GREEK"))


def isolated(node: NavigableString | Tag, main: Tag) -> bool:
    parent = node.parent
    while parent is not None and parent is not main:
        if parent.name == "bdi":
            return True
        direction = str(parent.get("dir", "")).lower()
        if direction in ("ltr", "auto"):
            return True
        if direction == "rtl":
            return False
        parent = parent.parent
    return False


def problems_in(main: Tag) -> list[str]:
    found = []
    for el in main.find_all(True):
        lang = str(el.get("lang", "")).split("-")[0].lower()
        if lang and lang not in RTL_LANGS and str(el.get("dir", "")).lower() != "ltr":
            found.append(f'<{el.name} lang="{lang}"> without dir="ltr"')
    for node in main.find_all(string=True):
        if isinstance(node, Comment) or node.parent is None or node.parent.name in SKIP:
            continue
        if any(ltr_letter(c) for c in node) and not isolated(node, main):
            found.append(f"not isolated: {str(node).strip()[:60]!r}")
    return found


@pytest.fixture(scope="module")
def arabic_pages(html_pages: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    pages = [(url, f) for url, f in html_pages if url.startswith("/ar/")]
    assert len(pages) > 50, "the build has too few Arabic pages"
    return pages


def test_no_unisolated_left_to_right_text_in_arabic_pages(
        arabic_pages: list[tuple[str, Path]]) -> None:
    report = []
    for url, file in arabic_pages:
        doc = sitelib.soup(file)
        assert doc.html is not None and doc.html.get("dir") == "rtl", url
        main = doc.find("main")
        assert isinstance(main, Tag), f"{url}: no <main>"
        report += [f"{url}: {p}" for p in problems_in(main)]
    assert not report, f"{len(report)} problems, e.g.:\n" + "\n".join(report[:40])


def test_the_check_finds_what_it_should() -> None:
    """The gate itself: a German block without dir, a bare Latin name, and the good forms."""
    from bs4 import BeautifulSoup

    bad = BeautifulSoup('<main><p>نص Ramadan نص</p><div lang="de">Text</div></main>',
                        "html.parser").main
    assert problems_in(bad) == ['<div lang="de"> without dir="ltr"',
                                "not isolated: 'نص Ramadan نص'", "not isolated: 'Text'"]
    good = BeautifulSoup('<main><p>نص <bdi>Ramadan</bdi> ١٠ نص</p><div lang="de" dir="ltr">'
                         'Text <span dir="rtl">عربي</span></div>'
                         '<p><span dir="ltr">info@example.org</span></p></main>',
                         "html.parser").main
    assert problems_in(good) == []
    nested = BeautifulSoup('<main><div dir="ltr"><p dir="rtl">عربي ABC</p></div></main>',
                           "html.parser").main
    assert problems_in(nested) == ["not isolated: 'عربي ABC'"]
