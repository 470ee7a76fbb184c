"""Nothing from third parties (design.md §8): no page or stylesheet LOADS anything from another
host. Plain links (<a href>) to other sites are fine."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import sitelib


def _offsite(value: str) -> bool:
    return sitelib.is_external(value) or value.startswith("\\\\")


def test_no_page_or_stylesheet_loads_from_another_host(
    site_dir: Path, html_pages: list[tuple[str, Path]]
) -> None:
    found = []
    for url, file in html_pages:
        for ref in sitelib.refs_in_html(url, sitelib.soup(file)):
            if ref.loads and _offsite(ref.value):
                found.append(f"{url}: {ref.where} {ref.value}")
            elif ref.value.startswith("//"):
                found.append(f"{url}: {ref.where} {ref.value} (protocol-relative URL)")
    for css in sitelib.css_files(site_dir):
        text = css.read_text(encoding="utf-8")
        for ref in sitelib.refs_in_css(site_dir, css):
            if _offsite(ref.value):
                found.append(f"{ref.source}: {ref.where} {ref.value}")
        if "@import" in sitelib.CSS_COMMENT_RE.sub("", text):
            for line in text.splitlines():
                if "@import" in line and ("//" in line):
                    found.append(f"{sitelib.url_of(site_dir, css)}: {line.strip()}")
    if found:
        pytest.fail("third-party resources:\n" + "\n".join(sorted(set(found))), pytrace=False)


def test_the_scan_catches_third_party_loads(tmp_path: Path) -> None:
    html = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<script src="//cdn.example.org/x.js"></script>'
        '<img srcset="/a.png 1x, https://img.example.org/b.png 2x" alt="">'
        '<div style="background:url(https://t.example.org/p.gif)"></div>'
        '<a href="https://www.dortmund.de/">ok</a>'
    )
    from bs4 import BeautifulSoup

    refs = sitelib.refs_in_html("/", BeautifulSoup(html, "html.parser"))
    loaded = sorted(r.value for r in refs if r.loads and _offsite(r.value))
    assert loaded == [
        "//cdn.example.org/x.js",
        "https://fonts.googleapis.com/css",
        "https://img.example.org/b.png",
        "https://t.example.org/p.gif",
    ]
    assert sitelib.css_urls("@import 'https://x.org/a.css'; b{background:url(//y.org/c)}") == [
        "//y.org/c",
        "https://x.org/a.css",
    ]


def _one_page_per_template(site_dir: Path) -> list[str]:
    """A representative URL of every kind of page (each template at least once per language)."""
    wanted: dict[tuple[str, ...], str] = {}
    for file in sitelib.html_files(site_dir):
        url = sitelib.url_of(site_dir, file)
        parts = [p for p in url.split("/") if p]
        lang = parts.pop(0) if parts and parts[0] in sitelib.LANGUAGES else ""
        kind = [lang, str(len(parts)), *parts[:1]]
        if len(parts) > 1 and (parts[1] == "thema" or parts[1].startswith("seite-")):
            kind.append(parts[1][:5])
        if len(parts) > 1 and parts[1].isdigit():
            kind.append("year")
        if file.name != "index.html":
            kind.append(file.name)
        wanted.setdefault(tuple(kind), url)
    return sorted(wanted.values())


@pytest.mark.browser
def test_browser_requests_only_go_to_the_local_server(
    site_dir: Path, site_server: str, browser: Any
) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    offsite: list[str] = []
    failed: list[str] = []
    host = urlsplit(site_server).netloc

    def on_request(request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.netloc != host:
            offsite.append(f"{current}: {request.resource_type} {request.url}")

    def on_response(response: Any) -> None:
        if response.status >= 400:
            failed.append(f"{current}: HTTP {response.status} {response.url}")

    def route(route: Any) -> None:
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    page.on("request", on_request)
    page.on("response", on_response)
    urls = _one_page_per_template(site_dir)
    current = ""
    try:
        for current in urls:
            page.goto(site_server + current, wait_until="load")
            page.wait_for_load_state("networkidle", timeout=10_000)
            page.mouse.wheel(0, 20_000)  # lazy images: scroll, then load every one of them
            page.evaluate("() => document.querySelectorAll('img[loading=lazy]')"
                          ".forEach(i => { i.loading = 'eager'; })")
            page.wait_for_function("() => [...document.images].every(i => i.complete)",
                                   timeout=10_000)
    finally:
        context.close()
    print(f"\nbrowser: {len(urls)} representative pages loaded: {' '.join(urls)}")
    if offsite:
        pytest.fail("requests to other hosts:\n" + "\n".join(offsite), pytrace=False)
    if failed:
        pytest.fail("failed requests on the local server:\n" + "\n".join(failed), pytrace=False)
