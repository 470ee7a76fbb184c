"""Pelican glue for the Interkultureller Kalender (INKA): calendar, community and holiday pages.

All date logic lives in ``inka_engine`` (no Pelican import); this package loads the holidays
once, computes their occurrences for the windows of design.md §6 and writes the pages of §3.
"""

from pelican import signals

from inka_site.generator import InkaGenerator


def get_generators(_pelican: object) -> type[InkaGenerator]:
    return InkaGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
