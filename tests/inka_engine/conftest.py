from __future__ import annotations

import pytest
from inka_test_support import FIXTURES

from inka_engine import Holiday, load_holidays


@pytest.fixture(scope="session")
def fixture_holidays() -> list[Holiday]:
    return load_holidays(FIXTURES)


@pytest.fixture(scope="session")
def by_key(fixture_holidays: list[Holiday]) -> dict[str, Holiday]:
    return {h.ident: h for h in fixture_holidays}
