"""Fixtures of the poster tests: the real holidays of content/inka and their occurrences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from inka_engine import Occurrence, load_holidays, occurrences

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def occurrences_2026() -> list[Occurrence]:
    """Occurrences of 2025–2027 (the engine as the build uses it) for the 2026 posters."""
    holidays = load_holidays(ROOT / "content" / "inka")
    return occurrences(holidays, dt.date(2025, 1, 1), dt.date(2027, 12, 31))
