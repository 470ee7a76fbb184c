"""Posters rendered in parallel (issue 17): every poster once, in the order asked for, the
progress advancing per finished poster, and a failure in a worker naming its poster like a
failure in the build's own process. Small HTML, not the real posters (those: test_poster_pdf)."""

from __future__ import annotations

import os

import pytest

from inka_poster.generator import PosterFailed, render_all, workers
from site_build.working import Stop

pytestmark = pytest.mark.slow  # WeasyPrint renders PDFs, in a pool of spawned processes

ONE_PAGE = "<p>Eins</p>"
TWO_PAGES = '<p>Eins</p><p style="break-before: page">Zwei</p>'


def test_pool_renders_each_poster_in_order_and_counts_progress() -> None:
    posters = [("a.pdf", TWO_PAGES, None), ("b.pdf", ONE_PAGE, None), ("c.pdf", TWO_PAGES, None)]
    finished: dict[int, int] = {}
    rendered = render_all(posters, 2, lambda index, done: finished.update({index: done.pages}))
    assert [r.pages for r in rendered] == [2, 1, 2]
    assert all(r.pdf.startswith(b"%PDF-") for r in rendered)
    assert finished == {0: 2, 1: 1, 2: 2}  # each reported once, with its own result


@pytest.mark.parametrize("processes", [1, 2])
def test_a_failing_poster_is_named(processes: int) -> None:
    posters = [("kalender/2026/gut.pdf", ONE_PAGE, None), ("kalender/2026/kaputt.pdf", None, 1)]
    with pytest.raises(PosterFailed) as caught:
        render_all(posters, processes)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith("Build abgebrochen: das Plakat kalender/2026/kaputt.pdf "
                              "konnte nicht gesetzt werden"), message
    assert isinstance(caught.value, Stop)  # site_build.run prints it without a traceback


def test_worker_count_from_the_machine_or_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MIA_POSTER_WORKERS", raising=False)
    monkeypatch.setenv("MIA_WORKERS", "3")
    assert workers(10) == 3
    assert workers(2) == 2  # never more processes than posters
    monkeypatch.setenv("MIA_POSTER_WORKERS", "1")
    assert workers(10) == 1
    monkeypatch.setenv("MIA_POSTER_WORKERS", "viele")
    with pytest.raises(Stop, match="MIA_POSTER_WORKERS='viele'"):
        workers(10)
    monkeypatch.delenv("MIA_POSTER_WORKERS")
    monkeypatch.delenv("MIA_WORKERS")
    assert workers(1000) == len(os.sched_getaffinity(0))  # the CPUs this process may use


# A sheet with 90 mm of room; the month is 26 lines of 1.2 em at 10 pt: 110 mm at 100 % (two
# sheets), 88 mm at 80 % (one).
FIT = ("<html lang='de'><head><style>@page { size: 100mm 100mm; margin: 5mm; } "
       ".months { font-size: 10pt; } .month p { margin: 0; line-height: 1.2em; "
       "height: 1.2em; }</style></head><body><main class='months'>"
       "<section class='month'>" + "<p>Tag</p>" * 26 + "</section></main></body></html>")


def test_a_poster_over_its_sheets_is_set_smaller_until_it_fits() -> None:
    from inka_poster.render import render

    assert render(FIT).pages == 2  # as designed, without a limit
    fitted = render(FIT, pages=1)
    assert fitted.pages == 1 and fitted.pdf.startswith(b"%PDF-")
