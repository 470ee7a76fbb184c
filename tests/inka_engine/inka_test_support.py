"""Paths shared by the engine tests."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "inka"
REPO = HERE.parent.parent
CONTENT = REPO / "content" / "inka"
