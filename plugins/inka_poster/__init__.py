"""Print-ready INKA posters (design.md §3, ``site_core.urls.poster``): ``…-a1.pdf`` (DIN A1
landscape, twelve months on one sheet) and ``…-a4.pdf`` (one month per A4 page), for every
year in INKA_YEARS and every language, from the same engine data as the pages and feeds.

- ``grid``, ``data``, ``qr``, ``sizes``, ``cache``: what a poster shows and where it is kept
  (no Pelican, no WeasyPrint; importing them does not load either).
- ``render``: the Jinja templates in ``theme/poster/`` → HTML → PDF/UA-1 (WeasyPrint).
- ``generator``: the Pelican glue; ``context["inka_posters"][(year, lang)][kind] =
  (path, size in bytes)`` for the download links (templates/partials/poster_links.html).
  ``MIA_POSTERS=0`` skips the posters.
"""

from __future__ import annotations

from typing import Any


def get_generators(_pelican: object) -> type:
    from inka_poster.generator import PosterGenerator

    return PosterGenerator


def _file_size(size: int, lang: str = "de") -> str:
    from inka_poster.sizes import file_size
    from site_core.languages import babel_locale

    return file_size(size, babel_locale(lang))


def install_filters(generator: Any) -> None:
    """``{{ size | file_size(lang) }}`` → '180 kB', '1,2 MB' (Babel, the page's locale)."""
    generator.env.filters["file_size"] = _file_size


def register() -> None:
    from pelican import signals

    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_filters)
