"""A fixture site for the event and news tests: a copy of content/ (without the holidays, for
speed) plus a few test-only files, built with the session's SOURCE_DATE_EPOCH (2026-01-01).

The added files are fixtures, not facts: they live only in the temporary copy."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]

UPCOMING = """---
title: Testabend Sprachcafé
slug: testabend-sprachcafe
date: 2025-12-01
lang: de
summary: Ein Termin, der nach dem Build-Datum liegt.
start: 2026-01-10 18:00
end: 2026-01-10 20:00
timezone: Europe/Berlin
location:
  name: Testort
  address: Teststraße 1, 44135 Dortmund
  map_url: https://example.invalid/karte
organizer: Testveranstalter
registration: Keine Anmeldung nötig.
cost: Eintritt frei
languages: [de, tr, ar]
accessibility: Der Raum ist stufenlos erreichbar.
status: confirmed
---
Text.
"""
CANCELLED = """---
title: Abgesagter Testtag
slug: abgesagter-testtag
date: 2025-12-01
lang: de
summary: Ein ganztägiger Termin über zwei Tage, der abgesagt ist.
start: 2026-02-01
end: 2026-02-02
timezone: Europe/Berlin
location:
  name: Testhalle
organizer: Testveranstalter
status: cancelled
---
Text.
"""
FUTURE_EVENT = """---
title: Noch nicht veröffentlichter Termin
slug: kuenftiger-termin
date: 2026-02-15
lang: de
summary: Erst ab dem 15. Februar 2026 sichtbar.
start: 2026-03-01
timezone: Europe/Berlin
location:
  name: Testort
organizer: Testveranstalter
---
Text.
"""
FUTURE_NEWS = """---
title: Noch nicht veröffentlichte Nachricht
slug: kuenftige-nachricht
date: 2026-01-02
lang: de
summary: Erst ab dem 2. Januar 2026 sichtbar.
---
Text.
"""
IMAGE_NEWS = """---
title: Nachricht mit Bild
slug: nachricht-mit-bild
date: 2025-12-31
lang: de
summary: Eine Nachricht mit Bild.
tags: [Testbild]
image: images/test/kreise.png
image_alt: Drei farbige Kreise auf weißem Grund
---
Text.
"""
FILES = {
    "events/testabend-sprachcafe.md": UPCOMING,
    "events/abgesagter-testtag.md": CANCELLED,
    "events/kuenftiger-termin.md": FUTURE_EVENT,
    "news/2026-01-02-kuenftige-nachricht.md": FUTURE_NEWS,
    "news/2025-12-31-nachricht-mit-bild.md": IMAGE_NEWS,
}
IMAGE_SIZE = (1600, 900)


def _draw_image(path: Path) -> None:
    img = Image.new("RGB", IMAGE_SIZE, "white")
    draw = ImageDraw.Draw(img)
    for i, colour in enumerate(("#12395f", "#ffbf47", "#a4001d")):
        x = 300 + i * 500
        draw.ellipse((x - 200, 250, x + 200, 650), fill=colour)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory,
                 build_site_fixed: Callable[..., bool]) -> Path:
    """The fixture site, built once per session (None of this is in the real content)."""
    base = tmp_path_factory.mktemp("events")
    content = base / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("inka"))
    for rel, text in FILES.items():
        (content / rel).write_text(text, encoding="utf-8")
    _draw_image(content / "images" / "test" / "kreise.png")
    output = base / "site"
    if not build_site_fixed(output, content):
        pytest.fail("the fixture site did not build (see the output above)", pytrace=False)
    return output


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def fixture_server(fixture_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(fixture_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
