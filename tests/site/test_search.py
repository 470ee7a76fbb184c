"""Search (design.md §8): Pagefind indexes each language separately; the search page finds
pages in the reader's language, German with and without umlauts, and no fallback text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

STATUS = "[data-search-status]"


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith("http://127.0.0.1") else route.abort())
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def _search(tab: Any, site_server: str, lang_prefix: str, query: str) -> tuple[str, list[str]]:
    tab.goto(f"{site_server}{lang_prefix}suche/?q={quote(query)}")
    tab.wait_for_function(
        "() => { const s = document.querySelector('[data-search-status]').textContent;"
        " return s && !s.includes('…'); }", timeout=20000)
    urls = tab.eval_on_selector_all("[data-search-results] a",
                                    "els => els.map(e => e.getAttribute('href'))")
    return tab.text_content(STATUS) or "", urls


def test_index_has_one_part_per_language(site_dir: Path) -> None:
    bundle = site_dir / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    for lang in ("de", "en", "tr", "ar", "uk", "pl"):
        # Ukrainian has no stemmer in Pagefind: it gets an index of its own all the same.
        assert list(bundle.glob(f"pagefind.{lang}_*.pf_meta")), lang


@pytest.mark.parametrize(("prefix", "query", "expected"), [
    ("/", "Einbürgerung", "/nachrichten/einbuergerungen-2024/"),
    ("/", "Einburgerung", "/nachrichten/einbuergerungen-2024/"),
    ("/", "Sprachmittlung", "/themen/sprachmittlung/"),
    ("/ar/", "الوساطة", "/ar/themen/sprachmittlung/"),
    ("/tr/", "Ramazan", "/tr/kalender/islamisch/eid-al-fitr/"),
    ("/uk/", "посередництво", "/uk/themen/sprachmittlung/"),
])
def test_query_finds_the_page_in_the_readers_language(tab: Any, site_server: str, prefix: str,
                                                       query: str, expected: str) -> None:
    status, urls = _search(tab, site_server, prefix, query)
    assert expected in urls, (status, urls)
    assert all(u.startswith(prefix) for u in urls), urls
    assert status.strip(), "the live region announces the number of results"


def test_fallback_text_is_not_indexed_under_another_language(tab: Any, site_server: str) -> None:
    """An older news item exists only in German; its words must not be found in Turkish."""
    _status, urls = _search(tab, site_server, "/", "Staatsbürgerinnen")
    assert "/nachrichten/einbuergerungen-2023/" in urls
    _status, urls = _search(tab, site_server, "/tr/", "Staatsbürgerinnen")
    assert "/tr/nachrichten/einbuergerungen-2023/" not in urls
    excerpts = tab.text_content("[data-search-results]") or ""
    assert "Staatsbürgerinnen" not in excerpts


def test_search_page_has_label_and_live_region_and_no_axe_violation(
        tab: Any, site_server: str, axe_js: Path) -> None:
    _search(tab, site_server, "/", "Kalender")
    assert tab.get_attribute(STATUS, "role") == "status"
    assert tab.locator("label[for=search-q]").count() == 1
    tab.add_script_tag(path=str(axe_js))
    violations = tab.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
    assert violations == []
