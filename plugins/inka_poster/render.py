"""Poster HTML from the Jinja templates in ``theme/poster/``, and PDF from it (WeasyPrint).

The PDF is PDF/UA-1 (tagged, with the document's language and title); fonts are the system's
DejaVu Sans (Latin, Cyrillic, Arabic), embedded as subsets. WeasyPrint (and with it Pango) is
imported only when a PDF is rendered: a preview without posters works without Pango.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from inka_poster.cache import cache_key
from inka_poster.data import KINDS, PosterData
from site_core import communities

log = logging.getLogger(__name__)

TEMPLATES = {"a1": "a1.html", "a4": "a4.html"}
STYLESHEETS = {"a1": ("poster.css", "a1.css"), "a4": ("poster.css", "a4.css")}
PDF_VARIANT = "pdf/ua-1"


@lru_cache(maxsize=16)
def environment(poster_dir: Path, translations: Any) -> Environment:
    """A Jinja environment for one language (newstyle gettext, like the site's templates).
    One per folder and catalogue, so that the templates of a language are compiled once for
    all its posters, not once per poster (120 compilations took about 1 s of every build);
    Jinja still reloads a template whose file changed."""
    env = Environment(loader=FileSystemLoader(str(poster_dir)), autoescape=True,
                      extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    # As `_()` gives it (Markup: catalogue texts are trusted).
    env.filters["community_title"] = lambda key: Markup(
        translations.gettext(communities.TITLES[key]))
    return env


@cache
def sources(poster_dir: Path) -> str:
    """Every template and stylesheet of the posters, in a fixed order (for the cache key)."""
    files = sorted(p for p in poster_dir.iterdir() if p.suffix in (".html", ".css"))
    return "\0".join(f"{p.name}\n{p.read_text(encoding='utf-8')}" for p in files)


def stylesheet(poster_dir: Path, kind: str) -> str:
    return "\n".join((poster_dir / name).read_text(encoding="utf-8")
                     for name in STYLESHEETS[kind])


def render_html(data: PosterData, kind: str, poster_dir: Path, translations: Any) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown poster kind {kind!r} (expected one of {KINDS})")
    template = environment(poster_dir, translations).get_template(TEMPLATES[kind])
    return template.render(data=data, kind=kind, css=stylesheet(poster_dir, kind))


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    #: WeasyPrint's warnings (a poster's CSS must give none; the build reports them).
    warnings: tuple[str, ...] = ()


#: WeasyPrint notices that change nothing in our PDFs, dropped by their text (never all
#: warnings: any other WeasyPrint warning still stops the build). Without libharfbuzz-subset
#: WeasyPrint subsets the fonts with fontTools instead: same glyphs, a little slower.
HARMLESS = ("Using fontTools instead of HarfBuzz-Subset",)


class KnownHarmless(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(HARMLESS)


def _quiet_known_notices() -> None:
    weasy_log = logging.getLogger("weasyprint")
    if not any(isinstance(f, KnownHarmless) for f in weasy_log.filters):
        weasy_log.addFilter(KnownHarmless())
    warnings.filterwarnings("ignore", message="HarfBuzz-Subset will be required",
                            category=DeprecationWarning)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


#: The month sizes tried, largest first, when a poster runs over its sheets: the poster CSS
#: sets every size of the months relative to the font size of ``.months > .month`` (a1.css).
FIT_STEPS = (96, 92, 88, 84, 80, 76, 72)


def fit(html: str, percent: int) -> str:
    """The poster's HTML with its months set at ``percent`` of their size."""
    rule = f"<style>.months > .month {{ font-size: {percent}%; }}</style>"
    return html.replace("</head>", rule + "\n</head>", 1)


def render(html: str, pages: int | None = None) -> Rendered:
    """The PDF of a poster's HTML, its page count and WeasyPrint's warnings. No external
    resources: the CSS is inline, the QR code a data URI. Runs in worker processes too.

    With ``pages``, a poster that runs over that many sheets (a year whose months hold more
    entries) is set again with its months a little smaller (:data:`FIT_STEPS`) until it
    fits; if even the smallest step does not fit, the last try is returned (the build says so)."""
    _quiet_known_notices()
    import weasyprint

    collect = _Collect()
    weasy_log = logging.getLogger("weasyprint")
    weasy_log.addHandler(collect)
    try:
        options = {"pdf_variant": PDF_VARIANT}
        document = weasyprint.HTML(string=html, base_url=None).render(**options)
        steps = iter(FIT_STEPS if pages is not None else ())
        while pages is not None and len(document.pages) > pages:
            percent = next(steps, None)
            if percent is None:
                break
            collect.messages.clear()
            document = weasyprint.HTML(string=fit(html, percent), base_url=None).render(**options)
        pdf = document.write_pdf(**options)
    finally:
        weasy_log.removeHandler(collect)
    assert pdf is not None
    return Rendered(pdf, len(document.pages), tuple(collect.messages))


def poster_key(data: PosterData, kind: str, html: str, poster_dir: Path) -> str:
    """sha256 of the poster's data, the templates and CSS, the rendered HTML (it carries the
    translations) and the WeasyPrint version."""
    return cache_key("weasyprint " + version("weasyprint"), PDF_VARIANT, kind,
                     data.fingerprint(), sources(poster_dir), html)
