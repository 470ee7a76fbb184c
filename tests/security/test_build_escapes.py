"""A whole build with hostile text in the fields editors fill (title, summary, organizer,
location, contact): everything reaches the page as text (Jinja autoescape), and a planted
script stops the build with path:line while the last good site stays. Builds a copy of the
content without the INKA files, posters, search index and compressed copies (about 10 s)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

import tasks

ROOT = Path(tasks.__file__).resolve().parent

EVIL_TITLE = 'Fest </title><script>alert("t")</script> & mehr'
EVIL_SUMMARY = 'Ein "Fest" mit <b onmouseover="alert(1)">Musik</b>'
EVENT = f"""---
title: '{EVIL_TITLE}'
slug: boeses-fest
date: 2025-01-02
lang: de
summary: '{EVIL_SUMMARY}'
start: 2025-06-21 12:00
end: 2025-06-21 14:00
timezone: Europe/Berlin
location:
  name: '<img src=x onerror="alert(2)">Rathaus'
  address: Friedensplatz 1, 44135 Dortmund
  map_url: 'https://www.openstreetmap.org/?a="onmouseover="alert(3)'
organizer: '<script>alert(4)</script>MIA-DO-KI'
---
Text.
"""


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.description: str | None = None
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("type") != "application/ld+json":
            self.scripts.append(values.get("src") or "inline")
        self.handlers += [name for name, _value in attrs if name.startswith("on")]
        if tag == "meta" and values.get("name") == "description":
            self.description = values.get("content")
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


Build = Callable[..., subprocess.CompletedProcess[str]]  # tests/conftest.py build_site_process
#: The build of these tests: quick (no posters, search index, compression), another clock.
FAST_LATER = {"MIA_POSTERS": "0", "MIA_SEARCH": "0", "MIA_PRECOMPRESS": "0",
              "SOURCE_DATE_EPOCH": "1780000000"}


@pytest.fixture(scope="module")
def content_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("escapes") / "content"
    shutil.copytree(ROOT / "content", target, ignore=shutil.ignore_patterns("inka"))
    (target / "inka").mkdir()
    (target / "events" / "boeses-fest.md").write_text(EVENT, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def built(content_copy: Path, tmp_path_factory: pytest.TempPathFactory,
          build_site_process: Build) -> Path:
    output = tmp_path_factory.mktemp("escapes-out") / "site"
    result = build_site_process(output, content_copy, env=FAST_LATER)
    assert result.returncode == 0, result.stderr[-3000:]
    return output


def test_hostile_fields_reach_the_page_as_text(built: Path) -> None:
    html = (built / "veranstaltungen" / "boeses-fest" / "index.html").read_text(encoding="utf-8")
    page = _Collect()
    page.feed(html)
    own_scripts = [s for s in page.scripts if s.startswith("/static/")]
    assert page.scripts == own_scripts, page.scripts  # no script but the site's own files
    assert page.handlers == []
    assert EVIL_TITLE in page.title  # shown as the text the editor wrote
    assert page.description == EVIL_SUMMARY  # the quotes did not break the attribute
    assert page.handlers == []  # the quote in map_url stayed inside its href
    assert "&lt;script&gt;alert(4)&lt;/script&gt;MIA-DO-KI" in html


def test_planted_script_stops_the_build_and_keeps_the_site(content_copy: Path, built: Path,
                                                           build_site_process: Build) -> None:
    before = {p: p.read_bytes() for p in sorted(built.rglob("*")) if p.is_file()}
    news = content_copy / "news" / "2025-06-02-internationale-woche-2025.md"
    good = news.read_text(encoding="utf-8")
    lines = len(good.split("\n"))
    news.write_text(good + '\n<script src="/images/x.js"></script>\n', encoding="utf-8")
    try:
        result = build_site_process(built, content_copy, env=FAST_LATER)
    finally:
        news.write_text(good, encoding="utf-8")
    assert result.returncode != 0
    assert (f"content/news/2025-06-02-internationale-woche-2025.md:{lines + 1}: "
            "HTML-Element <script> ist nicht erlaubt") in result.stderr
    after = {p: p.read_bytes() for p in sorted(built.rglob("*")) if p.is_file()}
    assert after == before
