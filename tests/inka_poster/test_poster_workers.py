"""Posters rendered in parallel (issue 17): every poster once, in the order asked for, the
progress advancing per finished poster, and a failure in a worker naming its poster like a
failure in the build's own process. Small HTML, not the real posters (those: test_poster_pdf)."""

from __future__ import annotations

import os

import pytest

from inka_poster.generator import PosterFailed, render_all, workers
from site_build.working import Stop

ONE_PAGE = "<p>Eins</p>"
TWO_PAGES = '<p>Eins</p><p style="break-before: page">Zwei</p>'


def test_pool_renders_each_poster_in_order_and_counts_progress() -> None:
    posters = [("a.pdf", TWO_PAGES), ("b.pdf", ONE_PAGE), ("c.pdf", TWO_PAGES)]
    finished: dict[int, int] = {}
    rendered = render_all(posters, 2, lambda index, done: finished.update({index: done.pages}))
    assert [r.pages for r in rendered] == [2, 1, 2]
    assert all(r.pdf.startswith(b"%PDF-") for r in rendered)
    assert finished == {0: 2, 1: 1, 2: 2}  # each reported once, with its own result


@pytest.mark.parametrize("processes", [1, 2])
def test_a_failing_poster_is_named(processes: int) -> None:
    posters = [("kalender/2026/gut.pdf", ONE_PAGE), ("kalender/2026/kaputt.pdf", None)]
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
