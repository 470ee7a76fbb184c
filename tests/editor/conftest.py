"""Fixtures for the editors' workflow: a copy of content/ to break, and the check on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from editor_support import BUILD_DATE

from content_model.check import check_content


@pytest.fixture
def content(real_content_copy: Path) -> Path:
    """A private copy of the real content/ (holidays included; tests/conftest.py: `slow`)."""
    return real_content_copy


@pytest.fixture
def write(content: Path) -> Callable[[str, str], Path]:
    def _write(rel: str, text: str) -> Path:
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def problems(content: Path) -> Callable[..., list[str]]:
    """All problems as printed (``path:line: message (expected)``), optionally for one file."""

    def _problems(rel: str | None = None, build_date: dt.date = BUILD_DATE) -> list[str]:
        found = [str(p) for p in check_content(content, build_date)]
        if rel is not None:
            found = [p for p in found if p.startswith(f"content/{rel}:")]
        return found

    return _problems

