"""Fixtures of the whole-site gates (the build itself comes from tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sitelib


@pytest.fixture(scope="session")
def build_date(source_date_epoch: int) -> dt.date:
    return sitelib.build_date(source_date_epoch)


@pytest.fixture(scope="session")
def html_pages(site_dir: Path) -> list[tuple[str, Path]]:
    """(URL, file) of every HTML page of the build."""
    pages = [(sitelib.url_of(site_dir, f), f) for f in sitelib.html_files(site_dir)]
    assert pages, "the build has no HTML pages"
    return pages

