"""The news and tag lists' pagination partial with a long list (the site's own lists are
short): a window of page links, not one link per page (site_core.pagination)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader
from pelican.paginator import Paginator
from sitelib import pelican_settings

from mia_site import filters, i18n

TEMPLATES = Path(__file__).resolve().parents[2] / "theme" / "templates"


class _Generator:
    def __init__(self, settings: dict) -> None:
        self.settings = settings
        self.env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                               extensions=["jinja2.ext.i18n"])


def _render(number: int, pages: int) -> BeautifulSoup:
    settings = dict(pelican_settings())
    generator = _Generator(settings)
    filters.install(generator)
    i18n.install(generator)
    per_page = settings["DEFAULT_PAGINATION"]
    paginator = Paginator("nachrichten/index.html", "nachrichten/",
                          list(range(pages * per_page)), settings, per_page)
    page = paginator.page(number)
    html = generator.env.get_template("partials/pagination.html").render(
        **settings, page_lang="de", articles_page=page, articles_paginator=paginator,
        articles_previous_page=paginator.page(number - 1) if number > 1 else None,
        articles_next_page=paginator.page(number + 1) if number < pages else None)
    return BeautifulSoup(html, "html.parser")


def test_long_list_links_a_window_of_pages() -> None:
    doc = _render(7, 42)
    items = [li.get_text(" ", strip=True) for li in doc.select("nav.pagination li")]
    assert items == ["← Neuere Beiträge", "Seite 1", "…", "Seite 6", "Seite 7", "Seite 8", "…",
                     "Seite 42", "Ältere Beiträge →"]
    assert doc.select_one("[aria-current=page]").get_text() == "Seite 7"
    links = [a["href"] for a in doc.select("nav.pagination li a:not([rel])")]
    assert links == ["/nachrichten/", "/nachrichten/seite-6/", "/nachrichten/seite-8/",
                     "/nachrichten/seite-42/"]


def test_short_list_links_every_page() -> None:
    doc = _render(1, 3)
    assert [li.get_text(" ", strip=True) for li in doc.select("nav.pagination li")] == [
        "Seite 1", "Seite 2", "Seite 3", "Ältere Beiträge →"]
