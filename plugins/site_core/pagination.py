"""Which page numbers a list's pagination shows: not all of them (a list of 125 pages would
give 125 links on every page, and rendering them grew with the square of the list).

As the GOV.UK Design System's pagination component advises
(https://design-system.service.gov.uk/components/pagination/, "for large numbers of pages"):
the first and the last page, the current page and the pages right before and after it, and an
ellipsis for each run of pages left out. A run of one page is shown instead of its ellipsis.
"""

from __future__ import annotations


def window(current: int, last: int, around: int = 1) -> list[int | None]:
    """Page numbers 1..``last`` to link, ``None`` where pages are left out (an ellipsis)."""
    if last < 1:
        return []
    current = min(max(current, 1), last)
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    pages: list[int | None] = []
    for number in shown:
        previous = pages[-1] if pages else None
        if previous is not None and number - previous == 2:
            pages.append(previous + 1)  # one page left out: show it, not an ellipsis
        elif previous is not None and number - previous > 2:
            pages.append(None)
        pages.append(number)
    return pages
