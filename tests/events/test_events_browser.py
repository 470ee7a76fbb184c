"""events.js in Chromium: an event that has ended since the build moves to "past"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _sections(page: Any) -> dict[str, list[str]]:
    return page.evaluate("""() => ({
        upcoming: [...document.querySelectorAll('[data-events="upcoming"] .card__title a')]
                    .map(a => a.getAttribute('href')),
        past2026: [...document.querySelectorAll('[data-events-year="2026"] h4.card__title a')]
                    .map(a => a.getAttribute('href')),
        years: [...document.querySelectorAll('[data-events-year]')]
                    .map(g => g.getAttribute('data-events-year')),
        pastHidden: document.querySelector('[data-events="past"]').hidden,
        noneHidden: document.querySelector('[data-events-none]').hidden,
    })""")


def _open(browser: Any, url: str, now: dt.datetime | None) -> dict[str, list[str]]:
    context = browser.new_context()
    try:
        page = context.new_page()
        if now is not None:
            page.clock.set_fixed_time(now)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url)
        page.wait_for_load_state("load")
        assert not errors, errors
        return _sections(page)
    finally:
        context.close()


def test_ended_event_moves_to_past(browser: Any, fixture_server: str) -> None:
    # The Sprachcafé test event ends on 2026-01-10 at 20:00 Berlin time (19:00 UTC).
    before = _open(browser, f"{fixture_server}/veranstaltungen/",
                   dt.datetime(2026, 1, 10, 18, 59, tzinfo=dt.UTC))
    assert before["upcoming"] == ["/veranstaltungen/testabend-sprachcafe/",
                                  "/veranstaltungen/abgesagter-testtag/"]
    after = _open(browser, f"{fixture_server}/en/veranstaltungen/",
                  dt.datetime(2026, 1, 11, 9, 0, tzinfo=dt.UTC))
    assert after["upcoming"] == ["/en/veranstaltungen/abgesagter-testtag/"]
    assert after["past2026"] == ["/en/veranstaltungen/testabend-sprachcafe/"]
    assert after["years"] == ["2026", "2025", "2023"]
    assert after["noneHidden"] is True


def test_all_ended_shows_the_none_notice(browser: Any, fixture_server: str) -> None:
    later = _open(browser, f"{fixture_server}/ar/veranstaltungen/",
                  dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    assert later["upcoming"] == []
    assert later["noneHidden"] is False
    assert later["past2026"] == ["/ar/veranstaltungen/abgesagter-testtag/",
                                 "/ar/veranstaltungen/testabend-sprachcafe/"]


def test_pagination_arrows_mirror_in_arabic(browser: Any, site_server: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{site_server}/ar/nachrichten/")
        transform = page.eval_on_selector(".pagination a[rel=next] .arrow",
                                          "e => getComputedStyle(e).transform")
        assert transform.startswith("matrix(-1"), transform
        page.goto(f"{site_server}/nachrichten/")
        transform = page.eval_on_selector(".pagination a[rel=next] .arrow",
                                          "e => getComputedStyle(e).transform")
        assert transform == "none"
    finally:
        context.close()
