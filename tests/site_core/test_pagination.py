"""Page numbers of a long list's pagination (site_core.pagination)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from site_core.pagination import window


def test_govuk_example() -> None:
    """The GOV.UK Design System's pagination example for many pages: on page 7 of 42,
    "1 … 6 7 8 … 42" (https://design-system.service.gov.uk/components/pagination/)."""
    assert window(7, 42) == [1, None, 6, 7, 8, None, 42]


@pytest.mark.parametrize("last", [1, 2, 3, 4, 5, 8, 42, 125])
def test_rules_hold_on_every_page(last: int) -> None:
    for current in range(1, last + 1):
        pages = window(current, last)
        numbers = [n for n in pages if n is not None]
        assert numbers == sorted(set(numbers)), pages
        assert {1, last, current} <= set(numbers)
        assert {n for n in (current - 1, current + 1) if 1 <= n <= last} <= set(numbers)
        for before, after in pairwise(pages):
            assert before is not None or after is not None, pages  # no two ellipses
            if before is not None and after is not None:
                assert after == before + 1, pages  # numbers next to each other are neighbours
        for index, n in enumerate(pages):
            if n is None:  # an ellipsis stands for two or more pages, never for one
                assert pages[index + 1] - pages[index - 1] > 2, pages
        assert len(pages) <= 9  # never a link per page


def test_small_lists_show_every_page() -> None:
    assert window(1, 1) == [1]
    assert window(2, 5) == [1, 2, 3, 4, 5]
    assert window(1, 5) == [1, 2, None, 5]
    assert window(1, 0) == []
