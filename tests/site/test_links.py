"""Every internal URL of every page and stylesheet resolves to a file of the build, and every
fragment (#id) exists on its target page. All broken links are reported at once."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sitelib


def _own_site_path(value: str) -> str | None:
    """Absolute URLs on the public site address (canonical, hreflang) are checked too."""
    base = urlsplit(sitelib.site_base_url())
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc == base.netloc:
        return value[len(f"{parts.scheme}://{parts.netloc}") :] or "/"
    return None


def collect_refs(site_dir: Path, html_pages: list[tuple[str, Path]]) -> list[sitelib.Ref]:
    refs: list[sitelib.Ref] = []
    for url, file in html_pages:
        refs += sitelib.refs_in_html(url, sitelib.soup(file))
    for css in sitelib.css_files(site_dir):
        refs += sitelib.refs_in_css(site_dir, css)
    return refs


def check_refs(site_dir: Path, refs: list[sitelib.Ref]) -> tuple[list[str], int]:
    """(broken links, number of internal links checked)."""
    broken: list[str] = []
    checked = 0
    for ref in refs:
        value = ref.value
        if value.lower().startswith(sitelib.SKIP_SCHEMES):
            continue
        own = _own_site_path(value)
        if own is not None:
            value = own
        elif sitelib.is_external(value):
            continue
        checked += 1
        if not value:
            broken.append(f"{ref.source}: {ref.where} is empty")
            continue
        path, fragment = sitelib.resolve(ref.source, value)
        target = sitelib.file_for_path(site_dir, path)
        if target is None:
            broken.append(f"{ref.source}: {ref.where} {ref.value!r} -> {path} does not exist")
            continue
        if value.startswith("#") and not fragment:
            broken.append(f"{ref.source}: {ref.where} {ref.value!r} is an empty fragment")
            continue
        if fragment and target.suffix == ".html":
            if fragment not in sitelib.ids_of(sitelib.soup(target)):
                broken.append(
                    f"{ref.source}: {ref.where} {ref.value!r} -> no id "
                    f"{fragment!r} on {sitelib.url_of(site_dir, target)}"
                )
    return broken, checked


def test_internal_links_resolve(site_dir: Path, html_pages: list[tuple[str, Path]]) -> None:
    refs = collect_refs(site_dir, html_pages)
    broken, checked = check_refs(site_dir, refs)
    print(
        f"\nlinks: {checked} internal URLs checked in {len(html_pages)} pages "
        f"and {len(sitelib.css_files(site_dir))} stylesheets"
    )
    assert checked > len(html_pages), "suspiciously few internal links found"
    if broken:
        pytest.fail(f"{len(broken)} broken internal link(s):\n" + _grouped(broken), pytrace=False)


def _grouped(broken: list[str]) -> str:
    """One line per broken URL with the pages it is on (the same nav link is on every page)."""
    by_problem: dict[str, list[str]] = {}
    for line in broken:
        source, problem = line.split(": ", 1)
        by_problem.setdefault(problem, []).append(source)
    lines = []
    for problem, sources in sorted(by_problem.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        pages = sorted(set(sources))
        shown = ", ".join(pages[:8]) + (f", … ({len(pages)} pages)" if len(pages) > 8 else "")
        lines.append(f"{problem}\n    on {shown}")
    return "\n".join(lines)


def test_the_link_checker_finds_broken_links(tmp_path: Path) -> None:
    """The checker itself: a missing page, a missing fragment and a bad CSS url() are found."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<a href="/b/">b</a><a href="/a/#x">x</a><a href="../fehlt/">f</a><p id="y"></p>'
        '<a href="#y">y</a><img src="bild.png" alt=""><a href="https://example.org/">e</a>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "bild.png").write_bytes(b"")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text("<p>b</p>", encoding="utf-8")
    (tmp_path / "s.css").write_text("a{background:url('/fehlt.png')}", encoding="utf-8")
    pages = [(sitelib.url_of(tmp_path, f), f) for f in sitelib.html_files(tmp_path)]
    broken, checked = check_refs(tmp_path, collect_refs(tmp_path, pages))
    assert checked == 6
    assert len(broken) == 3, broken
    assert any("'/a/#x'" in b and "no id 'x'" in b for b in broken)
    assert any("'../fehlt/'" in b for b in broken)
    assert any("/s.css" in b and "/fehlt.png" in b for b in broken)
